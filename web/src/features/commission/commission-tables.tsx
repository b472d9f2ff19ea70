// The commission page's quarters (accrued beside paid, the difference highlighted) and its
// recorded payments; the quarter's name in the language's words.
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commission } from '../../lib/api-types.ts';
import { type Money, useFormat } from '../../lib/format.ts';
import { NEGATIVE, POSITIVE, ToneBadge } from '../../ui/tone.tsx';
import { ScrollRegion } from '../dashboard/report-drawer.tsx';

/** "2026-Q3" in the language's words. */
export function useQuarter(): (quarter: string) => string {
  const { t } = useTranslation();
  return (quarter) => {
    const [year, q] = quarter.split('-Q');
    return q ? t('activity.commission.quarter', { q, year }) : quarter;
  };
}

/** Amounts of one currency added exactly, in the API's scale (4 decimals, any minor unit). */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let units = 0;
  for (const m of amounts) units += Math.round(m.amount * 10_000);
  return { amount: units / 10_000, currency };
}

/** Paid − accrued: red below zero (paid too little), green above, plain when even. */
export function Difference({ value }: { value: Money | null }) {
  const f = useFormat();
  const { t } = useTranslation();
  if (!value) return <>{t('commission.quarters.none')}</>;
  const color = value.amount < 0 ? NEGATIVE : value.amount > 0 ? POSITIVE : undefined;
  return (
    <Text span inherit c={color} fw={value.amount === 0 ? undefined : 700}>
      {value.amount > 0 ? '+' : ''}
      {f.money(value)}
    </Text>
  );
}

export function Num({
  children,
  strong,
  testId,
}: {
  children: ReactNode;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <Table.Td
      ta="right"
      fw={strong ? 600 : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {children}
    </Table.Td>
  );
}

export function QuartersTable({ data }: { data: Commission }) {
  const { t } = useTranslation();
  const f = useFormat();
  const quarter = useQuarter();
  const col = (key: string) => t(`commission.quarters.col.${key}`);
  const total = (of: (q: Commission['quarters'][number]) => Money | null) =>
    sumMoney(
      data.quarters.flatMap((q) => {
        const m = of(q);
        return m ? [m] : [];
      }),
      data.currency,
    );
  return (
    <>
      <Text size="sm" c="dark.3" mb="sm">
        {t('commission.quarters.intro')}
      </Text>
      <ScrollRegion label={t('commission.quarters.title')}>
        <Table miw={760} highlightOnHover verticalSpacing="xs" data-testid="commission-quarters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{col('quarter')}</Table.Th>
              <Table.Th>{col('payoutDate')}</Table.Th>
              <Table.Th>{col('status')}</Table.Th>
              <Table.Th ta="right">{col('accrued')}</Table.Th>
              <Table.Th ta="right">{col('paid')}</Table.Th>
              <Table.Th ta="right">{col('difference')}</Table.Th>
              <Table.Th>{col('payments')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.quarters.map((q) => (
              <Table.Tr key={q.quarter} data-testid="commission-quarter" data-quarter={q.quarter}>
                <Table.Td>{quarter(q.quarter)}</Table.Td>
                <Table.Td data-testid="payout-date">{f.date(q.payoutDate)}</Table.Td>
                <Table.Td>
                  <ToneBadge tone={q.status === 'paid' ? 'teal' : 'blue'}>
                    {t(`commission.quarters.status.${q.status}`)}
                  </ToneBadge>
                </Table.Td>
                <Num strong testId="accrued">
                  {f.money(q.accrued)}
                </Num>
                <Num testId="paid">{f.money(q.paid)}</Num>
                <Num testId="difference">
                  <Difference value={q.difference} />
                </Num>
                <Table.Td>
                  <Text size="xs">{q.payments.join(', ') || t('commission.quarters.none')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('commission.quarters.total')}</Table.Th>
              <Num strong testId="total-accrued">
                {f.money(total((q) => q.accrued))}
              </Num>
              <Num strong testId="total-paid">
                {f.money(total((q) => q.paid))}
              </Num>
              <Num strong testId="total-difference">
                <Difference value={total((q) => q.difference)} />
              </Num>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollRegion>
    </>
  );
}

export function PaymentsTable({ data }: { data: Commission }) {
  const { t } = useTranslation();
  const f = useFormat();
  const quarter = useQuarter();
  const col = (key: string) => t(`commission.payments.col.${key}`, { currency: data.currency });
  return (
    <ScrollRegion label={t('commission.payments.title')}>
      <Table miw={560} highlightOnHover verticalSpacing="xs" data-testid="commission-payments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{col('paidOn')}</Table.Th>
            <Table.Th>{col('reference')}</Table.Th>
            <Table.Th>{col('quarter')}</Table.Th>
            <Table.Th ta="right">{col('amount')}</Table.Th>
            <Table.Th ta="right">{col('amountBase')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.payments.map((p) => (
            <Table.Tr key={p.reference}>
              <Table.Td>{f.date(p.paidOn)}</Table.Td>
              <Table.Td>{p.reference}</Table.Td>
              <Table.Td>{p.quarter ? quarter(p.quarter) : t('commission.payments.noQuarter')}</Table.Td>
              <Num>{f.money(p.amount)}</Num>
              <Num strong>{f.money(p.amountBase)}</Num>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
