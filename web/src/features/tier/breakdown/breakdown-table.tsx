// The rows of the points breakdown: per client its sold points (sourced, assisted, total),
// managed points (split between managers) and total, with a totals row for every client
// that matches the filters. Numbers are right-aligned in tabular figures; the table
// scrolls sideways inside its container on narrow screens.
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Breakdown, BreakdownRow, BreakdownSort } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { PlainTh, type SortState, SortTh } from '../../../ui/sort-th.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { useCountryName } from './country.ts';
import { GrowthMark } from './growth-mark.tsx';

export const NUMERIC = {
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
} as const;
const COLUMNS = 6;
/** The client column stays in view while the table scrolls sideways (phones). */
export const STICKY = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
} as const;

function Row({ row, onOpen }: { row: BreakdownRow; onOpen: (clientId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const country = useCountryName();
  return (
    <Table.Tr data-testid="breakdown-row" data-client-id={row.clientId}>
      <Table.Td style={STICKY}>
        <Group gap={6} wrap="nowrap" align="center">
          <Stack gap={0}>
            <Anchor
              component="button"
              type="button"
              c={LINK}
              fw={600}
              size="sm"
              ta="left"
              onClick={() => onOpen(row.clientId)}
              aria-label={t('breakdown.openHistory', { name: row.name })}
              data-testid="breakdown-client"
            >
              {row.name}
            </Anchor>
            <Text size="xs" c={MUTED}>
              {t('breakdown.clientLine', { clientId: row.clientId, country: country(row.country) })}
            </Text>
          </Stack>
          {row.growthMarket ? <GrowthMark /> : null}
        </Group>
      </Table.Td>
      <Table.Td style={NUMERIC}>{f.points(row.sold.sourced)}</Table.Td>
      <Table.Td style={NUMERIC}>{f.points(row.sold.assisted)}</Table.Td>
      <Table.Td style={NUMERIC} data-testid="breakdown-sold">
        <Text size="sm" fw={600} inherit>
          {f.points(row.sold.total)}
        </Text>
      </Table.Td>
      <Table.Td style={NUMERIC} data-testid="breakdown-managed">
        {f.points(row.managed)}
        {row.managers > 1 ? (
          <Text size="xs" c={MUTED} inherit>
            {t('breakdown.splitOver', { managers: row.managers })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={NUMERIC} data-testid="breakdown-total">
        <Text size="sm" fw={700} inherit>
          {f.points(row.total)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function BreakdownTable({
  data,
  sort,
  onSort,
  onOpen,
  stale,
}: {
  data: Breakdown;
  sort: SortState<BreakdownSort>;
  onSort: (next: SortState<BreakdownSort>) => void;
  onOpen: (clientId: string) => void;
  /** Showing the previous answer while the next loads. */
  stale: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const th = { state: sort, onSort };
  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        data-testid="breakdown-table"
        aria-busy={stale}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <SortTh column="client" rowSpan={2} sticky minWidth={220} nowrap {...th}>
              {t('breakdown.column.client')}
            </SortTh>
            <PlainTh nowrap colSpan={3} center>
              {t('breakdown.column.sold')}
            </PlainTh>
            <SortTh column="managed" rowSpan={2} numeric nowrap {...th}>
              {t('breakdown.column.managed')}
            </SortTh>
            <SortTh column="total" rowSpan={2} numeric nowrap {...th}>
              {t('breakdown.column.total')}
            </SortTh>
          </Table.Tr>
          <Table.Tr>
            <PlainTh nowrap numeric>
              {t('breakdown.column.sourced')}
            </PlainTh>
            <PlainTh nowrap numeric>
              {t('breakdown.column.assisted')}
            </PlainTh>
            <SortTh column="sold" numeric nowrap {...th}>
              {t('breakdown.column.soldTotal')}
            </SortTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS}>
                <Text size="sm" c={MUTED} ta="center" py="md">
                  {t('breakdown.noMatch')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {data.items.map((row) => (
            <Row key={row.clientId} row={row} onOpen={onOpen} />
          ))}
        </Table.Tbody>
        {data.total > 0 ? (
          <Table.Tfoot data-testid="breakdown-totals" bg="gray.0">
            <Table.Tr>
              <Table.Th scope="row" style={{ ...STICKY, background: 'var(--mantine-color-gray-0)' }}>
                <Text size="sm" fw={700}>
                  {t('breakdown.totalsRow', { count: data.total })}
                </Text>
              </Table.Th>
              <Table.Td colSpan={2} />
              <Table.Td style={NUMERIC} data-testid="totals-sold">
                <Text size="sm" fw={700} inherit>
                  {f.points(data.totals.sold)}
                </Text>
              </Table.Td>
              <Table.Td style={NUMERIC} data-testid="totals-managed">
                <Text size="sm" fw={700} inherit>
                  {f.points(data.totals.managed)}
                </Text>
              </Table.Td>
              <Table.Td style={NUMERIC} data-testid="totals-total">
                <Text size="sm" fw={700} inherit>
                  {f.points(data.totals.total)}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
    </Table.ScrollContainer>
  );
}
