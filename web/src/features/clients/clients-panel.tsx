// The Clients table of the dashboard: products, relationship, usage, MRR and points per
// client, sorted, filtered and paginated on the server (a large partner has thousands).
// Each row's Actions menu opens the client panel, links to the vendor's CRM and product,
// or ends services (with a confirmation).
import { Alert, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRow, ClientSort, EndServices, Relationship } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { SearchIcon } from '../../ui/icons.tsx';
import { Panel } from '../../ui/panel.tsx';
import type { SortState } from '../../ui/sort-th.tsx';
import { pageCount, TableFooter } from '../../ui/table-footer.tsx';
import { ExportAction } from '../reports/export-action.tsx';
import { SaveReportAction } from '../reports/save-report-action.tsx';
import { UseInListsAction } from '../reports/use-in-lists-action.tsx';
import { ClientsTable } from './clients-table.tsx';
import { EndServicesModal } from './end-services-modal.tsx';
import { clientListIds, PAGE_SIZE, useClientList } from './queries.ts';
import { Muted } from './tab-body.tsx';

const RELATIONSHIPS: readonly Relationship[] = ['sold', 'managed', 'both'];
const ALL = 'all';

interface Ended {
  name: string;
  result: EndServices;
}

export function ClientsPanel({
  partnerId,
  onOpenClient,
}: {
  partnerId: string;
  onOpenClient: (clientId: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [relationship, setRelationship] = useState<Relationship | null>(null);
  const [sort, setSort] = useState<SortState<ClientSort>>({ sort: 'client', dir: 'asc' });
  // The page belongs to a search, filter and sort: a new one starts again from the first page.
  const filterKey = `${q}|${relationship}|${sort.sort}|${sort.dir}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const setPage = (next: number) => setPaging({ key: filterKey, page: next });
  const [ending, setEnding] = useState<ClientRow | null>(null);
  const [ended, setEnded] = useState<Ended | null>(null);

  // Another partner: nothing of the previous one's notices.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the partner is the trigger
  useEffect(() => setEnded(null), [partnerId]);

  const query = useClientList(partnerId, {
    sort: sort.sort,
    dir: sort.dir,
    page,
    pageSize: PAGE_SIZE,
    q: q || undefined,
    relationship: relationship ?? undefined,
  });
  const total = query.data?.total;
  // Rows may disappear (services ended): never stay on a page past the last.
  const lastPage = total === undefined ? null : pageCount(total, PAGE_SIZE);
  useEffect(() => {
    if (lastPage !== null && page > lastPage) setPaging({ key: filterKey, page: lastPage });
  }, [lastPage, page, filterKey]);

  const filtered = q !== '' || relationship !== null;
  // The report's actions act on what the table selects: its search and filter, every page.
  const filters = { q: q || undefined, relationship: relationship ?? undefined };
  const on = query.data?.on;
  const title = t('clients.title');
  const filterLabel = [q ? `“${q}”` : null, relationship ? t(`clients.relationship.${relationship}`) : null]
    .filter(Boolean)
    .join(', ');
  const defaultName = on
    ? filtered
      ? t('reportActions.export.nameFiltered', { report: title, filter: filterLabel, on })
      : t('reportActions.export.nameDay', { report: title, on })
    : title;
  return (
    <>
      <Panel
        id="clients"
        title={t('clients.title')}
        query={query}
        actions={
          <Group gap="sm" wrap="wrap">
            <TextInput
              size="sm"
              w={{ base: '100%', xs: 240 }}
              type="search"
              aria-label={t('clients.search')}
              placeholder={t('clients.search')}
              leftSection={<SearchIcon size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              data-testid="clients-search"
            />
            <Select
              size="sm"
              w={{ base: '100%', xs: 200 }}
              aria-label={t('clients.relationshipFilter')}
              data={[
                { value: ALL, label: t('clients.allRelationships') },
                ...RELATIONSHIPS.map((r) => ({ value: r, label: t(`clients.relationship.${r}`) })),
              ]}
              value={relationship ?? ALL}
              allowDeselect={false}
              onChange={(value) =>
                setRelationship(value === ALL || value === null ? null : (value as Relationship))
              }
              data-testid="clients-relationship"
            />
            <Group gap="xs" wrap="wrap" data-testid="clients-actions">
              <UseInListsAction
                partnerId={partnerId}
                defaultName={defaultName}
                clients={{
                  queryKey: ['clients', q, relationship, on],
                  load: () => clientListIds(partnerId, filters),
                }}
              />
              <ExportAction
                partnerId={partnerId}
                report="clients"
                filters={{ ...filters, on }}
                defaultName={defaultName}
              />
              <SaveReportAction
                partnerId={partnerId}
                defaultName={title}
                definition={{ report: 'clients' }}
                unavailable={filtered ? t('reportActions.save.filtered') : undefined}
              />
            </Group>
          </Group>
        }
        isEmpty={(data) => data.total === 0 && !filtered}
        empty={<Muted>{t('clients.empty')}</Muted>}
      >
        {(data) => (
          <>
            {ended ? (
              <Alert
                color="teal"
                variant="light"
                mb="md"
                role="status"
                withCloseButton
                closeButtonLabel={t('clients.endServices.dismiss')}
                onClose={() => setEnded(null)}
                data-testid="end-services-done"
              >
                {t('clients.endServices.done', {
                  name: ended.name,
                  date: f.date(ended.result.endedOn),
                  points: f.points(ended.result.points.managed),
                })}
              </Alert>
            ) : null}
            <ClientsTable
              rows={data.items}
              sort={sort}
              onSort={setSort}
              onOpenClient={onOpenClient}
              onEndServices={setEnding}
              stale={query.isPlaceholderData}
              empty={t('clients.noMatch')}
            />
            <TableFooter
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={setPage}
              summary={t('clients.total', { count: data.total })}
              label={t('clients.pagination')}
            />
          </>
        )}
      </Panel>
      <EndServicesModal
        partnerId={partnerId}
        client={ending}
        onClose={() => setEnding(null)}
        onEnded={(name, result) => {
          setEnding(null);
          setEnded({ name, result });
        }}
      />
    </>
  );
}
