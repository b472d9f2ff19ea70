// The report behind a tier point-change figure: the clients and entries of one of its
// parts (new sold points add up from new and increased; lost sold points from expired,
// decreased and declined), with the product, deal and entry that explain each row.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeItem, PointChangeCategory, PointChanges } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { RuleCell } from '../../ui/rule-cell.tsx';
import { ExportAction, metricOf } from '../reports/export-action.tsx';
import { SaveReportAction } from '../reports/save-report-action.tsx';
import { UseInListsAction } from '../reports/use-in-lists-action.tsx';
import classes from './activity.module.css';
import { pointChangeClientIds, type Range, usePointChangeItems } from './activity-queries.ts';
import { TONE_COLOR, type Tone, toneOf, useSignedPoints } from './figure.tsx';
import { ClientCell, type ReportColumn, ReportDrawer } from './report-drawer.tsx';

export type PointFigure = 'wonSold' | 'lostSold' | 'newManaged' | 'lostManaged';

export const POINT_FIGURES: readonly PointFigure[] = ['wonSold', 'lostSold', 'newManaged', 'lostManaged'];

export const FIGURE_PARTS: Record<PointFigure, readonly PointChangeCategory[]> = {
  wonSold: ['newSold', 'increasedSold'],
  lostSold: ['expiredSold', 'decreasedSold', 'declinedSold'],
  newManaged: ['newManaged'],
  lostManaged: ['lostManaged'],
};

export const FIGURE_TONE: Record<PointFigure, Tone> = {
  wonSold: 'gain',
  lostSold: 'loss',
  newManaged: 'gain',
  lostManaged: 'loss',
};

export interface PointReport {
  figure: PointFigure;
  category: PointChangeCategory;
}

function Muted({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

function useColumns(managed: boolean, tone: Tone): ReportColumn<ChangeItem>[] {
  const { t } = useTranslation();
  const f = useFormat();
  const signed = useSignedPoints();
  const none = t('common.none');
  const col = (key: string) => t(`activity.report.col.${key}`);
  const client: ReportColumn<ChangeItem> = {
    key: 'client',
    header: col('client'),
    render: (row) => <ClientCell name={row.clientName} clientId={row.clientId} />,
  };
  const points: ReportColumn<ChangeItem> = {
    key: 'points',
    header: col('points'),
    numeric: true,
    render: (row) => (
      <Text size="sm" fw={600} c={TONE_COLOR[toneOf(row.points, tone)]} inherit>
        {signed(row.points, tone)}
      </Text>
    ),
  };
  if (managed) {
    const amount = (value: number | null) => (value === null ? none : f.points(value));
    return [
      client,
      { key: 'date', header: col('asOf'), render: (row) => f.date(row.date) },
      { key: 'before', header: col('before'), numeric: true, render: (row) => amount(row.before) },
      { key: 'after', header: col('after'), numeric: true, render: (row) => amount(row.after) },
      points,
    ];
  }
  return [
    client,
    {
      key: 'date',
      header: col('date'),
      render: (row) => <span style={{ whiteSpace: 'nowrap' }}>{f.date(row.date)}</span>,
    },
    { key: 'product', header: col('product'), render: (row) => row.product ?? none },
    {
      key: 'deal',
      header: col('deal'),
      render: (row) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm">{row.dealId ?? none}</Text>
          {row.dealType ? (
            <Badge
              size="xs"
              miw="max-content"
              variant="light"
              color={row.dealType === 'sourced' ? 'indigo' : 'gray'}
            >
              {t(`activity.report.type.${row.dealType}`)}
            </Badge>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'entry',
      header: col('entry'),
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm">{row.entryId ?? none}</Text>
          {row.changeId && row.changeId !== row.entryId ? (
            <Muted>{t('activity.report.change', { id: row.changeId })}</Muted>
          ) : null}
        </Stack>
      ),
    },
    { key: 'rule', header: col('rule'), render: (row) => (row.rule ? <RuleCell rule={row.rule} /> : none) },
    points,
  ];
}

function PartLabel({ part, figures }: { part: PointChangeCategory; figures: PointChanges }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Group gap={6} justify="center" wrap="nowrap">
      <span>{t(`activity.pointChanges.part.${part}`)}</span>
      <Text span size="xs" className={classes.num}>
        {f.points(figures[part])}
      </Text>
    </Group>
  );
}

export function PointChangeReport({
  partnerId,
  range,
  figures,
  report,
  opened,
  onClose,
  onCategoryChange,
}: {
  partnerId: string;
  range: Range;
  figures: PointChanges;
  report: PointReport;
  opened: boolean;
  onClose: () => void;
  onCategoryChange: (category: PointChangeCategory) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const signed = useSignedPoints();
  const { figure, category } = report;
  // The page belongs to one part and range: another part or range starts at page 1.
  const scope = `${category}|${range.from}|${range.to}`;
  const [paging, setPaging] = useState({ scope, page: 1 });
  const page = paging.scope === scope ? paging.page : 1;
  const query = usePointChangeItems(partnerId, category, range, page);
  const tone = FIGURE_TONE[figure];
  const managed = figure === 'newManaged' || figure === 'lostManaged';
  const columns = useColumns(managed, tone);
  const parts = FIGURE_PARTS[figure];
  const title = t(`activity.pointChanges.${figure}`);
  // The export and the list take the part shown: "Lost sold points, Expired 2026-11-06 to 2026-12-05".
  const reportName = parts.length > 1 ? `${title}, ${t(`activity.pointChanges.part.${category}`)}` : title;
  const defaultName = t('reportActions.export.nameRange', {
    report: reportName,
    from: range.from,
    to: range.to,
  });
  return (
    <ReportDrawer
      partnerId={partnerId}
      opened={opened}
      onClose={onClose}
      title={title}
      range={t('activity.range', { from: f.date(range.from), to: f.date(range.to) })}
      total={
        <Text span inherit c={TONE_COLOR[toneOf(figures[figure], tone)]}>
          {signed(figures[figure], tone)}
        </Text>
      }
      description={t(`activity.pointChanges.about.${category}`)}
      sections={
        parts.length > 1
          ? parts.map((part) => ({ value: part, label: <PartLabel part={part} figures={figures} /> }))
          : undefined
      }
      section={category}
      onSectionChange={(value) => onCategoryChange(value as PointChangeCategory)}
      query={query}
      columns={columns}
      rowKey={(row, index) => `${row.clientId}-${row.entryId ?? ''}-${row.changeId ?? ''}-${index}`}
      onPageChange={(next) => setPaging({ scope, page: next })}
      actions={
        <>
          <UseInListsAction
            partnerId={partnerId}
            defaultName={defaultName}
            clients={{
              queryKey: ['point-changes', category, range.from, range.to],
              load: () => pointChangeClientIds(partnerId, category, range),
            }}
          />
          <ExportAction
            partnerId={partnerId}
            report="point-changes"
            filters={{ metric: metricOf(category), from: range.from, to: range.to }}
            defaultName={defaultName}
          />
          <SaveReportAction
            partnerId={partnerId}
            defaultName={reportName}
            definition={{
              report: 'point-changes',
              metric: metricOf(category),
              range: { kind: 'fixed', from: range.from, to: range.to },
            }}
          />
        </>
      }
    />
  );
}
