// The console's partners table: search, sort, filters and pages on the server, all kept in the
// URL (the overview's figures link here with their filters), and the same view as CSV.
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../../../lib/api.ts';
import type { SortDir } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { type SortState, SortTh } from '../../../ui/sort-th.tsx';
import { TableFooter } from '../../../ui/table-footer.tsx';
import { MUTED, NEGATIVE, POSITIVE } from '../../../ui/tone.tsx';
import type { Overview } from '../overview/types.ts';

type SortKey =
  | 'partnerId'
  | 'name'
  | 'country'
  | 'total'
  | 'sold'
  | 'managed'
  | 'credited'
  | 'performance'
  | 'change';
const PAGE_SIZE = 25;
const FILTER_KEYS = [
  'q',
  'credited',
  'performing',
  'country',
  'movement',
  'atRisk',
  'renewalsWithinDays',
  'totalMin',
  'totalMax',
];

interface Row {
  partnerId: string;
  name: string;
  country: string;
  total: number;
  sold: number;
  managed: number;
  credited: string | null;
  performance: string | null;
  certified: boolean;
  change: number;
}

export default function PartnersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const sort: SortState<SortKey> = {
    sort: (params.get('sort') as SortKey | null) ?? 'partnerId',
    dir: (params.get('dir') as SortDir | null) ?? 'asc',
  };
  const page = Number(params.get('page') ?? '1') || 1;
  const update = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };
  const urlQ = params.get('q') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the debounced search settles
  useEffect(() => {
    if (urlQ !== q) update({ q });
  }, [q]);

  const query: Record<string, string> = {};
  for (const k of [...FILTER_KEYS, 'sort', 'dir']) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const partners = useQuery({
    queryKey: ['operator', 'partners', query, page],
    queryFn: () =>
      api.get<{ partners: Row[]; total: number }>('/api/v1/partners', {
        ...query,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const overview = useQuery({
    queryKey: ['operator', 'overview'],
    queryFn: () => api.get<Overview>('/api/v1/overview'),
  });
  const tierName = (id: string | null) =>
    id === null ? t('opPartners.none') : (overview.data?.tiers.find((x) => x.tierId === id)?.name ?? id);
  const tierOptions = [
    ...(overview.data?.tiers ?? []).map((x) => ({ value: x.tierId ?? 'none', label: tierName(x.tierId) })),
  ];

  const chips: { key: string[]; label: string }[] = [];
  if (params.get('movement') === 'up')
    chips.push({ key: ['movement'], label: t('opPartners.filters.movementUp') });
  if (params.get('movement') === 'down')
    chips.push({ key: ['movement'], label: t('opPartners.filters.movementDown') });
  if (params.get('atRisk') === 'true') chips.push({ key: ['atRisk'], label: t('opPartners.filters.atRisk') });
  if (params.get('renewalsWithinDays'))
    chips.push({
      key: ['renewalsWithinDays'],
      label: t('opPartners.filters.renewals', { days: params.get('renewalsWithinDays') }),
    });
  if (params.get('totalMin') || params.get('totalMax'))
    chips.push({
      key: ['totalMin', 'totalMax'],
      label: t('opPartners.filters.total', {
        from: f.number(Number(params.get('totalMin') ?? 0)),
        to: params.get('totalMax') ? f.number(Number(params.get('totalMax'))) : '∞',
      }),
    });

  const onSort = (next: SortState<SortKey>) => update({ sort: next.sort, dir: next.dir });
  const th = (column: SortKey, numeric = false) => (
    <SortTh column={column} state={sort} onSort={onSort} numeric={numeric} nowrap>
      {t(`opPartners.col.${column}`)}
    </SortTh>
  );
  const exportHref = withQuery('/api/v1/partners/export.csv', query);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('opPartners.title')}</Title>
        <Button component="a" href={exportHref} variant="light" download>
          {t('opPartners.export')}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('opPartners.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
          type="search"
        />
        <Select
          label={t('opPartners.filters.credited')}
          data={tierOptions}
          value={params.get('credited')}
          placeholder={t('opPartners.any')}
          clearable
          onChange={(v) => update({ credited: v })}
          w={180}
        />
        <Select
          label={t('opPartners.filters.performing')}
          data={tierOptions}
          value={params.get('performing')}
          placeholder={t('opPartners.any')}
          clearable
          onChange={(v) => update({ performing: v })}
          w={180}
        />
        <TextInput
          label={t('opPartners.filters.country')}
          defaultValue={params.get('country') ?? ''}
          maxLength={2}
          w={90}
          onBlur={(e) => update({ country: e.currentTarget.value.trim().toUpperCase() || null })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ country: e.currentTarget.value.trim().toUpperCase() || null });
          }}
        />
        {FILTER_KEYS.some((k) => params.get(k)) ? (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('opPartners.clear')}
          </Button>
        ) : null}
      </Group>
      {chips.length > 0 ? (
        <Group gap="xs">
          {chips.map((c) => (
            <Badge
              key={c.label}
              size="lg"
              variant="light"
              color="indigo"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('opPartners.filters.remove', { filter: c.label })}
                  onClick={() => update(Object.fromEntries(c.key.map((k) => [k, null])))}
                />
              }
            >
              {c.label}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover data-testid="partners-table">
          <Table.Thead>
            <Table.Tr>
              {th('partnerId')}
              {th('name')}
              {th('country')}
              {th('total', true)}
              {th('sold', true)}
              {th('managed', true)}
              {th('credited')}
              {th('performance')}
              <Table.Th>{t('opPartners.col.certified')}</Table.Th>
              {th('change', true)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(partners.data?.partners ?? []).map((p) => (
              <Table.Tr key={p.partnerId}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/operator/partners/${encodeURIComponent(p.partnerId)}`}
                    c="indigo.8"
                  >
                    {p.partnerId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.country}</Table.Td>
                <Table.Td ta="right">{f.points(p.total)}</Table.Td>
                <Table.Td ta="right">{f.points(p.sold)}</Table.Td>
                <Table.Td ta="right">{f.points(p.managed)}</Table.Td>
                <Table.Td>{tierName(p.credited)}</Table.Td>
                <Table.Td>{tierName(p.performance)}</Table.Td>
                <Table.Td>{p.certified ? t('opPartners.yes') : t('opPartners.no')}</Table.Td>
                <Table.Td ta="right" c={p.change > 0 ? POSITIVE : p.change < 0 ? NEGATIVE : undefined}>
                  {p.change > 0 ? '+' : p.change < 0 ? '−' : ''}
                  {f.points(Math.abs(p.change))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {partners.data && partners.data.partners.length === 0 ? (
        <Text c={MUTED}>{t('common.state.empty')}</Text>
      ) : null}
      <TableFooter
        page={page}
        pageSize={PAGE_SIZE}
        total={partners.data?.total ?? 0}
        onPage={(p) => update({ page: String(p) }, true)}
        summary={t('opPartners.count', { count: partners.data?.total ?? 0 })}
        label={t('opPartners.pages')}
      />
    </Stack>
  );
}
