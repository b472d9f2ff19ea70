// Sold points over time (GET /tier/sold-over-time): per month new, increased,
// expired/declined and decreased sold points, with the tabs Total, Won and Lost. Clicking a
// month in the chart, or choosing it in the month picker, opens its clients in a drawer.
import { Group, Select, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoldOverTime } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED } from './colors.ts';
import { Figure } from './figure.tsx';
import { MonthClientsDrawer } from './month-clients-drawer.tsx';
import { type SoldTab, useSoldOverTime } from './queries.ts';
import { SeriesTable } from './series-table.tsx';
import { dayOf, SERIES_OF, type SoldRow, soldRows, TABS } from './sold-series.ts';

const SoldOverTimeChart = lazy(() => import('./sold-over-time-chart.tsx'));

const round2 = (value: number) => Math.round(value * 100) / 100;

function Totals({ rows, tab }: { rows: SoldRow[]; tab: SoldTab }) {
  const { t } = useTranslation();
  const f = useFormat();
  const won = round2(rows.reduce((s, r) => s + r.won, 0));
  const lost = round2(rows.reduce((s, r) => s + r.lost, 0));
  return (
    <Group gap="xl" wrap="wrap" data-testid="sold-totals">
      {tab !== 'lost' ? (
        <Figure
          label={t('tierOverview.sold.won')}
          value={<span data-testid="sold-won">{f.points(won)}</span>}
        />
      ) : null}
      {tab !== 'won' ? (
        <Figure
          label={t('tierOverview.sold.lost')}
          value={<span data-testid="sold-lost">{f.points(lost)}</span>}
        />
      ) : null}
      {tab === 'total' ? (
        <Figure
          label={t('tierOverview.sold.net')}
          value={<span data-testid="sold-net">{f.points(round2(won - lost))}</span>}
        />
      ) : null}
    </Group>
  );
}

function TabBody({
  data,
  rows,
  tab,
  onMonth,
}: {
  data: SoldOverTime;
  rows: SoldRow[];
  tab: SoldTab;
  onMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const summaryId = useId();
  const title = `${t('tierOverview.sold.chart')} (${t(`tierOverview.sold.tabs.${tab}`)})`;
  const series = SERIES_OF[tab];
  return (
    <Stack gap="sm" pt="md">
      <Totals rows={rows} tab={tab} />
      <figure style={{ margin: 0 }} aria-label={title} aria-describedby={summaryId}>
        <Suspense fallback={<Skeleton height={320} aria-label={t('tierOverview.overTime.loading')} />}>
          <SoldOverTimeChart rows={rows} tab={tab} title={title} onMonth={onMonth} />
        </Suspense>
        <Text component="figcaption" id={summaryId} size="xs" c={MUTED} mt="xs">
          {t('tierOverview.sold.summary', { from: f.month(dayOf(data.from)), to: f.month(dayOf(data.to)) })}
        </Text>
      </figure>
      <SeriesTable
        caption={title}
        head={t('tierOverview.sold.month')}
        testId="sold-over-time-table"
        columns={series.map((key) => ({ key, label: t(`tierOverview.sold.series.${key}`) }))}
        rows={rows.map((row) => ({
          key: row.month,
          label: f.month(dayOf(row.month)),
          cells: series.map((key) => ({ key, value: row[key], text: f.points(row[key]) })),
        }))}
      />
    </Stack>
  );
}

export function SoldOverTimePanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useSoldOverTime(partnerId);
  const [tab, setTab] = useState<SoldTab>('total');
  const [month, setMonth] = useState<string | null>(null);
  const months = query.data?.months ?? [];
  return (
    <Panel
      id="sold-over-time"
      title={t('tierOverview.sold.title')}
      query={query}
      isEmpty={(data) => data.months.length === 0}
      actions={
        <Select
          size="xs"
          w={200}
          label={t('tierOverview.sold.openMonth')}
          placeholder={t('tierOverview.sold.pickMonth')}
          data={months.map((m) => ({ value: m.month, label: f.month(dayOf(m.month)) }))}
          value={month}
          onChange={setMonth}
          data-testid="sold-month-select"
        />
      }
    >
      {(data) => {
        const rows = soldRows(data);
        return (
          <Stack gap={0} data-testid="sold-over-time" data-tab={tab} data-months={rows.length}>
            <Tabs value={tab} onChange={(value) => setTab((value as SoldTab) ?? 'total')} keepMounted={false}>
              <Tabs.List>
                {TABS.map((value) => (
                  <Tabs.Tab key={value} value={value}>
                    {t(`tierOverview.sold.tabs.${value}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {TABS.map((value) => (
                <Tabs.Panel key={value} value={value}>
                  <TabBody data={data} rows={rows} tab={value} onMonth={setMonth} />
                </Tabs.Panel>
              ))}
            </Tabs>
            <MonthClientsDrawer
              partnerId={partnerId}
              month={month}
              tab={tab}
              onTabChange={setTab}
              onClose={() => setMonth(null)}
            />
          </Stack>
        );
      }}
    </Panel>
  );
}
