// Tier performance: how the seller track, the other sold points (assisted, when the seller
// minimum counts sourced points only) and the managed points add up to the total, against
// the thresholds of the credited tier (or, with no tier yet, of the lowest one).
import { Alert, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TierPage } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED, TRACK_COLORS } from './colors.ts';
import classes from './overview.module.css';
import { TrackStatus } from './status.tsx';
import { type Marker, scaleOf, TrackBar } from './track-bar.tsx';

const round2 = (value: number) => Math.round(value * 100) / 100;

function Legend({ items }: { items: { key: string; label: string; value: string; color: string }[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: items.length }} spacing="sm" verticalSpacing={6}>
      {items.map((item) => (
        <Group key={item.key} gap={8} wrap="nowrap" align="flex-start">
          <span className={classes.swatch} style={{ background: item.color, marginTop: 4 }} />
          <Stack gap={0}>
            <Text size="xs" c={MUTED}>
              {item.label}
            </Text>
            <Text
              fw={700}
              className={classes.num}
              style={{ textAlign: 'left' }}
              data-testid={`performance-${item.key}`}
            >
              {item.value}
            </Text>
          </Stack>
        </Group>
      ))}
    </SimpleGrid>
  );
}

function PerformanceBody({ data }: { data: TierPage }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { tierPerformance: tp, insights } = data;
  const next = insights.next ? data.tiers.find((x) => x.id === insights.next?.tierId) : undefined;
  const target = tp.tier ?? next ?? null;
  const other = Math.max(0, round2(tp.total - tp.seller - tp.managed));
  const sourced = data.sellerTrack.counts === 'sourced';
  const segments = [
    { key: 'seller', value: tp.seller, color: TRACK_COLORS.seller },
    ...(other > 0 ? [{ key: 'other', value: other, color: TRACK_COLORS.otherSold }] : []),
    { key: 'managed', value: tp.managed, color: TRACK_COLORS.managed },
  ];
  const markers: Marker[] = [];
  for (const tier of [tp.tier, next]) {
    if (tier && !markers.some((m) => m.key === tier.id)) {
      markers.push({
        key: tier.id,
        value: tier.total,
        label: t('tierOverview.performance.threshold', { tier: tier.name, points: f.points(tier.total) }),
      });
    }
  }
  const sellerLabel = t(sourced ? 'tierOverview.tracks.sellerSourced' : 'tierOverview.tracks.seller');
  const labels = {
    seller: sellerLabel,
    other: t('tierOverview.tracks.otherSold'),
    managed: t('tierOverview.tracks.managed'),
  };
  const equation =
    other > 0
      ? t('tierOverview.performance.equation', {
          seller: f.points(tp.seller),
          other: f.points(other),
          managed: f.points(tp.managed),
          total: f.points(tp.total),
        })
      : t('tierOverview.performance.equationTwo', {
          seller: f.points(tp.seller),
          managed: f.points(tp.managed),
          total: f.points(tp.total),
        });
  const rows = target
    ? [
        {
          key: 'total',
          label: t('tierOverview.tracks.total'),
          yours: tp.total,
          needs: target.total,
          missing: target.missing.total,
        },
        {
          key: 'seller',
          label: sellerLabel,
          yours: tp.seller,
          needs: target.sellerMinimum,
          missing: target.missing.seller,
        },
        {
          key: 'managed',
          label: labels.managed,
          yours: tp.managed,
          needs: target.managedMinimum,
          missing: target.missing.managed,
        },
      ]
    : [];
  return (
    <Stack gap="md" data-testid="tier-performance">
      <Group gap="xl" wrap="wrap">
        <Stack gap={0}>
          <Text size="xs" c={MUTED} tt="uppercase" fw={600}>
            {t('tierOverview.performance.credited')}
          </Text>
          <Text fw={700} size="lg" data-testid="performance-credited">
            {data.credited?.name ?? t('tierOverview.performance.noTier')}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c={MUTED} tt="uppercase" fw={600}>
            {t('tierOverview.performance.performing')}
          </Text>
          <Text fw={700} size="lg" data-testid="performance-tier">
            {data.performance?.name ?? t('tierOverview.performance.noTier')}
          </Text>
        </Stack>
      </Group>
      <TrackBar
        segments={segments}
        markers={markers}
        max={scaleOf(tp.total, ...markers.map((m) => m.value))}
        label={`${t('tierOverview.performance.bar')}: ${equation}`}
        testId="performance-bar"
      />
      <Stack gap={4}>
        <Legend
          items={segments.map((s) => ({
            key: s.key,
            label: labels[s.key as keyof typeof labels],
            value: f.points(s.value),
            color: s.color,
          }))}
        />
        <Text
          size="sm"
          fw={600}
          className={classes.num}
          style={{ textAlign: 'left' }}
          data-testid="performance-equation"
        >
          {equation}
        </Text>
      </Stack>
      {target ? (
        <Stack gap={4}>
          {tp.tier ? null : (
            <Text size="sm" c={MUTED}>
              {t('tierOverview.performance.lowest', { tier: target.name })}
            </Text>
          )}
          <Table verticalSpacing={6} data-testid="performance-thresholds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tierOverview.performance.track')}</Table.Th>
                <Table.Th ta="right">{t('tierOverview.performance.yours')}</Table.Th>
                <Table.Th ta="right">{t('tierOverview.performance.needs', { tier: target.name })}</Table.Th>
                <Table.Th ta="right">{t('tierOverview.performance.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-track={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td className={classes.num}>{f.points(row.yours)}</Table.Td>
                  <Table.Td className={classes.num}>{f.points(row.needs)}</Table.Td>
                  <Table.Td ta="right">
                    <TrackStatus missing={row.missing} kind="short" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
      {!data.certified && target?.met ? (
        <Alert color="orange" variant="light" p="sm">
          <Text size="sm">{t('tierOverview.performance.certification', { tier: target.name })}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

export function PerformancePanel({ query }: { query: UseQueryResult<TierPage> }) {
  const { t } = useTranslation();
  return (
    <Panel id="tier-performance" title={t('tierOverview.title')} query={query}>
      {(data) => <PerformanceBody data={data} />}
    </Panel>
  );
}
