// Upcoming renewals: every renewal of the partner's clients within the program's horizon,
// sorted and paginated on the server. The client's name opens the client panel. The Alerts
// panel links here (#renewals).
import { Anchor, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenewalRow, RenewalSort } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { Panel } from '../../ui/panel.tsx';
import { type SortState, SortTh } from '../../ui/sort-th.tsx';
import { TableFooter } from '../../ui/table-footer.tsx';
import { LINK, MUTED, NEGATIVE, POSITIVE } from '../../ui/tone.tsx';
import { ExportAction } from '../reports/export-action.tsx';
import { SaveReportAction } from '../reports/save-report-action.tsx';
import { UseInListsAction } from '../reports/use-in-lists-action.tsx';
import { StatusBadge } from './badges.tsx';
import { NUMERIC } from './clients-table.tsx';
import { PAGE_SIZE, renewalClientIds, useRenewalList } from './queries.ts';
import { useRelativeDays } from './relative-time.ts';
import { Muted } from './tab-body.tsx';

function MrrChange({ row }: { row: RenewalRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = row.mrrChange;
  const color = change === null || change.amount === 0 ? MUTED : change.amount > 0 ? POSITIVE : NEGATIVE;
  const text =
    change === null
      ? t('clients.renewals.unknownChange')
      : change.amount === 0
        ? t('clients.renewals.noChange')
        : `${change.amount > 0 ? '+' : ''}${f.money(change)}`;
  return (
    <>
      <Text size="sm" fw={500} c={color} inherit>
        {text}
      </Text>
      <Text size="xs" c={MUTED} inherit>
        {t('clients.renewals.current', { amount: f.money(row.currentMrr) })}
      </Text>
    </>
  );
}

function RenewalsTable({
  rows,
  today,
  sort,
  onSort,
  onOpenClient,
  stale,
}: {
  rows: RenewalRow[];
  /** The server's day (YYYY-MM-DD): a decision deadline before it is overdue. */
  today: string;
  sort: SortState<RenewalSort>;
  onSort: (next: SortState<RenewalSort>) => void;
  onOpenClient: (clientId: string) => void;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const relative = useRelativeDays();
  const th = { state: sort, onSort };
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="xs"
        highlightOnHover
        data-testid="renewals-table"
        aria-busy={stale}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <SortTh column="client" {...th}>
              {t('clients.renewals.column.client')}
            </SortTh>
            <SortTh column="product" {...th}>
              {t('clients.renewals.column.product')}
            </SortTh>
            <SortTh column="mrrChange" numeric {...th}>
              {t('clients.renewals.column.mrrChange')}
            </SortTh>
            <SortTh column="lastActiveUser" {...th}>
              {t('clients.renewals.column.lastActiveUser')}
            </SortTh>
            <SortTh column="renewalManager" {...th}>
              {t('clients.renewals.column.renewalManager')}
            </SortTh>
            <SortTh column="timeToRenewal" firstDir="asc" numeric {...th}>
              {t('clients.renewals.column.timeToRenewal')}
            </SortTh>
            <SortTh column="status" {...th}>
              {t('clients.renewals.column.status')}
            </SortTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={`${row.clientId}|${row.product}|${row.renewalDate}`}
              data-testid="renewal-row"
              data-client-id={row.clientId}
            >
              <Table.Td miw={130}>
                <Anchor
                  component="button"
                  c={LINK}
                  type="button"
                  fw={600}
                  size="sm"
                  ta="left"
                  onClick={() => onOpenClient(row.clientId)}
                  title={t('clients.renewals.openClient', { name: row.clientName })}
                >
                  {row.clientName}
                </Anchor>
              </Table.Td>
              <Table.Td miw={120}>
                <Text size="sm">{row.product}</Text>
              </Table.Td>
              <Table.Td style={NUMERIC}>
                <MrrChange row={row} />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" truncate="end" maw={170} title={row.lastActiveUser ?? undefined}>
                    {row.lastActiveUser ?? t('common.none')}
                  </Text>
                  {row.lastActiveOn ? (
                    <Text size="xs" c={MUTED}>
                      {f.date(row.lastActiveOn)}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.renewalManager ?? t('common.none')}</Text>
              </Table.Td>
              <Table.Td style={NUMERIC}>
                <Text size="sm" fw={500} inherit>
                  {relative(row.daysToRenewal)}
                </Text>
                <Text size="xs" c={MUTED} inherit>
                  {f.date(row.renewalDate)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StatusBadge status={row.status} size="sm" />
                  {row.awaitingDecision ? (
                    <Text
                      size="xs"
                      c={row.decisionDeadline < today ? NEGATIVE : MUTED}
                      fw={row.decisionDeadline < today ? 600 : undefined}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t(
                        row.decisionDeadline < today
                          ? 'clients.renewals.overdue'
                          : 'clients.renewals.decideBy',
                        {
                          date: f.date(row.decisionDeadline),
                        },
                      )}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UpcomingRenewalsPanel({
  partnerId,
  onOpenClient,
}: {
  partnerId: string;
  onOpenClient: (clientId: string) => void;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState<RenewalSort>>({ sort: 'timeToRenewal', dir: 'asc' });
  const [page, setPage] = useState(1);
  const query = useRenewalList(partnerId, { sort: sort.sort, dir: sort.dir, page, pageSize: PAGE_SIZE });
  const title = t('clients.renewals.title');
  const defaultName = (on: string) => t('reportActions.export.nameDay', { report: title, on });
  const changeSort = (next: SortState<RenewalSort>) => {
    setSort(next);
    setPage(1);
  };
  return (
    // The anchor of the Alerts panel's link; the header is 64 px high.
    <Box id="renewals" style={{ scrollMarginTop: 80 }}>
      <Panel
        id="renewals"
        title={title}
        actions={
          query.data ? (
            <Group gap="sm" wrap="wrap">
              <Text size="sm" c={MUTED}>
                {t('clients.renewals.horizon', { days: query.data.horizonDays })}
              </Text>
              {query.data.total > 0 ? (
                <Group gap="xs" wrap="wrap" data-testid="renewals-actions">
                  <UseInListsAction
                    partnerId={partnerId}
                    defaultName={defaultName(query.data.on)}
                    clients={{
                      queryKey: ['renewals', query.data.on],
                      load: () => renewalClientIds(partnerId),
                    }}
                  />
                  <ExportAction
                    partnerId={partnerId}
                    report="renewals"
                    filters={{ on: query.data.on }}
                    defaultName={defaultName(query.data.on)}
                  />
                  <SaveReportAction
                    partnerId={partnerId}
                    defaultName={title}
                    definition={{ report: 'renewals' }}
                  />
                </Group>
              ) : null}
            </Group>
          ) : null
        }
        query={query}
        isEmpty={(data) => data.total === 0}
        empty={<Muted>{t('clients.renewals.empty')}</Muted>}
      >
        {(data) => (
          <>
            <RenewalsTable
              rows={data.items}
              today={data.on}
              sort={sort}
              onSort={changeSort}
              onOpenClient={onOpenClient}
              stale={query.isPlaceholderData}
            />
            <TableFooter
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={setPage}
              summary={t('clients.renewals.total', { count: data.total })}
              label={t('clients.renewals.pagination')}
            />
          </>
        )}
      </Panel>
    </Box>
  );
}
