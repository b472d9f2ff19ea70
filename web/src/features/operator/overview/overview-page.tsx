// The console's first screen: partners per tier, the points distribution, this month's
// movers, partners at risk at the next review day, upcoming renewal decisions and data
// freshness. Every figure is a link to the partners table filtered to the partners behind it.
import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED, NEGATIVE, POSITIVE } from '../../../ui/tone.tsx';
import { DistributionChart, TierChart } from './overview-charts.tsx';
import { type Filters, type Mover, type Overview, partnersLink } from './types.ts';

function FigureLink({ filters, children }: { filters: Filters; children: ReactNode }) {
  return (
    <Anchor component={Link} to={partnersLink(filters)} c="indigo.8" fw={600}>
      {children}
    </Anchor>
  );
}

function Stat({ label, filters, value }: { label: string; filters: Filters; value: number }) {
  const f = useFormat();
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="sm" c={MUTED}>
        {label}
      </Text>
      <FigureLink filters={filters}>
        <Text component="span" fz={28} fw={700} data-figure={label}>
          {f.number(value)}
        </Text>
      </FigureLink>
    </Card>
  );
}

function MoverList({ title, movers, filters }: { title: string; movers: Mover[]; filters: Filters }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        <FigureLink filters={filters}>{t('opOverview.movers.all')}</FigureLink>
      </Group>
      {movers.length === 0 ? <Text c={MUTED}>{t('common.state.empty')}</Text> : null}
      {movers.map((m) => (
        <Group key={m.partnerId} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/operator/partners/${encodeURIComponent(m.partnerId)}`} c="indigo.8">
            {m.name}
          </Anchor>
          <Text
            c={m.change >= 0 ? POSITIVE : NEGATIVE}
            fw={600}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {m.change > 0 ? '+' : '−'}
            {f.points(Math.abs(m.change))}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function when(value: string | null, never: string): string {
  return value ? new Date(value).toLocaleString() : never;
}

export default function OverviewPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({
    queryKey: ['operator', 'overview'],
    queryFn: () => api.get<Overview>('/api/v1/overview'),
  });
  const o = query.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('opOverview.title')}</Title>
        {o ? (
          <FigureLink filters={{}}>{t('opOverview.partnersTotal', { count: o.partners })}</FigureLink>
        ) : (
          <Skeleton h={20} w={120} />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Panel id="tiers" title={t('opOverview.tiers.title')} query={query}>
          {(data) => (
            <Stack>
              <TierChart tiers={data.tiers} />
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th ta="right">{t('opOverview.tiers.credited')}</Table.Th>
                    <Table.Th ta="right">{t('opOverview.tiers.performing')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.tiers.map((x) => (
                    <Table.Tr key={x.tierId ?? 'none'}>
                      <Table.Th scope="row">{x.name ?? t('opOverview.none')}</Table.Th>
                      <Table.Td ta="right">
                        <FigureLink filters={x.creditedFilters}>{f.number(x.credited)}</FigureLink>
                      </Table.Td>
                      <Table.Td ta="right">
                        <FigureLink filters={x.performingFilters}>{f.number(x.performing)}</FigureLink>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Panel>
        <Panel id="distribution" title={t('opOverview.distribution.title')} query={query}>
          {(data) => (
            <Stack>
              <DistributionChart buckets={data.distribution.buckets} />
              <Group gap="xs">
                {data.distribution.buckets
                  .filter((b) => b.partners > 0)
                  .map((b) => (
                    <FigureLink key={b.from} filters={b.filters}>
                      {t('opOverview.distribution.bucket', { from: f.number(b.from), to: f.number(b.to) })}:{' '}
                      {f.number(b.partners)}
                    </FigureLink>
                  ))}
              </Group>
            </Stack>
          )}
        </Panel>
      </SimpleGrid>
      <Panel id="movers" title={t('opOverview.movers.title')} query={query}>
        {(data) => (
          <Stack>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat
                label={t('opOverview.movers.up')}
                filters={data.movers.tierUp.filters}
                value={data.movers.tierUp.partners}
              />
              <Stat
                label={t('opOverview.movers.down')}
                filters={data.movers.tierDown.filters}
                value={data.movers.tierDown.partners}
              />
              <Stat
                label={t('opOverview.risk.title')}
                filters={data.atRisk.filters}
                value={data.atRisk.partners}
              />
              <Stat
                label={t('opOverview.renewals.title', { days: data.renewals.days })}
                filters={data.renewals.filters}
                value={data.renewals.partners}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <MoverList
                title={t('opOverview.movers.gains')}
                movers={data.movers.gains.partners}
                filters={data.movers.gains.filters}
              />
              <MoverList
                title={t('opOverview.movers.losses')}
                movers={data.movers.losses.partners}
                filters={data.movers.losses.filters}
              />
            </SimpleGrid>
          </Stack>
        )}
      </Panel>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Panel id="at-risk" title={t('opOverview.risk.title')} query={query}>
          {(data) => (
            <Stack gap={4}>
              <Group justify="space-between">
                <Text c={MUTED}>
                  {data.atRisk.reviewDay
                    ? t('opOverview.risk.reviewDay', { date: f.date(data.atRisk.reviewDay) })
                    : null}
                </Text>
                <FigureLink filters={data.atRisk.filters}>
                  {t('opOverview.risk.all')}: {f.number(data.atRisk.partners)}
                </FigureLink>
              </Group>
              {data.atRisk.list.map((r) => (
                <Group key={r.partnerId} justify="space-between" wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/operator/partners/${encodeURIComponent(r.partnerId)}`}
                    c="indigo.8"
                  >
                    {r.name}
                  </Anchor>
                  <Text size="sm">
                    {t('opOverview.risk.short', { points: f.points(r.pointsShort.total) })}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Panel>
        <Panel
          id="renewals"
          title={t('opOverview.renewals.title', { days: o?.renewals.days ?? 30 })}
          query={query}
        >
          {(data) => (
            <Stack gap={4}>
              <FigureLink filters={data.renewals.filters}>
                {t('opOverview.renewals.count', {
                  renewals: f.number(data.renewals.renewals),
                  partners: f.number(data.renewals.partners),
                })}
              </FigureLink>
              {data.renewals.list.map((r) => (
                <Group
                  key={`${r.partnerId}-${r.clientName}-${r.product}`}
                  justify="space-between"
                  wrap="nowrap"
                >
                  <Anchor
                    component={Link}
                    to={`/operator/partners/${encodeURIComponent(r.partnerId)}`}
                    c="indigo.8"
                  >
                    {r.partnerName}
                  </Anchor>
                  <Text size="sm">
                    {r.clientName} · {r.product} · {f.date(r.renewalDate)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Panel>
      </SimpleGrid>
      <Panel id="freshness" title={t('opOverview.fresh.title')} query={query}>
        {(data) => {
          const never = t('opOverview.fresh.never');
          const items = [
            [
              t('opOverview.fresh.lastImport'),
              data.freshness.lastImport ? when(data.freshness.lastImport.at, never) : never,
            ],
            [t('opOverview.fresh.live'), when(data.freshness.lastLiveChangeAt, never)],
            [t('opOverview.fresh.program'), when(data.freshness.programLoadedAt, never)],
            [
              t('opOverview.fresh.derived'),
              data.freshness.derivedAsOf ? f.date(data.freshness.derivedAsOf) : never,
            ],
          ];
          return (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {items.map(([label, value]) => (
                <Stack key={label} gap={0}>
                  <Text size="sm" c={MUTED}>
                    {label}
                  </Text>
                  <Text fw={600}>{value}</Text>
                </Stack>
              ))}
            </SimpleGrid>
          );
        }}
      </Panel>
    </Stack>
  );
}
