// The program pages' frame: the title and the three views (the program in force, the drafts,
// the history of published versions), each a route of its own under /operator/program.
import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

const VIEWS = [
  { key: 'published', to: '/operator/program' },
  { key: 'drafts', to: '/operator/program/drafts' },
  { key: 'history', to: '/operator/program/history' },
] as const;

export default function ProgramLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = (to: string) =>
    to === '/operator/program' ? pathname.replace(/\/$/, '') === to : pathname.startsWith(to);
  return (
    <Stack gap="md">
      <Title order={1}>{t('opProgram.title')}</Title>
      <Group component="nav" gap="xs" aria-label={t('opProgram.views.label')}>
        {VIEWS.map((view) => (
          <Button
            key={view.key}
            component={Link}
            to={view.to}
            size="sm"
            variant={current(view.to) ? 'filled' : 'default'}
            aria-current={current(view.to) ? 'page' : undefined}
          >
            {t(`opProgram.views.${view.key}`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
