// What an entry changed: a field-by-field table of before and after (fields that differ are
// marked), or the one value as it was stored when it is not a record.
import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';

type Fields = Record<string, unknown>;
const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (value === undefined || value === null) return <>{t('opAudit.nothing')}</>;
  if (typeof value === 'string') return <>{INSTANT.test(value) ? f.dateTime(value) : value}</>;
  if (typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>;
  const short = JSON.stringify(value);
  if (short.length <= 60) return <Code>{short}</Code>;
  return (
    <Code block style={{ whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

export function hasChanges(entry: AuditEntry): boolean {
  return entry.before !== null || entry.after !== null;
}

export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  const fields =
    (before === null || isRecord(before)) && (after === null || isRecord(after))
      ? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
      : null;
  if (fields === null) {
    return (
      <Table data-testid="audit-changes" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opAudit.before')}</Table.Th>
            <Table.Th>{t('opAudit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Value value={before} />
            </Table.Td>
            <Table.Td>
              <Value value={after} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  const of = (record: unknown, field: string) => (isRecord(record) ? record[field] : undefined);
  return (
    <Table data-testid="audit-changes" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('opAudit.field')}</Table.Th>
          <Table.Th>{t('opAudit.before')}</Table.Th>
          <Table.Th>{t('opAudit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((field) => {
          const was = of(before, field);
          const is = of(after, field);
          const changed = before !== null && JSON.stringify(was) !== JSON.stringify(is);
          return (
            <Table.Tr key={field} data-changed={changed || undefined} bg={changed ? 'yellow.0' : undefined}>
              <Table.Td>
                <Text size="sm" fw={changed ? 600 : undefined} ff="monospace">
                  {field}
                </Text>
              </Table.Td>
              <Table.Td>
                <Value value={was} />
              </Table.Td>
              <Table.Td>
                <Value value={is} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
