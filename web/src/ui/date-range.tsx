// A date range picker: presets relative to the server's today, or any custom range.
// Ranges are inclusive YYYY-MM-DD days, as the API takes them.
import { Group, Select, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, isIsoDate, monthEnd, monthStart, parts } from '../../../src/domain/dates.ts';

export interface DateRange {
  preset: RangePreset;
  from: string;
  to: string;
}

export const RANGE_PRESETS = [
  'last7',
  'last30',
  'last90',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'thisYear',
  'last12Months',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  const [y, m] = parts(today);
  const range = (from: string, to: string): DateRange => ({ preset, from, to });
  switch (preset) {
    case 'last7':
      return range(addDays(today, -6), today);
    case 'last30':
      return range(addDays(today, -29), today);
    case 'last90':
      return range(addDays(today, -89), today);
    case 'thisMonth':
      return range(monthStart(today), today);
    case 'lastMonth': {
      const last = addMonths(monthStart(today), -1);
      return range(last, monthEnd(last));
    }
    case 'thisQuarter': {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return range(`${y}-${String(q).padStart(2, '0')}-01`, today);
    }
    case 'thisYear':
      return range(`${y}-01-01`, today);
    case 'last12Months':
      return range(addDays(addMonths(today, -12), 1), today);
  }
}

export function DateRangePicker({
  value,
  today,
  onChange,
}: {
  value: DateRange;
  today: string;
  onChange: (range: DateRange) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const options = RANGE_PRESETS.filter((p) => p !== 'custom').map((p) => ({
    value: p,
    label: t(`common.range.${p}`),
  }));
  const custom = (from: string, to: string) => {
    if (isIsoDate(from) && isIsoDate(to) && from <= to) onChange({ preset: 'custom', from, to });
  };
  return (
    <Group gap="xs" wrap="wrap">
      <Select
        id={`${id}-preset`}
        aria-label={t('common.range.label')}
        size="xs"
        w={170}
        data={[...options, { value: 'custom', label: `${t('common.range.from')} … ${t('common.range.to')}` }]}
        value={value.preset}
        allowDeselect={false}
        onChange={(preset) => {
          if (preset && preset !== 'custom')
            onChange(presetRange(preset as Exclude<RangePreset, 'custom'>, today));
          else onChange({ ...value, preset: 'custom' });
        }}
      />
      <TextInput
        type="date"
        size="xs"
        aria-label={t('common.range.from')}
        value={value.from}
        max={value.to}
        onChange={(e) => custom(e.currentTarget.value, value.to)}
      />
      <TextInput
        type="date"
        size="xs"
        aria-label={t('common.range.to')}
        value={value.to}
        min={value.from}
        onChange={(e) => custom(value.from, e.currentTarget.value)}
      />
    </Group>
  );
}
