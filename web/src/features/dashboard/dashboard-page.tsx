// The partner dashboard: alerts, program and tier progress, point changes, shared sales,
// commission, clients, upcoming renewals, and the Team tab. A client's panel opens over
// it from the URL (?client=ID), so that it can be linked and reloaded.
import { Grid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { NotFound } from '../../app/not-found.tsx';
import { ApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { ClientDrawer } from '../clients/client-drawer.tsx';
import { ClientsPanel } from '../clients/clients-panel.tsx';
import { UpcomingRenewalsPanel } from '../clients/renewals-panel.tsx';
import { DashboardCards } from '../saved-reports/dashboard-cards.tsx';
import { CommissionPanel } from './commission-panel.tsx';
import { PointChangesPanel } from './point-changes-panel.tsx';
import { AlertsPanel, ProgramProgressPanel } from './program-progress.tsx';
import { useSummary } from './queries.ts';
import { SharedSalesPanel } from './shared-sales-panel.tsx';
import { TeamTab } from './team-tab.tsx';
import { TierProgressPanel } from './tier-progress.tsx';

export default function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { partnerId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const summary = useSummary(partnerId);
  if (summary.error instanceof ApiError && summary.error.status === 404) return <NotFound />;
  const tab = params.get('tab') === 'team' ? 'team' : 'overview';
  const clientId = params.get('client');
  const today = summary.data?.today;
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: key === 'tab' },
    );
  return (
    <Stack gap="md" maw={1400} mx="auto">
      <div>
        <Title order={1} size="h2">
          {summary.data?.partner.name ?? t('dashboard.title')}
        </Title>
        {summary.data ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.asOf', { date: f.date(summary.data.asOf) })}
          </Text>
        ) : null}
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParam('tab', value === 'team' ? 'team' : null)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('dashboard.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="team">{t('dashboard.tabs.team')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <DashboardCards partnerId={partnerId} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <AlertsPanel summary={summary} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <ProgramProgressPanel summary={summary} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TierProgressPanel partnerId={partnerId} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <CommissionPanel partnerId={partnerId} />
            </Grid.Col>
            {today ? (
              <>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <PointChangesPanel partnerId={partnerId} today={today} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <SharedSalesPanel partnerId={partnerId} today={today} />
                </Grid.Col>
              </>
            ) : null}
            <Grid.Col span={12}>
              <ClientsPanel partnerId={partnerId} onOpenClient={(id) => setParam('client', id)} />
            </Grid.Col>
            <Grid.Col span={12}>
              <UpcomingRenewalsPanel partnerId={partnerId} onOpenClient={(id) => setParam('client', id)} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamTab partnerId={partnerId} />
        </Tabs.Panel>
      </Tabs>
      {clientId ? (
        <ClientDrawer partnerId={partnerId} clientId={clientId} onClose={() => setParam('client', null)} />
      ) : null}
    </Stack>
  );
}
