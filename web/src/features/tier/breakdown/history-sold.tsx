// The sold half of a client's history: one table body per sold entry (newest first) with
// the MRR change and deal behind it, the rule that produced its points (rule set, rate,
// currency table value, growth multiplier), its dates and status, a line explaining the
// points, and every decrease that consumed it.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { RuleCell } from '../../../ui/rule-cell.tsx';
import { PlainTh } from '../../../ui/sort-th.tsx';
import { MUTED, ToneBadge } from '../../../ui/tone.tsx';
import { NUMERIC } from './breakdown-table.tsx';
import { EntryStatus, Explanation } from './entry-parts.tsx';

const COLUMNS = 7;

function Decreases({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (entry.decreases.length === 0) return null;
  return (
    <Table
      mt="xs"
      withRowBorders={false}
      verticalSpacing={2}
      horizontalSpacing="sm"
      fz="xs"
      maw={520}
      data-testid="entry-decreases"
      captionSide="top"
    >
      <Table.Caption style={{ textAlign: 'left', marginBottom: 2 }}>
        <Text size="xs" fw={700} c="dark.5" component="span">
          {t('breakdown.history.decreases.title')}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th fz="xs">{t('breakdown.history.decreases.date')}</Table.Th>
          <Table.Th fz="xs">{t('breakdown.history.decreases.kind')}</Table.Th>
          <Table.Th fz="xs" ta="right">
            {t('breakdown.history.decreases.points')}
          </Table.Th>
          <Table.Th fz="xs" ta="right">
            {t('breakdown.history.decreases.backing')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.decreases.map((d) => (
          <Table.Tr key={`${d.changeId}-${d.date}`} data-testid="entry-decrease">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(d.date)}</Table.Td>
            <Table.Td>{t(`breakdown.history.decreases.${d.kind}`)}</Table.Td>
            <Table.Td style={NUMERIC}>{f.points(d.points)}</Table.Td>
            <Table.Td style={NUMERIC}>{f.money(d.backing)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Entry({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const f = useFormat();
  const status = entry.status;
  return (
    <Table.Tbody
      data-testid="history-entry"
      data-entry-id={entry.entryId}
      data-rule-set={entry.rule.rateRuleSetId}
      data-multiplier={String(entry.rule.multiplier)}
      style={{ borderTop: '2px solid var(--mantine-color-gray-3)' }}
    >
      <Table.Tr style={{ borderBottom: 'none' }}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(entry.earnedOn)}</Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {entry.product}
            </Text>
            <Text size="xs" c={MUTED}>
              {entry.dealName ?? t('breakdown.history.sold.noDeal')} · {entry.dealId}
            </Text>
            <Group gap={4}>
              <ToneBadge tone={entry.dealType === 'sourced' ? 'blue' : 'violet'} size="sm">
                {t(`breakdown.history.dealType.${entry.dealType}`)}
              </ToneBadge>
              <Badge variant="default" radius="sm" tt="none" size="sm">
                {t(`breakdown.history.kind.${entry.kind}`)}
              </Badge>
            </Group>
            {entry.creditedVia === 'seller_of_record' ? (
              <Text size="xs" c={MUTED}>
                {t('breakdown.history.sold.viaSeller')}
              </Text>
            ) : null}
          </Stack>
        </Table.Td>
        <Table.Td style={NUMERIC}>
          {t('breakdown.history.sold.increase', { amount: f.money(entry.delta) })}
        </Table.Td>
        <Table.Td>
          <RuleCell rule={entry.rule} />
        </Table.Td>
        <Table.Td style={NUMERIC}>
          <Text size="sm" fw={700} inherit>
            {f.points(entry.points)}
          </Text>
          {status === 'active' && entry.remainingPoints !== entry.points ? (
            <Text size="xs" c={MUTED} inherit>
              {t('breakdown.history.sold.remaining', { points: f.points(entry.remainingPoints) })}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(entry.expiresOn)}</Table.Td>
        <Table.Td>
          <EntryStatus entry={entry} />
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Td colSpan={COLUMNS} pt={0}>
          <Explanation entry={entry} />
          <Decreases entry={entry} />
        </Table.Td>
      </Table.Tr>
    </Table.Tbody>
  );
}

export function SoldHistory({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const newestFirst = [...entries].sort(
    (a, b) => b.earnedOn.localeCompare(a.earnedOn) || b.entryId.localeCompare(a.entryId),
  );
  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table verticalSpacing="xs" horizontalSpacing="sm" data-testid="sold-history">
        <Table.Thead>
          <Table.Tr>
            <PlainTh nowrap>{t('breakdown.history.sold.earned')}</PlainTh>
            <PlainTh nowrap>{t('breakdown.history.sold.entry')}</PlainTh>
            <PlainTh nowrap numeric>
              {t('breakdown.history.sold.change')}
            </PlainTh>
            <PlainTh nowrap>{t('breakdown.history.sold.rule')}</PlainTh>
            <PlainTh nowrap numeric>
              {t('breakdown.history.sold.points')}
            </PlainTh>
            <PlainTh nowrap>{t('breakdown.history.sold.expires')}</PlainTh>
            <PlainTh nowrap>{t('breakdown.history.sold.status')}</PlainTh>
          </Table.Tr>
        </Table.Thead>
        {newestFirst.map((entry) => (
          <Entry key={entry.entryId} entry={entry} />
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
