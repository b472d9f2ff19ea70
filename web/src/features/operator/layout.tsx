// The operator console's frame: its own header and navigation under /operator, apart from
// the partner portal (which an operator reaches through "View as partner").
import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { AccountMenu, LanguageSwitcher } from '../../app/header-controls.tsx';
import type { Me } from '../../lib/session.ts';

export const OPERATOR_PAGES = [
  'overview',
  'partners',
  'reports',
  'registrations',
  'users',
  'imports',
  'program',
  'integrations',
  'sso',
  'audit',
  'backups',
] as const;

export function OperatorLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const links = OPERATOR_PAGES.map((page) => ({
    to: page === 'overview' ? '/operator' : `/operator/${page}`,
    label: t(`operator.nav.${page}`),
  }));
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common.nav.openMenu')}
            />
            <Text fw={800} size="lg" c="indigo.7">
              {t('common.appName')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('operator.title')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <AccountMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('operator.nav.label')}>
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            active={
              link.to === '/operator'
                ? location.pathname === '/operator'
                : location.pathname.startsWith(link.to)
            }
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" data-testid="operator-main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
