// The breakdown's search and its Deal type and Market type filters (labelled selects).
import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealType, MarketType } from '../../../lib/api-types.ts';
import { SearchIcon } from '../../../ui/icons.tsx';

const DEAL_TYPES: readonly DealType[] = ['sourced', 'assisted'];
const MARKETS: readonly MarketType[] = ['growth', 'other'];
const ALL = 'all';

export interface Filters {
  search: string;
  dealType: DealType | null;
  market: MarketType | null;
}

export function BreakdownFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        size="sm"
        w={{ base: '100%', sm: 220 }}
        type="search"
        label={t('breakdown.search')}
        placeholder={t('breakdown.search')}
        leftSection={<SearchIcon size={16} />}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        data-testid="breakdown-search"
      />
      <Select
        size="sm"
        w={{ base: '100%', xs: 'calc(50% - var(--mantine-spacing-sm) / 2)', sm: 180 }}
        label={t('breakdown.dealType.label')}
        data={[
          { value: ALL, label: t('breakdown.dealType.all') },
          ...DEAL_TYPES.map((d) => ({ value: d, label: t(`breakdown.dealType.${d}`) })),
        ]}
        value={value.dealType ?? ALL}
        allowDeselect={false}
        onChange={(next) =>
          onChange({ ...value, dealType: next === ALL || next === null ? null : (next as DealType) })
        }
        data-testid="breakdown-deal-type"
      />
      <Select
        size="sm"
        w={{ base: '100%', xs: 'calc(50% - var(--mantine-spacing-sm) / 2)', sm: 180 }}
        label={t('breakdown.market.label')}
        data={[
          { value: ALL, label: t('breakdown.market.all') },
          ...MARKETS.map((m) => ({ value: m, label: t(`breakdown.market.${m}`) })),
        ]}
        value={value.market ?? ALL}
        allowDeselect={false}
        onChange={(next) =>
          onChange({ ...value, market: next === ALL || next === null ? null : (next as MarketType) })
        }
        data-testid="breakdown-market"
      />
    </Group>
  );
}
