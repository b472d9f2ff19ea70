// The Tier tab of the Tier page: tier performance and the tier progress chart, tier
// insights and account performance (all from GET /tier, shared with the page summary), then
// the Progress over time and Sold points over time charts.
import { Grid, SimpleGrid, Stack } from '@mantine/core';
import { useTier } from '../queries.ts';
import { AccountPanel } from './account-panel.tsx';
import { InsightsPanel } from './insights-panel.tsx';
import { PerformancePanel } from './performance-panel.tsx';
import { ProgressOverTimePanel } from './progress-over-time.tsx';
import { ProgressPanel } from './progress-panel.tsx';
import { SoldOverTimePanel } from './sold-over-time.tsx';

export function TierOverview({ partnerId }: { partnerId: string }) {
  const tier = useTier(partnerId);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <PerformancePanel query={tier} />
        <ProgressPanel query={tier} />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <InsightsPanel query={tier} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <AccountPanel query={tier} />
        </Grid.Col>
      </Grid>
      <ProgressOverTimePanel partnerId={partnerId} />
      <SoldOverTimePanel partnerId={partnerId} />
    </Stack>
  );
}
