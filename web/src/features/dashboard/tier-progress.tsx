// Tier progress: for the tier chosen in "Go to" (default the next one up), the total
// points, seller minimum and managed minimum still needed.
import { Group, Progress, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { Panel } from '../../ui/panel.tsx';
import { useTierProgress } from './queries.ts';

function Track({
  label,
  current,
  target,
  missing,
}: {
  label: string;
  current: number;
  target: number;
  missing: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const ratio = target > 0 ? Math.min(100, (current / target) * 100) : 100;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c={missing > 0 ? 'indigo.9' : 'teal.9'} fw={600}>
          {missing > 0
            ? t('dashboard.tierProgress.stillNeeded', { points: f.points(missing) })
            : t('dashboard.tierProgress.met')}
        </Text>
      </Group>
      <Progress value={ratio} color={missing > 0 ? 'indigo' : 'teal'} aria-label={label} />
      <Text size="xs" c="dimmed">
        {t('dashboard.tierProgress.of', { current: f.points(current), target: f.points(target) })}
      </Text>
    </Stack>
  );
}

export function TierProgressPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const [tier, setTier] = useState<string | null>(null);
  const query = useTierProgress(partnerId, tier);
  const tiers = query.data?.tiers ?? [];
  return (
    <Panel
      id="tier-progress"
      title={t('dashboard.tierProgress.title')}
      query={query}
      actions={
        <Select
          size="xs"
          w={160}
          label={t('dashboard.tierProgress.goTo')}
          data={tiers.map((x) => ({ value: x.id, label: x.name }))}
          value={query.data?.selected.tierId ?? null}
          allowDeselect={false}
          onChange={setTier}
        />
      }
    >
      {(data) => {
        const { thresholds, missing } = data.selected;
        const seller =
          data.sellerTrack.counts === 'sourced'
            ? t('dashboard.tierProgress.sellerSourced')
            : t('dashboard.tierProgress.seller');
        return (
          <Stack gap="md" data-testid="tier-progress-tracks">
            <SimpleGrid cols={1} spacing="md">
              <Track
                label={t('dashboard.tierProgress.total')}
                current={data.points.total}
                target={thresholds.total}
                missing={missing.total}
              />
              <Track
                label={seller}
                current={data.sellerTrack.points}
                target={thresholds.sellerMinimum}
                missing={missing.seller}
              />
              <Track
                label={t('dashboard.tierProgress.managed')}
                current={data.points.managed}
                target={thresholds.managedMinimum}
                missing={missing.managed}
              />
            </SimpleGrid>
            {data.selected.met ? (
              <Text size="sm" c="teal.9">
                {t('dashboard.tierProgress.reached', { tier: data.selected.tierName })}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    </Panel>
  );
}
