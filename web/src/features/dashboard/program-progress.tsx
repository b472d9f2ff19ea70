// Alerts and Program progress: the credited tier, performance, points and revenue metrics.
import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { Panel, Stat } from '../../ui/panel.tsx';

export function AlertsPanel({ summary }: { summary: UseQueryResult<Summary> }) {
  const { t } = useTranslation();
  return (
    <Panel id="alerts" title={t('dashboard.alerts.title')} query={summary}>
      {(data) =>
        data.alerts.renewals > 0 ? (
          <Alert color="orange" variant="light" data-testid="renewal-alert">
            <Stack gap={4}>
              <Text fw={600}>{t('dashboard.alerts.renewals', { count: data.alerts.renewals })}</Text>
              <Anchor href="#renewals" size="sm" c="dark.7" underline="always">
                {t('dashboard.alerts.show')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <Text c="dimmed" size="sm" data-testid="renewal-alert">
            {t('dashboard.alerts.none')}
          </Text>
        )
      }
    </Panel>
  );
}

export function ProgramProgressPanel({ summary }: { summary: UseQueryResult<Summary> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  return (
    <Panel id="program-progress" title={t('dashboard.progress.title')} query={summary}>
      {(data) => (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            <Stat
              label={t('dashboard.progress.credited')}
              value={<span data-testid="credited-tier">{data.credited?.name ?? t('common.noTier')}</span>}
            />
            <Stat
              label={t('dashboard.progress.performance')}
              value={
                <span data-testid="performance-tier">{data.performance?.name ?? t('common.noTier')}</span>
              }
            />
            <Stat
              label={t('dashboard.progress.total')}
              value={<span data-testid="total-points">{f.points(data.points.total)}</span>}
              hint={`${t('dashboard.progress.sold')} ${f.points(data.points.sold)} · ${t('dashboard.progress.managed')} ${f.points(data.points.managed)}`}
            />
            <Stat
              label={
                data.nextTier
                  ? t('dashboard.progress.needed', { tier: data.nextTier.tierName })
                  : t('dashboard.progress.top')
              }
              value={
                <span data-testid="points-needed">
                  {data.nextTier ? f.points(data.nextTier.missing.total) : none}
                </span>
              }
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="lg">
            <Stat
              label={t('dashboard.progress.sourcedDollars')}
              value={data.metrics.sourcedDollars12m ? f.money(data.metrics.sourcedDollars12m) : none}
            />
            <Stat
              label={t('dashboard.progress.sourcedMrr')}
              value={data.metrics.sourcedMrrRolling12m ? f.money(data.metrics.sourcedMrrRolling12m) : none}
            />
            <Stat
              label={t('dashboard.progress.retention')}
              value={
                data.metrics.customerDollarRetention12m === null
                  ? none
                  : f.percent(data.metrics.customerDollarRetention12m)
              }
              hint={t('dashboard.progress.retentionHint')}
            />
          </SimpleGrid>
          {data.certified ? null : (
            <Group>
              <Badge color="red" variant="light">
                {t('dashboard.progress.notCertified')}
              </Badge>
            </Group>
          )}
        </Stack>
      )}
    </Panel>
  );
}
