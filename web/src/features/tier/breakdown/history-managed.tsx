// The managed half of a client's history: managed points at every month end since the
// partner first managed the client (and on the day itself), newest first, with the client's
// MRR and how many partners the credit was split between.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ManagedMonth } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { PlainTh } from '../../../ui/sort-th.tsx';
import { MUTED, ToneBadge } from '../../../ui/tone.tsx';
import { NUMERIC } from './breakdown-table.tsx';

export function ManagedHistory({ months, on }: { months: ManagedMonth[]; on: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const newestFirst = [...months].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Table.ScrollContainer minWidth={620} type="native">
      <Table verticalSpacing="xs" horizontalSpacing="sm" striped data-testid="managed-history">
        <Table.Thead>
          <Table.Tr>
            <PlainTh nowrap>{t('breakdown.history.managed.date')}</PlainTh>
            <PlainTh nowrap numeric>
              {t('breakdown.history.managed.mrr')}
            </PlainTh>
            <PlainTh nowrap numeric>
              {t('breakdown.history.managed.managers')}
            </PlainTh>
            <PlainTh nowrap numeric>
              {t('breakdown.history.managed.points')}
            </PlainTh>
            <PlainTh nowrap>{t('breakdown.history.managed.status')}</PlainTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((m) => (
            <Table.Tr key={m.date} data-testid="managed-month" data-date={m.date} data-managers={m.managers}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {m.date === on
                  ? t('breakdown.history.managed.today', { date: f.date(m.date) })
                  : f.month(m.date)}
              </Table.Td>
              <Table.Td style={NUMERIC}>{f.money(m.mrr)}</Table.Td>
              <Table.Td style={NUMERIC}>{f.number(m.managers)}</Table.Td>
              <Table.Td style={NUMERIC}>
                <Text size="sm" fw={600} inherit>
                  {f.points(m.points)}
                </Text>
                {m.managers > 1 ? (
                  <Text size="xs" c={MUTED} inherit>
                    {t('breakdown.history.managed.splitOver', { managers: m.managers })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {m.managedByPartner ? (
                  <ToneBadge tone="teal" size="sm">
                    {t('breakdown.history.managed.you')}
                  </ToneBadge>
                ) : (
                  <ToneBadge tone="yellow" size="sm">
                    {t('breakdown.history.managed.notYou')}
                  </ToneBadge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
