// Tier progress chart: the Combined, Sold (the seller track) and Managed tracks, each as a
// bar with a line at the points the next tier needs (at the top tier: what it takes to keep it).
import { Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TierPage } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED, TRACK_COLORS } from './colors.ts';
import classes from './overview.module.css';
import { TrackStatus } from './status.tsx';
import { scaleOf, TrackBar } from './track-bar.tsx';

interface Track {
  key: 'combined' | 'sold' | 'managed';
  label: string;
  current: number;
  target: number;
  missing: number;
  color: string;
}

function TrackRow({ track, tier }: { track: Track; tier: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const of = t('tierOverview.progress.of', {
    current: f.points(track.current),
    target: f.points(track.target),
  });
  return (
    <Stack gap={2} data-track={track.key} data-value={track.current} data-target={track.target}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {track.label}
        </Text>
        <TrackStatus missing={track.missing} />
      </Group>
      <TrackBar
        segments={[{ key: track.key, value: track.current, color: track.color }]}
        markers={[
          {
            key: 'next',
            value: track.target,
            label: t('tierOverview.progress.marker', { tier, points: f.points(track.target) }),
          },
        ]}
        max={scaleOf(track.current, track.target)}
        label={`${track.label}: ${of}`}
      />
      <Text size="xs" c={MUTED} className={classes.num} style={{ textAlign: 'left' }} data-testid="track-of">
        {of}
      </Text>
    </Stack>
  );
}

function ProgressBody({ data }: { data: TierPage }) {
  const { t } = useTranslation();
  const target = data.insights.next ?? data.insights.keep;
  const thresholds = target ? data.tiers.find((x) => x.id === target.tierId) : undefined;
  if (!target || !thresholds) {
    return (
      <Text size="sm" c={MUTED}>
        {t('tierOverview.insights.none')}
      </Text>
    );
  }
  const sourced = data.sellerTrack.counts === 'sourced';
  const tracks: Track[] = [
    {
      key: 'combined',
      label: t('tierOverview.tracks.combined'),
      current: data.points.total,
      target: thresholds.total,
      missing: target.missing.total,
      color: TRACK_COLORS.combined,
    },
    {
      key: 'sold',
      label: t(sourced ? 'tierOverview.tracks.soldSourced' : 'tierOverview.tracks.sold'),
      current: data.sellerTrack.points,
      target: thresholds.sellerMinimum,
      missing: target.missing.seller,
      color: TRACK_COLORS.seller,
    },
    {
      key: 'managed',
      label: t('tierOverview.tracks.managed'),
      current: data.points.managed,
      target: thresholds.managedMinimum,
      missing: target.missing.managed,
      color: TRACK_COLORS.managed,
    },
  ];
  return (
    <Stack gap="md" data-testid="tier-progress-chart" data-tier={target.tierId}>
      <Text size="sm" c={MUTED}>
        {data.insights.next
          ? t('tierOverview.progress.towards', { tier: target.tierName })
          : t('tierOverview.progress.top', { tier: target.tierName })}
      </Text>
      {tracks.map((track) => (
        <TrackRow key={track.key} track={track} tier={target.tierName} />
      ))}
    </Stack>
  );
}

export function ProgressPanel({ query }: { query: UseQueryResult<TierPage> }) {
  const { t } = useTranslation();
  return (
    <Panel id="tier-progress-chart" title={t('tierOverview.progress.title')} query={query}>
      {(data) => <ProgressBody data={data} />}
    </Panel>
  );
}
