// The Sold points over time chart (Recharts, loaded lazily): per month, the tab's kinds of
// change as stacked bars, gains above the axis and losses below. Clicking a month opens it.
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format.ts';
import { SOLD_COLORS } from './colors.ts';
import classes from './overview.module.css';
import type { SoldTab } from './queries.ts';
import { dayOf, LOSSES, SERIES_OF, type SoldRow, type SoldSeries } from './sold-series.ts';

const AXIS = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

function TooltipBody({ row, series }: { row: SoldRow; series: readonly SoldSeries[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {f.month(dayOf(row.month))}
        </Text>
        {series.map((key) => (
          <Text key={key} size="xs" style={{ display: 'flex', gap: 12, justifyContent: 'space-between' }}>
            <span style={{ color: SOLD_COLORS[key], fontWeight: 600 }}>
              {t(`tierOverview.sold.series.${key}`)}
            </span>
            <span className={classes.num}>
              {LOSSES.has(key) && row[key] > 0 ? '−' : ''}
              {f.points(row[key])}
            </span>
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

export default function SoldOverTimeChart({
  rows,
  tab,
  title,
  onMonth,
}: {
  rows: SoldRow[];
  tab: SoldTab;
  title: string;
  onMonth: (month: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const series = SERIES_OF[tab];
  // Losses are drawn below the axis.
  const data = rows.map((row) => ({
    ...row,
    plot: Object.fromEntries(series.map((key) => [key, LOSSES.has(key) ? -row[key] : row[key]])),
  }));
  return (
    <div
      className={`${classes.chart} ${classes.clickable}`}
      data-testid="sold-over-time-chart"
      data-tab={tab}
    >
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        stackOffset="sign"
        cursor="pointer"
        title={title}
        onClick={(state) => {
          const row = rows[Number(state.activeTooltipIndex)];
          if (row) onMonth(row.month);
        }}
      >
        <CartesianGrid stroke="var(--mantine-color-gray-2)" vertical={false} />
        <XAxis
          dataKey="month"
          tickFormatter={(value: string) => f.monthShort(dayOf(value))}
          tick={AXIS}
          tickLine={false}
          axisLine={false}
          minTickGap={8}
        />
        <YAxis
          tickFormatter={(value: number) => f.number(value)}
          tick={AXIS}
          tickLine={false}
          axisLine={false}
          width={56}
        />
        <ReferenceLine y={0} stroke="var(--mantine-color-gray-5)" />
        <Tooltip
          cursor={{ fill: 'var(--mantine-color-gray-1)' }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as SoldRow | undefined;
            return active && row ? <TooltipBody row={row} series={series} /> : null;
          }}
        />
        <Legend
          itemSorter={null}
          formatter={(value) => <span style={{ color: 'var(--mantine-color-dark-6)' }}>{value}</span>}
          iconType="square"
          wrapperStyle={{ fontSize: 13, paddingTop: 8 }}
        />
        {series.map((key) => (
          <Bar
            key={key}
            dataKey={`plot.${key}`}
            name={t(`tierOverview.sold.series.${key}`)}
            stackId="sold"
            fill={SOLD_COLORS[key]}
            maxBarSize={36}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
