// The Points breakdown tab of the Tier page: points per client (sold and managed), sorted,
// searched, filtered (deal type, market type) and paginated on the server. A client opens
// its points history in a drawer kept in the URL (?tab=breakdown&history=<clientId>).
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BreakdownSort } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import type { SortState } from '../../../ui/sort-th.tsx';
import { pageCount, TableFooter } from '../../../ui/table-footer.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { ExportAction } from '../../reports/export-action.tsx';
import { SaveReportAction } from '../../reports/save-report-action.tsx';
import { UseInListsAction } from '../../reports/use-in-lists-action.tsx';
import { BreakdownFilters, type Filters } from './breakdown-filters.tsx';
import { BreakdownTable } from './breakdown-table.tsx';
import { HistoryDrawer } from './history-drawer.tsx';
import { breakdownClientIds, PAGE_SIZE, useBreakdown } from './queries.ts';

const HISTORY = 'history';

export function PointsBreakdown({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>({ search: '', dealType: null, market: null });
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const [sort, setSort] = useState<SortState<BreakdownSort>>({ sort: 'total', dir: 'desc' });
  // The page belongs to a search, filter and sort: a new one starts again from the first page.
  const filterKey = `${q}|${filters.dealType}|${filters.market}|${sort.sort}|${sort.dir}`;
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;

  const query = useBreakdown(partnerId, {
    sort: sort.sort,
    dir: sort.dir,
    page,
    pageSize: PAGE_SIZE,
    q: q || undefined,
    dealType: filters.dealType ?? undefined,
    market: filters.market ?? undefined,
  });
  const filtered = q !== '' || filters.dealType !== null || filters.market !== null;
  const historyId = params.get(HISTORY);
  const listFilters = {
    q: q || undefined,
    dealType: filters.dealType ?? undefined,
    market: filters.market ?? undefined,
  };
  const on = query.data?.on;
  const defaultName = on ? t('reportActions.export.nameDay', { report: t('breakdown.title'), on }) : '';
  const setHistory = (clientId: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (clientId) next.set(HISTORY, clientId);
      else next.delete(HISTORY);
      return next;
    });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="breakdown-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="breakdown-title">
              {t('breakdown.title')}
            </Title>
            {query.data ? (
              <Text size="sm" c={MUTED} mt={4}>
                {t('breakdown.intro', { date: f.date(query.data.on) })}
              </Text>
            ) : null}
          </div>
          <BreakdownFilters value={filters} onChange={setFilters} />
        </Group>
        {on ? (
          <Group gap="xs" justify="flex-end" data-testid="report-actions">
            <UseInListsAction
              partnerId={partnerId}
              defaultName={defaultName}
              clients={{
                queryKey: ['breakdown', listFilters],
                load: () => breakdownClientIds(partnerId, listFilters),
              }}
            />
            {/* The sold entries behind the points (every entry earned by the day, the rule of each). */}
            <ExportAction
              partnerId={partnerId}
              report="sold-entries"
              filters={{ on }}
              defaultName={defaultName}
            />
            <SaveReportAction
              partnerId={partnerId}
              defaultName={t('breakdown.title')}
              definition={{
                report: 'sold-entries',
                range: { kind: 'fixed', from: on, to: on },
                filters: {
                  ...(filters.dealType ? { dealType: filters.dealType } : {}),
                  ...(filters.market
                    ? { marketType: filters.market === 'growth' ? 'growth' : 'standard' }
                    : {}),
                },
              }}
            />
          </Group>
        ) : null}
        <PanelBody
          query={query}
          isEmpty={(data) => data.total === 0 && !filtered}
          empty={t('breakdown.empty')}
        >
          {(data) => (
            <div>
              <BreakdownTable
                data={data}
                sort={sort}
                onSort={setSort}
                onOpen={setHistory}
                stale={query.isPlaceholderData}
              />
              <TableFooter
                page={Math.min(data.page, pageCount(data.total, data.pageSize))}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(next) => setPaging({ key: filterKey, page: next })}
                summary={t('breakdown.count', { count: data.total })}
                label={t('breakdown.pagination')}
              />
            </div>
          )}
        </PanelBody>
      </Stack>
      {historyId ? (
        <HistoryDrawer partnerId={partnerId} clientId={historyId} onClose={() => setHistory(null)} />
      ) : null}
    </Card>
  );
}
