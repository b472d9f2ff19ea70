// The three-month projection preview: today's points and, at each of the next three month
// ends, the points per track if nothing new is sold, the tier performance then, and the
// sold points expiring that month (GET /tier: insights.projection and insights.expirations).
import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierPage } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { PanelBody, Stat } from '../../ui/panel.tsx';
import { useTier } from '../tier/queries.ts';
import { ProjectionCard } from './projection-card.tsx';

function rank(data: TierPage, tierId: string | undefined): number {
  return tierId ? data.tiers.findIndex((tier) => tier.id === tierId) : -1;
}

export function ProjectionView({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tier = useTier(partnerId);
  return (
    <Stack gap="md" data-testid="projection-preview">
      <Text size="sm" c="dimmed" maw={820}>
        {t('previews.projection.intro')}
      </Text>
      <PanelBody query={tier} isEmpty={(data) => data.insights.projection.length === 0}>
        {(data) => {
          const now = rank(data, data.performance?.id);
          return (
            <Stack gap="md">
              <Card
                withBorder
                radius="md"
                padding="md"
                component="section"
                aria-labelledby="projection-today"
              >
                <Group justify="space-between" mb="sm" gap="xs">
                  <Text fw={700} id="projection-today">
                    {t('previews.projection.today')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.date(data.asOf)}
                  </Text>
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" data-testid="projection-today">
                  <Stat
                    label={t('previews.projection.tierNow')}
                    value={data.performance?.name ?? t('previews.projection.noTier')}
                  />
                  <Stat label={t('previews.projection.sold')} value={f.points(data.points.sold)} />
                  <Stat label={t('previews.projection.managed')} value={f.points(data.points.managed)} />
                  <Stat label={t('previews.projection.total')} value={f.points(data.points.total)} />
                </SimpleGrid>
              </Card>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
                {data.insights.projection.map((month, i) => {
                  const then = rank(data, month.tier?.id);
                  const from = data.performance?.name ?? t('previews.projection.noTier');
                  const movement =
                    then > now
                      ? t('previews.projection.up', { tier: from })
                      : then < now
                        ? t('previews.projection.down', { tier: from })
                        : t('previews.projection.same');
                  return (
                    <ProjectionCard
                      key={month.date}
                      index={i}
                      heading={t('previews.projection.monthEnd', { month: f.month(month.date) })}
                      date={month.date}
                      tierName={month.tier?.name ?? ''}
                      movement={movement}
                      points={month}
                      today={data.points}
                      expiring={
                        data.insights.expirations.find((e) => e.monthEnd === month.date) ?? {
                          sourced: 0,
                          assisted: 0,
                          total: 0,
                        }
                      }
                    />
                  );
                })}
              </SimpleGrid>
            </Stack>
          );
        }}
      </PanelBody>
    </Stack>
  );
}
