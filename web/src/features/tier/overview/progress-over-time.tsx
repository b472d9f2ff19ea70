// Progress over time: points per month end by track with the next tier's threshold in force
// each month (GET /tier/progress-chart). The chart is loaded lazily (Recharts stays out of
// the first visit); its data is also a visually hidden table.
import { Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressChart } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED } from './colors.ts';
import type { ProgressRow } from './progress-over-time-chart.tsx';
import { useProgressChart } from './queries.ts';
import { SeriesTable } from './series-table.tsx';

const ProgressOverTimeChart = lazy(() => import('./progress-over-time-chart.tsx'));

function rowsOf(data: ProgressChart): ProgressRow[] {
  return data.months.map((m) => ({
    monthEnd: m.monthEnd,
    combined: m.total,
    sold: m.sold,
    managed: m.managed,
    threshold: m.next?.total ?? null,
    nextTier: m.next?.name ?? null,
  }));
}

function Body({ data }: { data: ProgressChart }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summaryId = useId();
  const rows = rowsOf(data);
  const first = rows[0]?.monthEnd ?? data.from;
  const last = rows.at(-1)?.monthEnd ?? data.to;
  const title = t('tierOverview.overTime.chart');
  const summary = t('tierOverview.overTime.summary', { from: f.month(first), to: f.month(last) });
  const series = ['combined', 'sold', 'managed'] as const;
  return (
    <Stack gap="xs" data-testid="progress-over-time" data-months={rows.length}>
      <figure style={{ margin: 0 }} aria-label={title} aria-describedby={summaryId}>
        <Suspense fallback={<Skeleton height={320} aria-label={t('tierOverview.overTime.loading')} />}>
          <ProgressOverTimeChart rows={rows} title={title} />
        </Suspense>
        <Text component="figcaption" id={summaryId} size="xs" c={MUTED} mt="xs">
          {summary}
        </Text>
      </figure>
      <SeriesTable
        caption={title}
        head={t('tierOverview.overTime.month')}
        testId="progress-over-time-table"
        columns={[
          ...series.map((key) => ({ key, label: t(`tierOverview.tracks.${key}`) })),
          { key: 'nextTier', label: t('tierOverview.overTime.nextTier') },
          { key: 'threshold', label: t('tierOverview.overTime.threshold') },
        ]}
        rows={rows.map((row) => ({
          key: row.monthEnd,
          label: f.date(row.monthEnd),
          cells: [
            ...series.map((key) => ({ key, value: row[key], text: f.points(row[key]) })),
            { key: 'nextTier', value: row.nextTier, text: row.nextTier ?? t('common.none') },
            {
              key: 'threshold',
              value: row.threshold,
              text: row.threshold === null ? t('common.none') : f.points(row.threshold),
            },
          ],
        }))}
      />
    </Stack>
  );
}

export function ProgressOverTimePanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const query = useProgressChart(partnerId);
  return (
    <Panel
      id="progress-over-time"
      title={t('tierOverview.overTime.title')}
      query={query}
      isEmpty={(data) => data.months.length === 0}
    >
      {(data) => <Body data={data} />}
    </Panel>
  );
}
