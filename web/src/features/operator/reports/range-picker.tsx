// The page's date range: last 30 days, last quarter, last 12 months, or any days.
import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRESETS, type Preset, presetRange, type Range, validRange } from './figures.ts';

export function RangePicker({
  value,
  today,
  onChange,
}: {
  value: Range;
  today: string;
  onChange: (range: Range) => void;
}) {
  const { t } = useTranslation();
  const invalid = !validRange(value.from, value.to);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('opReports.range.label')}
        data={PRESETS.map((p) => ({ value: p, label: t(`opReports.range.${p}`) }))}
        value={value.preset}
        allowDeselect={false}
        w={220}
        onChange={(preset) => {
          if (!preset) return;
          onChange(
            preset === 'custom'
              ? { ...value, preset: 'custom' }
              : presetRange(preset as Exclude<Preset, 'custom'>, today),
          );
        }}
        data-testid="range-preset"
      />
      <TextInput
        type="date"
        label={t('opReports.range.from')}
        value={value.from}
        max={today}
        onChange={(e) => onChange({ preset: 'custom', from: e.currentTarget.value, to: value.to })}
        error={invalid ? t('opReports.range.invalid') : undefined}
        w={160}
        data-testid="range-from"
      />
      <TextInput
        type="date"
        label={t('opReports.range.to')}
        value={value.to}
        onChange={(e) => onChange({ preset: 'custom', from: value.from, to: e.currentTarget.value })}
        w={160}
        data-testid="range-to"
      />
    </Group>
  );
}
