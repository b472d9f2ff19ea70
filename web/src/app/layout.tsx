// The signed-in frame: header with the partner (a switcher for operators), the language
// and the account menu; navigation; the page below. Works from a laptop down to a phone.
import { AppShell, Burger, Group, NavLink, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { ViewAsBanner } from '../features/operator/view-as-banner.tsx';
import { api } from '../lib/api.ts';
import type { Me } from '../lib/session.ts';
import { AccountMenu, LanguageSwitcher } from './header-controls.tsx';

interface PartnerOption {
  partnerId: string;
  name: string;
}

function PartnerSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<{ partners: PartnerOption[] }>('/api/v1/partners'),
    staleTime: 60_000,
  });
  const data = (partners.data?.partners ?? []).map((p) => ({
    value: p.partnerId,
    label: `${p.name} (${p.partnerId})`,
  }));
  return (
    <Select
      aria-label={t('common.partner.label')}
      placeholder={t('common.partner.placeholder')}
      searchable
      nothingFoundMessage={t('common.state.empty')}
      data={data}
      value={current}
      w={{ base: 160, sm: 260 }}
      size="sm"
      allowDeselect={false}
      onChange={(partnerId) => {
        if (!partnerId) return;
        localStorage.setItem('tierwise.partner', partnerId);
        // Keep the page (dashboard, tier), drop what belonged to the other partner.
        const page = location.pathname.split('/')[3] ?? 'dashboard';
        navigate(`/partners/${encodeURIComponent(partnerId)}/${page}`);
      }}
    />
  );
}

export function Layout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { partnerId = '' } = useParams();
  const location = useLocation();
  const base = `/partners/${encodeURIComponent(partnerId)}`;
  const links = [
    { to: `${base}/dashboard`, label: t('common.nav.dashboard') },
    { to: `${base}/tier`, label: t('common.nav.tier') },
    { to: `${base}/registrations`, label: t('common.nav.registrations') },
    { to: `${base}/lists`, label: t('common.nav.lists') },
    { to: `${base}/reports`, label: t('common.nav.reports') },
    // A partner super admin manages the partner's users here; operators do it in the console.
    ...(me.user.role === 'partner-admin' ? [{ to: `${base}/users`, label: t('common.nav.users') }] : []),
    ...(me.user.role === 'operator' ? [{ to: '/operator', label: t('common.nav.console') }] : []),
  ];
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
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
            {me.user.role === 'operator' ? (
              <PartnerSwitcher current={partnerId} />
            ) : (
              <Text size="sm" c="dimmed" visibleFrom="sm">
                {me.partner?.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <AccountMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('common.nav.main')}>
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            active={location.pathname.startsWith(link.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" data-testid="app-main">
        {me.user.role === 'operator' ? <ViewAsBanner partnerId={partnerId} /> : null}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
