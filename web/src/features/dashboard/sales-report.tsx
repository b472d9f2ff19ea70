// The report behind a shared-sales figure: its deals, with the client, whether the partner
// sourced or assisted it, its stage, its MRR in its own currency and in the base currency,
// and when it was created and closed.
import { Badge, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, SalesCategory, SharedSales } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { ExportAction, metricOf } from '../reports/export-action.tsx';
import { SaveReportAction } from '../reports/save-report-action.tsx';
import { UseInListsAction } from '../reports/use-in-lists-action.tsx';
import { type Range, salesClientIds, useSalesItems } from './activity-queries.ts';
import { ClientCell, type ReportColumn, ReportDrawer } from './report-drawer.tsx';

const STAGE_COLOR: Record<Deal['stage'], string> = { open: 'blue', closed_won: 'teal', closed_lost: 'red' };

function useColumns(): ReportColumn<Deal>[] {
  const { t } = useTranslation();
  const f = useFormat();
  const col = (key: string) => t(`activity.report.col.${key}`);
  const day = (value: string | null) => (
    <span style={{ whiteSpace: 'nowrap' }}>{value ? f.date(value) : t('common.none')}</span>
  );
  return [
    {
      key: 'deal',
      header: col('deal'),
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {row.name ?? t(row.registration ? 'activity.report.registration' : 'activity.report.unnamed')}
          </Text>
          <Text size="xs" c="dimmed">
            {row.dealId}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'client',
      header: col('client'),
      render: (row) => <ClientCell name={row.clientName} clientId={row.clientId} />,
    },
    {
      key: 'type',
      header: col('type'),
      render: (row) => (
        <Badge size="sm" miw="max-content" variant="light" color={row.type === 'sourced' ? 'indigo' : 'gray'}>
          {t(`activity.report.type.${row.type}`)}
        </Badge>
      ),
    },
    {
      key: 'stage',
      header: col('stage'),
      // A registration shows its own status (the queue's names) rather than the deal stage.
      render: (row) => (
        <Badge size="sm" miw="max-content" variant="dot" color={STAGE_COLOR[row.stage]}>
          {row.registration
            ? t(`opRegistrations.status.${row.registration.status}`)
            : t(`activity.report.stage.${row.stage}`)}
        </Badge>
      ),
    },
    { key: 'created', header: col('created'), render: (row) => day(row.createdOn) },
    {
      key: 'closed',
      header: col('closed'),
      // A registration is not closed yet: its expected close date, marked as expected.
      render: (row) =>
        row.registration ? (
          <span title={t('activity.report.expectedClose')}>
            {day(row.registration.expectedCloseDate)} {t('activity.report.expected')}
          </span>
        ) : (
          day(row.closedOn)
        ),
    },
    { key: 'amount', header: col('amount'), numeric: true, render: (row) => f.money(row.amount) },
    {
      key: 'amountBase',
      header: col('amountBase'),
      numeric: true,
      render: (row) => (
        <Text size="sm" fw={600} inherit>
          {f.money(row.amountBase)}
        </Text>
      ),
    },
  ];
}

export function SalesReport({
  partnerId,
  range,
  figures,
  category,
  opened,
  onClose,
}: {
  partnerId: string;
  range: Range;
  figures: SharedSales;
  category: SalesCategory;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  // The page belongs to one figure and range: another figure or range starts at page 1.
  const scope = `${category}|${range.from}|${range.to}`;
  const [paging, setPaging] = useState({ scope, page: 1 });
  const page = paging.scope === scope ? paging.page : 1;
  const query = useSalesItems(partnerId, category, range, page);
  const columns = useColumns();
  const figure = figures[category];
  const defaultName = t('reportActions.export.nameRange', {
    report: t(`activity.sales.${category}`),
    from: range.from,
    to: range.to,
  });
  return (
    <ReportDrawer
      partnerId={partnerId}
      opened={opened}
      onClose={onClose}
      title={t(`activity.sales.${category}`)}
      range={t('activity.range', { from: f.date(range.from), to: f.date(range.to) })}
      total={
        <>
          {t('activity.report.deals', { count: figure.deals, formatted: f.number(figure.deals) })}
          <Text span size="sm" c="dimmed" fw={500} ml="sm">
            {t('activity.sales.mrr', { amount: f.money(figure.mrr) })}
          </Text>
        </>
      }
      description={t(`activity.sales.about.${category}`)}
      query={query}
      columns={columns}
      minWidth={900}
      rowKey={(row) => row.dealId}
      onPageChange={(next) => setPaging({ scope, page: next })}
      actions={
        <>
          <UseInListsAction
            partnerId={partnerId}
            defaultName={defaultName}
            clients={{
              queryKey: ['shared-sales', category, range.from, range.to],
              load: () => salesClientIds(partnerId, category, range),
            }}
          />
          <ExportAction
            partnerId={partnerId}
            report="deals"
            filters={{ metric: metricOf(category), from: range.from, to: range.to }}
            defaultName={defaultName}
          />
          <SaveReportAction
            partnerId={partnerId}
            defaultName={t(`activity.sales.${category}`)}
            definition={{
              report: 'deals',
              metric: metricOf(category),
              range: { kind: 'fixed', from: range.from, to: range.to },
            }}
          />
        </>
      }
    />
  );
}
