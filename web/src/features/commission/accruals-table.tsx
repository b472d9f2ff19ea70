// Every commissionable deal × its months of service: each cell the month's accrual in the
// base currency (rate × remaining backing MRR), a total per deal, per month and overall,
// all exact to the cent. Deals page by 25; the totals are of every deal the filters keep.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commission } from '../../lib/api-types.ts';
import { type Money, useFormat } from '../../lib/format.ts';
import { TableFooter } from '../../ui/table-footer.tsx';
import { MUTED } from '../../ui/tone.tsx';
import { ScrollRegion } from '../dashboard/report-drawer.tsx';
import { Num, sumMoney } from './commission-tables.tsx';

const PAGE_SIZE = 25;

type Deal = NonNullable<Commission['deals']>[number];

export function AccrualsTable({
  data,
  page,
  onPage,
}: {
  data: Commission;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const deals: Deal[] = data.deals ?? [];
  const currency = data.currency;
  // The months any deal accrues in, oldest first ('YYYY-MM'); a deal accrues once a month.
  const byMonth = new Map<string, Money[]>();
  const cells = new Map<string, Map<string, Money>>();
  for (const deal of deals) {
    const row = new Map<string, Money>();
    for (const a of deal.accruals) {
      const month = a.date.slice(0, 7);
      row.set(month, a.amountBase);
      let list = byMonth.get(month);
      if (!list) byMonth.set(month, (list = []));
      list.push(a.amountBase);
    }
    cells.set(deal.dealId, row);
  }
  const months = [...byMonth.keys()].sort();
  const pages = Math.max(1, Math.ceil(deals.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = deals.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <Stack gap="sm">
      <Text size="sm" c={MUTED}>
        {t('commission.accruals.intro', { rate: f.percent(data.rate), currency })}
      </Text>
      <ScrollRegion label={t('commission.accruals.region')}>
        <Table
          highlightOnHover
          withColumnBorders
          verticalSpacing={4}
          fz="xs"
          data-testid="commission-accruals"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commission.accruals.deal')}</Table.Th>
              <Table.Th>{t('commission.accruals.client')}</Table.Th>
              <Table.Th ta="right">{t('commission.accruals.total')}</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {f.monthShort(`${m}-01`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((deal) => {
              const row = cells.get(deal.dealId)!;
              return (
                <Table.Tr key={deal.dealId} data-testid="accrual-deal" data-deal={deal.dealId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{deal.dealId}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{deal.clientName || deal.clientId}</Table.Td>
                  <Num strong testId="deal-total">
                    {f.money(deal.total)}
                  </Num>
                  {months.map((m) => {
                    const cell = row.get(m);
                    return <Num key={m}>{cell ? f.money(cell) : ''}</Num>;
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>{t('commission.accruals.total')}</Table.Th>
              <Num strong testId="accruals-total">
                {f.money(
                  sumMoney(
                    deals.map((d) => d.total),
                    currency,
                  ),
                )}
              </Num>
              {months.map((m) => (
                <Num key={m} strong>
                  {f.money(sumMoney(byMonth.get(m)!, currency))}
                </Num>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollRegion>
      <TableFooter
        page={current}
        pageSize={PAGE_SIZE}
        total={deals.length}
        onPage={onPage}
        summary={t('commission.accruals.deals', { count: deals.length })}
        label={t('commission.accruals.pagination')}
      />
    </Stack>
  );
}
