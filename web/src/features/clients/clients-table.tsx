// The rows of the Clients table. Numbers are right-aligned in tabular figures; the table
// scrolls sideways inside its container when the screen is narrower than its columns.
import { Anchor, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientRow, ClientSort } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { PlainTh, type SortState, SortTh } from '../../ui/sort-th.tsx';
import { LINK, MUTED } from '../../ui/tone.tsx';
import { RelationshipBadge } from './badges.tsx';
import { ClientRowActions } from './client-row-actions.tsx';

export const NUMERIC = {
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
} as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const SHOWN_PRODUCTS = 3;
const COLUMNS = 7;

function Products({ products }: { products: string[] }) {
  const { t } = useTranslation();
  if (products.length === 0) {
    return (
      <Text size="xs" c={MUTED}>
        {t('clients.noProducts')}
      </Text>
    );
  }
  const shown = products.length > SHOWN_PRODUCTS ? products.slice(0, SHOWN_PRODUCTS - 1) : products;
  const rest = products.slice(shown.length);
  return (
    <Stack gap={2}>
      {shown.map((p) => (
        <Text key={p} size="xs" style={NOWRAP}>
          {p}
        </Text>
      ))}
      {rest.length > 0 ? (
        <Tooltip label={rest.join(', ')} withArrow multiline maw={260}>
          <Text size="xs" c={MUTED} tabIndex={0} style={{ cursor: 'help', width: 'fit-content' }}>
            {t('clients.moreProducts', { count: rest.length })}
          </Text>
        </Tooltip>
      ) : null}
    </Stack>
  );
}

function Usage({ usage }: { usage: ClientRow['usage'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!usage) {
    return (
      <Text size="xs" c={MUTED}>
        {t('clients.noUsage')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" style={NOWRAP}>
        {t('clients.toolsUsed', { count: usage.toolsUsed })}
      </Text>
      {usage.lastActiveOn ? (
        <Text size="xs" c={MUTED} style={NOWRAP}>
          {t('clients.lastActive', { date: f.date(usage.lastActiveOn) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Points({ row }: { row: ClientRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <Text size="sm" fw={700} inherit>
        {f.points(row.points.total)}
      </Text>
      <Text size="xs" c={MUTED} inherit>
        {t('clients.pointsSold', { points: f.points(row.points.sold) })}
      </Text>
      <Text size="xs" c={MUTED} inherit>
        {t('clients.pointsManaged', { points: f.points(row.points.managed) })}
      </Text>
      {row.managers > 1 ? (
        <Text size="xs" c={MUTED} fs="italic" inherit>
          {t('clients.sharedWith', { count: row.managers })}
        </Text>
      ) : null}
    </>
  );
}

export function ClientsTable({
  rows,
  sort,
  onSort,
  onOpenClient,
  onEndServices,
  stale,
  empty,
}: {
  rows: ClientRow[];
  sort: SortState<ClientSort>;
  onSort: (next: SortState<ClientSort>) => void;
  onOpenClient: (clientId: string) => void;
  onEndServices: (row: ClientRow) => void;
  /** Showing the previous page while the next loads. */
  stale: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const th = { state: sort, onSort };
  return (
    <Table.ScrollContainer minWidth={920} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="sm"
        highlightOnHover
        data-testid="clients-table"
        aria-busy={stale}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <SortTh column="client" {...th}>
              {t('clients.column.client')}
            </SortTh>
            <SortTh column="relationship" {...th}>
              {t('clients.column.relationship')}
            </SortTh>
            <SortTh column="products" firstDir="desc" {...th}>
              {t('clients.column.products')}
            </SortTh>
            <SortTh column="usage" firstDir="desc" {...th}>
              {t('clients.column.usage')}
            </SortTh>
            <SortTh column="mrr" numeric {...th}>
              {t('clients.column.mrr')}
            </SortTh>
            <SortTh column="totalPoints" numeric {...th}>
              {t('clients.column.points')}
            </SortTh>
            <PlainTh>
              <VisuallyHidden>{t('clients.column.actions')}</VisuallyHidden>
            </PlainTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS}>
                <Text size="sm" c={MUTED} ta="center" py="md">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {rows.map((row) => (
            <Table.Tr key={row.clientId} data-testid="client-row" data-client-id={row.clientId}>
              <Table.Td miw={160}>
                <Anchor
                  component="button"
                  type="button"
                  c={LINK}
                  fw={600}
                  size="sm"
                  ta="left"
                  onClick={() => onOpenClient(row.clientId)}
                >
                  {row.name}
                </Anchor>
                <Text size="xs" c={MUTED}>
                  {row.clientId} · {row.country}
                </Text>
              </Table.Td>
              <Table.Td>
                <RelationshipBadge relationship={row.relationship} />
              </Table.Td>
              <Table.Td>
                <Products products={row.products} />
              </Table.Td>
              <Table.Td>
                <Usage usage={row.usage} />
              </Table.Td>
              <Table.Td style={NUMERIC}>
                <Text size="sm" fw={500} inherit>
                  {f.money(row.mrr)}
                </Text>
                {row.mrr.currency !== row.mrrBase.currency ? (
                  <Text size="xs" c={MUTED} inherit>
                    {t('clients.inBase', { amount: f.money(row.mrrBase) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={NUMERIC}>
                <Points row={row} />
              </Table.Td>
              <Table.Td w={48}>
                <ClientRowActions row={row} onOpenClient={onOpenClient} onEndServices={onEndServices} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
