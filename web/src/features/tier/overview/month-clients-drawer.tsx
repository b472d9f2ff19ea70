// One month of Sold points over time: its clients and their sold-point changes
// (GET /tier/sold-over-time/:month/clients?tab=), with the tabs Total, Won and Lost. A
// client's name opens the client panel on top (its info, renewals and usage).
import { Anchor, Drawer, Group, SegmentedControl, Stack, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthClients } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { NestedDialog } from '../../../ui/nested-dialog.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import { ClientDrawer } from '../../clients/client-drawer.tsx';
import { UseInListsAction } from '../../reports/use-in-lists-action.tsx';
import classes from './overview.module.css';
import { type SoldTab, useMonthClients } from './queries.ts';
import { ScrollRegion } from './scroll-region.tsx';
import { dayOf, SERIES_OF, seriesOf, TABS } from './sold-series.ts';

type Client = MonthClients['clients'][number];
type Column = 'newSold' | 'increasedSold' | 'expiredDeclined' | 'decreasedSold' | 'won' | 'lost' | 'net';

const round2 = (value: number) => Math.round(value * 100) / 100;
const TOTAL_OF: Record<SoldTab, Column> = { total: 'net', won: 'won', lost: 'lost' };

function cellValue(client: Client, column: Column): number {
  if (column === 'won' || column === 'lost') return client[column];
  if (column === 'net') return round2(client.won - client.lost);
  return seriesOf(client)[column];
}

function ClientsTable({
  data,
  title,
  onOpenClient,
}: {
  data: MonthClients;
  title: string;
  onOpenClient: (clientId: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns: Column[] = [...SERIES_OF[data.tab], TOTAL_OF[data.tab]];
  const label = (c: Column) =>
    c === 'won' || c === 'lost' || c === 'net'
      ? t(`tierOverview.sold.${c}`)
      : t(`tierOverview.sold.series.${c}`);
  return (
    <ScrollRegion label={title}>
      <Table miw={columns.length > 3 ? 640 : 420} highlightOnHover verticalSpacing="xs" data-tab={data.tab}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tierOverview.sold.client')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {label(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.clients.map((client) => (
            <Table.Tr key={client.clientId} data-testid="month-client-row" data-client={client.clientId}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  c="indigo.8"
                  ta="left"
                  onClick={() => onOpenClient(client.clientId)}
                >
                  {client.clientName}
                </Anchor>
              </Table.Td>
              {columns.map((c) => (
                <Table.Td
                  key={c}
                  className={classes.num}
                  data-column={c}
                  data-value={cellValue(client, c)}
                  fw={c === columns.at(-1) ? 600 : undefined}
                >
                  {f.points(cellValue(client, c))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('tierOverview.sold.totalRow')}</Table.Th>
            {columns.map((c) => {
              const sum = round2(data.clients.reduce((s, client) => s + cellValue(client, c), 0));
              return (
                <Table.Th key={c} className={classes.num} data-column={c} data-value={sum}>
                  {f.points(sum)}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollRegion>
  );
}

export function MonthClientsDrawer({
  partnerId,
  month,
  tab,
  onTabChange,
  onClose,
}: {
  partnerId: string;
  month: string | null;
  tab: SoldTab;
  onTabChange: (tab: SoldTab) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  const query = useMonthClients(partnerId, month, tab);
  const [clientId, setClientId] = useState<string | null>(null);
  const name = month ? f.month(dayOf(month)) : '';
  // Use in lists' dialog is open over the drawer: Escape closes the dialog only.
  const [nested, setNested] = useState(false);
  const title = t('tierOverview.sold.drawer', { month: name });
  const clients = query.data?.clients;
  return (
    <Drawer
      opened={month !== null}
      onClose={onClose}
      closeOnEscape={clientId === null && !nested}
      position="right"
      size={phone ? '100%' : 'min(820px, 80vw)'}
      padding="lg"
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 } }}
      attributes={{ content: { 'data-testid': 'month-clients' } as Record<string, string> }}
    >
      <Stack gap="md">
        {clients && clients.length > 0 && !query.isPlaceholderData ? (
          <Group justify="flex-end" data-testid="report-actions">
            <NestedDialog.Provider value={setNested}>
              <UseInListsAction
                partnerId={partnerId}
                defaultName={`${title}, ${t(`tierOverview.sold.tabs.${tab}`)}`}
                clients={{
                  queryKey: ['sold-over-time', month, tab],
                  load: () => Promise.resolve([...new Set(clients.map((client) => client.clientId))]),
                }}
              />
            </NestedDialog.Provider>
          </Group>
        ) : null}
        <SegmentedControl
          aria-label={t('tierOverview.sold.tabs.label')}
          data={TABS.map((value) => ({ value, label: t(`tierOverview.sold.tabs.${value}`) }))}
          value={tab}
          onChange={(value) => onTabChange(value as SoldTab)}
          fullWidth
        />
        <PanelBody
          query={query}
          isEmpty={(data) => data.clients.length === 0}
          empty={t('tierOverview.sold.noClients')}
        >
          {(data) => (
            <ClientsTable
              data={data}
              title={t('tierOverview.sold.clientsIn', { month: name })}
              onOpenClient={setClientId}
            />
          )}
        </PanelBody>
      </Stack>
      {clientId ? (
        <ClientDrawer partnerId={partnerId} clientId={clientId} onClose={() => setClientId(null)} />
      ) : null}
    </Drawer>
  );
}
