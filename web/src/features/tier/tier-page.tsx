// The Tier page: the summary (tier, sold and managed points), the Tier tab (performance,
// charts, insights, account performance), the Points breakdown tab, and the points
// calculator in a side panel.
import { Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { NotFound } from '../../app/not-found.tsx';
import { ApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { PanelBody, Stat } from '../../ui/panel.tsx';
import { CalculatorDrawer } from '../calculator/calculator-drawer.tsx';
import { PreviewBanner } from '../previews/preview-banner.tsx';
import { PointsBreakdown } from './breakdown/points-breakdown.tsx';
import { TierOverview } from './overview/tier-overview.tsx';
import { ComingChanges, ProgramVersion } from './program/program-notice.tsx';
import { useTier } from './queries.ts';

export default function TierPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { partnerId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [calculator, { open, close }] = useDisclosure(false);
  const tier = useTier(partnerId);
  if (tier.error instanceof ApiError && tier.error.status === 404) return <NotFound />;
  const tab = params.get('tab') === 'breakdown' ? 'breakdown' : 'overview';
  return (
    <Stack gap="md" maw={1400} mx="auto">
      <PreviewBanner partnerId={partnerId} />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('tier.title')}
          </Title>
          {tier.data ? (
            <Text c="dimmed" size="sm">
              {t('tier.asOf', { date: f.date(tier.data.asOf) })}
            </Text>
          ) : null}
          <ProgramVersion />
        </div>
        <Button variant="light" onClick={open}>
          {t('tier.openCalculator')}
        </Button>
      </Group>
      <ComingChanges />
      <Card withBorder radius="md" padding="lg" component="section" aria-label={t('tier.summary.tier')}>
        <PanelBody query={tier}>
          {(data) => (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" data-testid="tier-summary">
              <Stat
                label={t('tier.summary.tier')}
                value={<span data-testid="tier-name">{data.credited?.name ?? t('common.noTier')}</span>}
                hint={
                  data.creditedSince
                    ? t('tier.summary.since', { date: f.date(data.creditedSince) })
                    : undefined
                }
              />
              <Stat
                label={t('tier.summary.sold')}
                value={<span data-testid="tier-sold">{f.points(data.points.sold)}</span>}
              />
              <Stat
                label={t('tier.summary.managed')}
                value={<span data-testid="tier-managed">{f.points(data.points.managed)}</span>}
              />
              <Stat
                label={t('tier.summary.total')}
                value={<span data-testid="tier-total">{f.points(data.points.total)}</span>}
              />
            </SimpleGrid>
          )}
        </PanelBody>
      </Card>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              if (value === 'breakdown') next.set('tab', 'breakdown');
              else next.delete('tab');
              return next;
            },
            { replace: true },
          )
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('tier.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="breakdown">{t('tier.tabs.breakdown')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <TierOverview partnerId={partnerId} />
        </Tabs.Panel>
        <Tabs.Panel value="breakdown">
          <PointsBreakdown partnerId={partnerId} />
        </Tabs.Panel>
      </Tabs>
      <CalculatorDrawer partnerId={partnerId} opened={calculator} onClose={close} />
    </Stack>
  );
}
