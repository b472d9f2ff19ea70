// The overview's two charts (Recharts, as the Tier page): partners per tier (credited and
// performing side by side) and the total points histogram. Clicking a bar opens its partners.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format.ts';
import { type Overview, partnersLink } from './types.ts';

const AXIS = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };
const BOX = { width: '100%', height: 260 };

export function TierChart({ tiers }: { tiers: Overview['tiers'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const data = tiers.map((x) => ({ ...x, label: x.name ?? t('opOverview.none') }));
  return (
    <div style={BOX} data-testid="tier-chart">
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: '100%' }}
        title={t('opOverview.tiers.chart')}
        cursor="pointer"
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="var(--mantine-color-gray-2)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
        <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} width={48} />
        <Tooltip cursor={{ fill: 'var(--mantine-color-gray-1)' }} />
        <Legend iconType="square" wrapperStyle={{ fontSize: 13, paddingTop: 8 }} />
        <Bar
          dataKey="credited"
          name={t('opOverview.tiers.credited')}
          fill="var(--mantine-color-indigo-7)"
          isAnimationActive={false}
          onClick={(entry) =>
            navigate(partnersLink((entry.payload as Overview['tiers'][number]).creditedFilters))
          }
        />
        <Bar
          dataKey="performing"
          name={t('opOverview.tiers.performing')}
          fill="var(--mantine-color-teal-7)"
          isAnimationActive={false}
          onClick={(entry) =>
            navigate(partnersLink((entry.payload as Overview['tiers'][number]).performingFilters))
          }
        />
      </BarChart>
    </div>
  );
}

export function DistributionChart({ buckets }: { buckets: Overview['distribution']['buckets'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const data = buckets.map((b) => ({ ...b, label: f.number(b.from) }));
  return (
    <div style={BOX} data-testid="distribution-chart">
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: '100%' }}
        title={t('opOverview.distribution.chart')}
        cursor="pointer"
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        barCategoryGap={2}
        onClick={(state) => {
          const bucket = buckets[Number(state.activeTooltipIndex)];
          if (bucket) navigate(partnersLink(bucket.filters));
        }}
      >
        <CartesianGrid stroke="var(--mantine-color-gray-2)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
        <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} width={48} />
        <Tooltip
          cursor={{ fill: 'var(--mantine-color-gray-1)' }}
          labelFormatter={(_, payload) => {
            const b = payload?.[0]?.payload as (typeof data)[number] | undefined;
            return b
              ? t('opOverview.distribution.bucket', { from: f.number(b.from), to: f.number(b.to) })
              : '';
          }}
        />
        <Bar
          dataKey="partners"
          name={t('opOverview.partnersTotal', { count: 0 }).replace(/^0\s*/, '')}
          fill="var(--mantine-color-indigo-7)"
          isAnimationActive={false}
        />
      </BarChart>
    </div>
  );
}
