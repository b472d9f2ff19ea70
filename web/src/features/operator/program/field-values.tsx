// A rule set's field as the operator reads it: numbers in the viewer's language, the
// currency table and the growth markets as lists, the tiers as a table of thresholds, and
// any value the document holds that is not of its expected kind as the JSON it is.
import { Code, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';
import { MUTED } from '../../../ui/tone.tsx';
import type { RuleSetField, TierRow } from './resolve.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Any value as short JSON (a long one as a block). */
export function JsonValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined) return <>{t('opProgram.value.nothing')}</>;
  const short = JSON.stringify(value);
  if (short.length <= 60) return <Code>{short}</Code>;
  return (
    <Code block style={{ whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

function CurrencyTable({ table }: { table: Record<string, unknown> }) {
  const f = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing={4} verticalSpacing={2}>
      {Object.entries(table).map(([code, value]) => (
        <Text key={code} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Text span fw={600} size="sm">
            {code}
          </Text>{' '}
          {typeof value === 'number' ? f.number(value, 4) : String(value)}
        </Text>
      ))}
    </SimpleGrid>
  );
}

function Markets({ codes }: { codes: unknown[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = new Intl.DisplayNames([f.locale], { type: 'region', fallback: 'code' });
  const name = (code: unknown) => {
    try {
      return typeof code === 'string' ? names.of(code) : String(code);
    } catch {
      return String(code);
    }
  };
  return (
    <Text size="sm" title={codes.map(name).join(', ')}>
      {codes.length === 0 ? t('opProgram.value.noMarkets') : codes.map(String).join(', ')}{' '}
      <Text span size="xs" c={MUTED}>
        {t('opProgram.value.countries', { count: codes.length })}
      </Text>
    </Text>
  );
}

export function TiersTable({ tiers }: { tiers: TierRow[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const points = (v: unknown) => (typeof v === 'number' ? f.points(v) : String(v));
  return (
    <Table
      withTableBorder
      verticalSpacing={4}
      style={{ fontVariantNumeric: 'tabular-nums' }}
      data-testid="tier-thresholds"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('opProgram.tiers.tier')}</Table.Th>
          <Table.Th ta="right">{t('opProgram.tiers.total')}</Table.Th>
          <Table.Th ta="right">{t('opProgram.tiers.sellerMinimum')}</Table.Th>
          <Table.Th ta="right">{t('opProgram.tiers.managedMinimum')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tiers.map((tier, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a draft may list a tier id twice
          <Table.Tr key={`${tier.id}-${i}`} data-tier={tier.id}>
            <Table.Th scope="row" fw={500}>
              {tier.name ?? tier.id}
            </Table.Th>
            <Table.Td ta="right">{points(tier.total)}</Table.Td>
            <Table.Td ta="right">{points(tier.sellerMinimum)}</Table.Td>
            <Table.Td ta="right">{points(tier.managedMinimum)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function FieldValue({ field, value }: { field: RuleSetField; value: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  switch (field) {
    case 'rates.sourced':
    case 'rates.assisted':
    case 'rates.managed':
      if (typeof value === 'number')
        return <>{t('opProgram.value.perHundred', { value: f.number(value, 4) })}</>;
      break;
    case 'growthMultiplier':
      if (typeof value === 'number') return <>{t('opProgram.value.times', { value: f.number(value, 4) })}</>;
      break;
    case 'soldPointsLifetimeMonths':
      if (typeof value === 'number') return <>{t('opProgram.value.months', { count: value })}</>;
      break;
    case 'sellerMinimumCounts':
      if (value === 'sold' || value === 'sourced') return <>{t(`opProgram.value.counts.${value}`)}</>;
      break;
    case 'certificationRequired':
      if (typeof value === 'boolean')
        return <>{value ? t('opProgram.value.yes') : t('opProgram.value.no')}</>;
      break;
    case 'currencyPer100':
      if (isRecord(value)) return <CurrencyTable table={value} />;
      break;
    case 'growthMarkets':
      if (Array.isArray(value)) return <Markets codes={value} />;
      break;
    case 'tiers':
      if (Array.isArray(value) && value.every(isRecord))
        return <TiersTable tiers={value as unknown as TierRow[]} />;
      break;
  }
  return <JsonValue value={value} />;
}
