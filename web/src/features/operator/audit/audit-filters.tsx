// The audit page's filters, kept in the URL: actor (email), action (every action the log can
// hold, grouped by what it acts on), partner, and a range of days.
import { Button, Group, Select, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../../../../src/domain/audit-actions.ts';
import type { AuditFilters } from './queries.ts';

type Key = keyof AuditFilters;

export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (changes: AuditFilters | null) => void;
}) {
  const { t } = useTranslation();
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const action of AUDIT_ACTIONS) {
    const entity = action.slice(0, action.indexOf('.'));
    const items = groups.get(entity) ?? [];
    items.push({ value: action, label: t(`opAudit.actions.${action}`) });
    groups.set(entity, items);
  }
  const actionData = [...groups].map(([entity, items]) => ({
    group: t(`opAudit.entity.${entity}`),
    items,
  }));
  // Text filters apply when the field is left or Enter is pressed, not on every key.
  const text = (key: Key, label: string, width: number, type = 'text') => (
    <TextInput
      key={`${key}-${filters[key] ?? ''}`}
      label={label}
      type={type}
      defaultValue={filters[key] ?? ''}
      w={width}
      onBlur={(e) => {
        const value = e.currentTarget.value.trim();
        if (value !== (filters[key] ?? '')) onChange({ [key]: value });
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') onChange({ [key]: e.currentTarget.value.trim() });
      }}
    />
  );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {text('actor', t('opAudit.filters.actor'), 240, 'search')}
      <Select
        label={t('opAudit.filters.action')}
        data={actionData}
        value={filters.action ?? null}
        onChange={(value) => onChange({ action: value ?? '' })}
        searchable
        clearable
        w={260}
      />
      {text('partnerId', t('opAudit.filters.partner'), 140)}
      {text('from', t('opAudit.filters.from'), 160, 'date')}
      {text('to', t('opAudit.filters.to'), 160, 'date')}
      {Object.values(filters).some(Boolean) ? (
        <Button variant="subtle" onClick={() => onChange(null)}>
          {t('opAudit.filters.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
