// The forecast chart (Recharts, loaded lazily, as the progress-over-time chart): total points
// on each forecast date, one line if nothing else happens and one if the pipeline closes.
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format.ts';
import classes from '../overview/overview.module.css';
import { FORECAST_COLORS } from './colors.ts';

export interface ForecastRow {
  date: string;
  baseline: number;
  pipeline: number;
}

const AXIS = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

function TooltipBody({ row }: { row: ForecastRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lines = [
    { key: 'baseline', label: t('tierForecast.baseline'), value: row.baseline },
    { key: 'pipeline', label: t('tierForecast.pipeline'), value: row.pipeline },
  ] as const;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {f.date(row.date)}
        </Text>
        {lines.map((l) => (
          <Text key={l.key} size="xs" style={{ display: 'flex', gap: 12, justifyContent: 'space-between' }}>
            <span style={{ color: FORECAST_COLORS[l.key], fontWeight: 600 }}>{l.label}</span>
            <span className={classes.num}>{f.points(l.value)}</span>
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

export default function ForecastChart({ rows, title }: { rows: ForecastRow[]; title: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dot = { r: 3.5, strokeWidth: 0 };
  return (
    <div className={classes.chart} data-testid="forecast-chart">
      <LineChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        title={title}
      >
        <CartesianGrid stroke="var(--mantine-color-gray-2)" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(value: string) => f.date(value)}
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
          width={64}
          domain={['auto', 'auto']}
        />
        <Tooltip
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as ForecastRow | undefined;
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
          dataKey="baseline"
          name={t('tierForecast.baseline')}
          stroke={FORECAST_COLORS.baseline}
          strokeWidth={2.5}
          dot={{ ...dot, fill: FORECAST_COLORS.baseline }}
          isAnimationActive={false}
        />
        <Line
          dataKey="pipeline"
          name={t('tierForecast.pipeline')}
          stroke={FORECAST_COLORS.pipeline}
          strokeWidth={2.5}
          strokeDasharray="7 4"
          dot={{ ...dot, fill: FORECAST_COLORS.pipeline }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
