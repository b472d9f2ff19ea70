// The Progress over time chart (Recharts, loaded lazily): combined, sold and managed points
// at each month end as lines, and the total the next tier needed that month as a step line.
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format.ts';
import { MUTED, TRACK_COLORS } from './colors.ts';
import classes from './overview.module.css';

export interface ProgressRow {
  monthEnd: string;
  combined: number;
  sold: number;
  managed: number;
  threshold: number | null;
  nextTier: string | null;
}

const AXIS = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

function TooltipBody({ row }: { row: ProgressRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lines = [
    {
      key: 'combined',
      label: t('tierOverview.tracks.combined'),
      value: row.combined,
      color: TRACK_COLORS.combined,
    },
    { key: 'sold', label: t('tierOverview.tracks.sold'), value: row.sold, color: TRACK_COLORS.seller },
    {
      key: 'managed',
      label: t('tierOverview.tracks.managed'),
      value: row.managed,
      color: TRACK_COLORS.managed,
    },
  ];
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {f.date(row.monthEnd)}
        </Text>
        {lines.map((l) => (
          <Text key={l.key} size="xs" style={{ display: 'flex', gap: 12, justifyContent: 'space-between' }}>
            <span style={{ color: l.color, fontWeight: 600 }}>{l.label}</span>
            <span className={classes.num}>{f.points(l.value)}</span>
          </Text>
        ))}
        {row.threshold !== null && row.nextTier ? (
          <Text size="xs" c={MUTED} style={{ display: 'flex', gap: 12, justifyContent: 'space-between' }}>
            <span>{row.nextTier}</span>
            <span className={classes.num}>{f.points(row.threshold)}</span>
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

export default function ProgressOverTimeChart({ rows, title }: { rows: ProgressRow[]; title: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = {
    combined: t('tierOverview.tracks.combined'),
    sold: t('tierOverview.tracks.sold'),
    managed: t('tierOverview.tracks.managed'),
    threshold: t('tierOverview.overTime.threshold'),
  };
  const dot = { r: 2.5, strokeWidth: 0 };
  return (
    <div className={classes.chart} data-testid="progress-over-time-chart">
      <LineChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title={title}
      >
        <CartesianGrid stroke="var(--mantine-color-gray-2)" vertical={false} />
        <XAxis
          dataKey="monthEnd"
          tickFormatter={(value: string) => f.monthShort(value)}
          tick={AXIS}
          tickLine={false}
          axisLine={{ stroke: 'var(--mantine-color-gray-4)' }}
          minTickGap={16}
        />
        <YAxis
          tickFormatter={(value: number) => f.number(value)}
          tick={AXIS}
          tickLine={false}
          axisLine={false}
          width={56}
        />
        <Tooltip
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as ProgressRow | undefined;
            return active && row ? <TooltipBody row={row} /> : null;
          }}
        />
        <Legend
          itemSorter={null}
          formatter={(value) => <span style={{ color: 'var(--mantine-color-dark-6)' }}>{value}</span>}
          iconType="plainline"
          wrapperStyle={{ fontSize: 13, paddingTop: 8 }}
        />
        <Line
          dataKey="combined"
          name={names.combined}
          stroke={TRACK_COLORS.combined}
          strokeWidth={2.5}
          dot={{ ...dot, fill: TRACK_COLORS.combined }}
          isAnimationActive={false}
        />
        <Line
          dataKey="sold"
          name={names.sold}
          stroke={TRACK_COLORS.seller}
          strokeWidth={2}
          dot={{ ...dot, fill: TRACK_COLORS.seller }}
          isAnimationActive={false}
        />
        <Line
          dataKey="managed"
          name={names.managed}
          stroke={TRACK_COLORS.managed}
          strokeWidth={2}
          dot={{ ...dot, fill: TRACK_COLORS.managed }}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="threshold"
          name={names.threshold}
          stroke={TRACK_COLORS.threshold}
          strokeDasharray="6 4"
          strokeWidth={1.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
