// A finished what-if: how many partners change, the commission over the period before and
// after, partners per credited tier before and after (a table and a bar chart, drawn as the
// overview draws its chart), and the movers table with the CSV download of the server.
import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { WhatIfAnswer } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Stat } from '../../../ui/panel.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { Change } from './change.tsx';
import { whatIfExportHref } from './queries.ts';
import { delta, NO_TIER, summarize, type TierCount, tierCounts } from './what-if-model.ts';
import { WhatIfMovers } from './what-if-movers.tsx';

const AXIS = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

function TierCountChart({ counts, name }: { counts: TierCount[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const data = counts.map((c) => ({ ...c, label: name(c.tierId) }));
  return (
    <div style={{ width: '100%', height: 260 }} data-testid="what-if-tier-chart">
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: '100%' }}
        title={t('opProgram.whatIf.tiers.chart')}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="var(--mantine-color-gray-2)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
        <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} width={48} />
        <Tooltip cursor={{ fill: 'var(--mantine-color-gray-1)' }} />
        <Legend iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 13, paddingTop: 8 }} />
        <Bar
          dataKey="before"
          name={t('opProgram.whatIf.before')}
          fill="var(--mantine-color-gray-6)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="after"
          name={t('opProgram.whatIf.after')}
          fill="var(--mantine-color-indigo-7)"
          isAnimationActive={false}
        />
      </BarChart>
    </div>
  );
}

export function WhatIfResult({
  jobId,
  answer,
  order,
  names,
}: {
  jobId: string;
  answer: WhatIfAnswer;
  /** Tier ids lowest first. */
  order: string[];
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = (id: string | null) =>
    id === null || id === NO_TIER ? t('opProgram.whatIf.noTier') : (names.get(id) ?? id);
  const summary = summarize(answer.partners, order);
  const counts = tierCounts(answer.tiers, order);
  const { commission } = answer;
  const money = (amount: number) => f.money({ amount, currency: commission.currency });
  return (
    <Stack gap="md" data-testid="what-if-result">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Text size="sm" c={MUTED}>
          {t('opProgram.whatIf.compared', { version: answer.version, on: f.date(answer.on) })}
        </Text>
        <Button component="a" href={whatIfExportHref(jobId)} variant="light" download>
          {t('opProgram.whatIf.download')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('opProgram.whatIf.partners')} value={f.number(summary.partners)} />
        <Stat
          label={t('opProgram.whatIf.tierChanges')}
          value={<span data-figure="tier-changes">{f.number(summary.tierChanges)}</span>}
          hint={t('opProgram.whatIf.upDown', { up: f.number(summary.up), down: f.number(summary.down) })}
        />
        <Stat label={t('opProgram.whatIf.changed')} value={f.number(summary.changed)} />
        <Stat
          label={t('opProgram.whatIf.commission')}
          value={<Change value={delta(commission.before, commission.after)} format={money} />}
          hint={t('opProgram.whatIf.commissionPeriod', {
            before: money(commission.before),
            after: money(commission.after),
            from: f.date(commission.from),
            to: f.date(commission.to),
          })}
        />
      </SimpleGrid>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="what-if-tiers-title">
        <Title order={3} size="h5" id="what-if-tiers-title" mb="sm">
          {t('opProgram.whatIf.tiers.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <TierCountChart counts={counts} name={name} />
          <Table data-testid="what-if-tiers" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opProgram.whatIf.tiers.tier')}</Table.Th>
                <Table.Th ta="right">{t('opProgram.whatIf.before')}</Table.Th>
                <Table.Th ta="right">{t('opProgram.whatIf.after')}</Table.Th>
                <Table.Th ta="right">{t('opProgram.whatIf.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map((c) => (
                <Table.Tr key={c.tierId} data-tier={c.tierId}>
                  <Table.Th scope="row" fw={500}>
                    {name(c.tierId)}
                  </Table.Th>
                  <Table.Td ta="right">{f.number(c.before)}</Table.Td>
                  <Table.Td ta="right">{f.number(c.after)}</Table.Td>
                  <Table.Td ta="right">
                    <Change value={c.after - c.before} format={(n) => f.number(n)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      </Card>
      <WhatIfMovers answer={answer} order={order} name={name} />
    </Stack>
  );
}
