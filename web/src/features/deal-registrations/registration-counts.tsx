// The dashboard's shared-sales panel's line of the partner's deal registrations: how many in
// each status (all of them, not only the panel's date range: a registration is open until
// decided), and the ways to My registrations and Register a deal.
import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format.ts';
import { MUTED } from '../../ui/tone.tsx';
import { countByStatus, REGISTRATION_STATUSES, useMyRegistrations } from './queries.ts';

export function RegistrationCounts({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useMyRegistrations(partnerId);
  const base = `/partners/${encodeURIComponent(partnerId)}`;
  const counts = list.data ? countByStatus(list.data) : null;
  return (
    <Stack gap="xs" data-testid="registration-counts">
      <Text fw={600} size="sm">
        {t('dealRegistrations.panel.title')}
      </Text>
      {list.isPending ? (
        <Skeleton height={18} width="60%" />
      ) : counts && list.data && list.data.registrations.length > 0 ? (
        <Group gap="lg" role="list" aria-label={t('dealRegistrations.panel.counts')}>
          {REGISTRATION_STATUSES.map((status) => (
            <Text key={status} size="sm" role="listitem" data-status={status}>
              <Text span c={MUTED} size="sm">
                {t(`opRegistrations.status.${status}`)}
              </Text>{' '}
              <Text span fw={700} size="sm" data-testid="registration-count">
                {f.number(counts[status])}
              </Text>
            </Text>
          ))}
        </Group>
      ) : (
        <Text size="sm" c={MUTED}>
          {list.isError
            ? t('common.state.error', { message: list.error.message })
            : t('dealRegistrations.panel.none')}
        </Text>
      )}
      <Group gap="sm">
        <Button variant="light" size="sm" component={Link} to={`${base}/registrations`}>
          {t('dealRegistrations.panel.open')}
        </Button>
        <Button variant="default" size="sm" component={Link} to={`${base}/registrations/new`}>
          {t('dealRegistrations.panel.new')}
        </Button>
      </Group>
    </Stack>
  );
}
