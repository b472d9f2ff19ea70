// The full commission page (rules §9), behind the dashboard's Commission panel: the payouts
// by quarter with their dates, accrued beside paid and the difference, every deal's accruals
// per month, the recorded payments; status and client filters kept in the URL, and the
// three report actions of the commission report (the same rows as its export).
import { Anchor, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Commission } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { Panel, Stat } from '../../ui/panel.tsx';
import { LINK, MUTED } from '../../ui/tone.tsx';
import { ExportAction } from '../reports/export-action.tsx';
import { SaveReportAction } from '../reports/save-report-action.tsx';
import { UseInListsAction } from '../reports/use-in-lists-action.tsx';
import { AccrualsTable } from './accruals-table.tsx';
import { Difference, PaymentsTable, QuartersTable } from './commission-tables.tsx';
import {
  type CommissionFilters,
  type CommissionStatus,
  commissionClientIds,
  useCommissionClients,
  useCommissionView,
} from './queries.ts';

const ALL = 'all';
const STATUSES: readonly CommissionStatus[] = ['paid', 'upcoming'];

function useFilters(): [
  CommissionFilters,
  (changes: Partial<CommissionFilters>) => void,
  number,
  (p: number) => void,
] {
  const [params, setParams] = useUrlState();
  const status = params.get('status');
  const filters: CommissionFilters = {
    status: STATUSES.includes(status as CommissionStatus) ? (status as CommissionStatus) : null,
    client: params.get('client') || null,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  return [
    filters,
    // A filter change starts the deals again on their first page.
    (changes) => setParams({ ...changes, page: null }),
    page,
    (p) => setParams({ page: p > 1 ? String(p) : null }),
  ];
}

/** The four figures of the quarters shown, as the API sums them. */
function Figures({ data }: { data: Commission }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { totals } = data;
  const figure = (key: 'accrued' | 'paid' | 'difference' | 'upcoming') => (
    <Stat
      key={key}
      label={t(`commission.stats.${key}`)}
      value={
        <span data-testid={`figure-${key}`}>
          {key === 'difference' ? <Difference value={totals.difference} /> : f.money(totals[key])}
        </span>
      }
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" data-testid="commission-figures">
      {(['accrued', 'paid', 'difference', 'upcoming'] as const).map(figure)}
    </SimpleGrid>
  );
}

export default function CommissionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { partnerId = '' } = useParams();
  const [filters, setFilters, page, setPage] = useFilters();
  const view = useCommissionView(partnerId, filters);
  const clients = useCommissionClients(partnerId);
  const data = view.data;
  const title = t('commission.title');
  const on = data?.on;
  const defaultName = on
    ? t('reportActions.export.nameDay', { report: t('commission.reportName'), on })
    : title;
  return (
    <Stack data-testid="commission-page">
      <Anchor component={Link} to={`/partners/${encodeURIComponent(partnerId)}/dashboard`} size="sm" c={LINK}>
        {t('commission.back')}
      </Anchor>
      <Title order={1}>{title}</Title>
      {data ? (
        <Text c={MUTED} maw={820}>
          {t('commission.intro', {
            rate: f.percent(data.rate),
            months: data.months,
            lag: data.payoutLagDays,
          })}
        </Text>
      ) : null}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="commission-status-label">
              {t('commission.filters.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="commission-status-label"
              data={[ALL, ...STATUSES].map((value) => ({ value, label: t(`commission.filters.${value}`) }))}
              value={filters.status ?? ALL}
              onChange={(value) => setFilters({ status: value === ALL ? null : (value as CommissionStatus) })}
              data-testid="commission-status"
            />
          </Stack>
          <Select
            label={t('commission.filters.client')}
            w={{ base: '100%', xs: 240 }}
            searchable
            data={[{ value: ALL, label: t('commission.filters.allClients') }, ...(clients.data ?? [])]}
            value={filters.client ?? ALL}
            allowDeselect={false}
            onChange={(value) => setFilters({ client: value === ALL || value === null ? null : value })}
            data-testid="commission-client"
          />
        </Group>
        {on ? (
          <Group gap="xs" wrap="wrap" data-testid="commission-actions">
            <UseInListsAction
              partnerId={partnerId}
              defaultName={defaultName}
              clients={{
                queryKey: ['commission', on, filters.status, filters.client],
                load: () => commissionClientIds(partnerId, filters, on),
              }}
            />
            <ExportAction
              partnerId={partnerId}
              report="commission"
              filters={{ on, metric: filters.status ?? undefined, client: filters.client ?? undefined }}
              defaultName={defaultName}
            />
            <SaveReportAction
              partnerId={partnerId}
              defaultName={title}
              definition={{ report: 'commission', ...(filters.status ? { metric: filters.status } : {}) }}
              unavailable={filters.client ? t('commission.saveFiltered') : undefined}
            />
          </Group>
        ) : null}
      </Group>
      {data ? <Figures data={data} /> : null}
      <Panel
        id="commission-quarters"
        title={t('commission.quarters.title')}
        query={view}
        isEmpty={(d) => d.quarters.length === 0}
        empty={t('commission.quarters.empty')}
      >
        {(d) => <QuartersTable data={d} />}
      </Panel>
      <Panel
        id="commission-accruals"
        title={t('commission.accruals.title')}
        query={view}
        isEmpty={(d) => (d.deals ?? []).length === 0}
        empty={t('commission.accruals.empty')}
      >
        {(d) => <AccrualsTable data={d} page={page} onPage={setPage} />}
      </Panel>
      <Panel
        id="commission-payments"
        title={t('commission.payments.title')}
        query={view}
        isEmpty={(d) => d.payments.length === 0}
        empty={t('commission.payments.empty')}
      >
        {(d) => <PaymentsTable data={d} />}
      </Panel>
    </Stack>
  );
}
