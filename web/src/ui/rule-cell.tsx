// The rule behind a sold entry's points, shown beside the entry wherever it appears (a
// client's history, the point-change report): rule set, rate per 100 of the base currency,
// growth multiplier and the currency table's value.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRule } from '../lib/api-types.ts';
import { type Formatters, useFormat } from '../lib/format.ts';
import { MUTED, ToneBadge } from './tone.tsx';

/** A multiplier or rate as the API gives it (up to 4 decimals), in the language's digits. */
export function factor(f: Formatters, value: number): string {
  return f.number(value, 4);
}

export function RuleCell({ rule }: { rule: EntryRule }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="xs" fw={700} style={{ whiteSpace: 'nowrap' }}>
        {t('common.rule.ruleSet', { id: rule.rateRuleSetId })}
      </Text>
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {t('common.rule.rate', { rate: factor(f, rule.rate), currency: rule.baseCurrency })}
      </Text>
      {rule.multiplier !== 1 ? (
        <ToneBadge tone="teal" size="sm">
          {t('common.rule.multiplier', { value: factor(f, rule.multiplier) })}
        </ToneBadge>
      ) : null}
      {rule.currency !== rule.baseCurrency ? (
        <Text size="xs" c={MUTED} style={{ whiteSpace: 'nowrap' }}>
          {t('common.rule.currencyValue', {
            amount: f.money({ amount: rule.currencyPer100, currency: rule.currency }),
            base: rule.baseCurrency,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
