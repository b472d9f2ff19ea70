// The estimate under the fields: the figures (large, tabular), what is missing, and the
// program values the engine used (rule set, rates, exchange, growth multiplier).
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { wholeMoney } from './options.ts';

export function Figure({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string | null;
  testId: string;
  strong?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text
        fz={strong ? 28 : 22}
        fw={700}
        lh={1.2}
        c={strong ? 'blue.8' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
        data-testid={testId}
      >
        {value ?? t('common.none')}
      </Text>
    </Stack>
  );
}

/** The result card: figures, a note when there is no answer, and the explanation lines. */
export function ResultCard({
  figures,
  state,
  lines,
  cols = 3,
}: {
  figures: ReactNode;
  state: 'ready' | 'incomplete' | 'invalid';
  lines: string[];
  cols?: number;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg="var(--mantine-color-gray-0)"
      component="section"
      aria-label={t('calculator.results.label')}
      aria-live="polite"
    >
      <SimpleGrid cols={{ base: Math.min(cols, 2), xs: cols }} spacing="md">
        {figures}
      </SimpleGrid>
      {state === 'ready' ? (
        <Stack gap={2} mt="md">
          {lines.map((line) => (
            <Text key={line} size="xs" c="dimmed">
              {line}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text
          size="sm"
          c={state === 'invalid' ? 'red.8' : 'dimmed'}
          mt="md"
          role={state === 'invalid' ? 'alert' : undefined}
        >
          {t(state === 'invalid' ? 'calculator.results.invalid' : 'calculator.results.incomplete')}
        </Text>
      )}
    </Paper>
  );
}

export interface ExplanationFacts {
  ruleSetId: string;
  effectiveFrom: string;
  currency: string;
  baseCurrency: string;
  currencyPer100: number;
  growthMarket: boolean;
  growthMultiplier: number;
}

/** The lines every answer shares: the rule set, the exchange and the growth multiplier. */
export function useExplanation() {
  const { t } = useTranslation();
  const f = useFormat();
  const hundred = (currency: string) => wholeMoney(f.locale, 100, currency);
  return {
    ruleSet: (e: ExplanationFacts) =>
      t('calculator.results.ruleSet', { id: e.ruleSetId, date: f.date(e.effectiveFrom) }),
    rate: (e: ExplanationFacts, rate: number, kind: 'sourced' | 'assisted' | 'managed') =>
      t('calculator.results.rates', {
        rate: f.number(rate, 4),
        base: hundred(e.baseCurrency),
        kind: t(`calculator.kinds.${kind}`),
      }),
    context: (e: ExplanationFacts) => [
      ...(e.currency !== e.baseCurrency
        ? [
            t('calculator.results.exchange', {
              base: hundred(e.baseCurrency),
              value: wholeMoney(f.locale, e.currencyPer100, e.currency),
            }),
          ]
        : []),
      ...(e.growthMarket
        ? [t('calculator.growth.hint', { multiplier: f.number(e.growthMultiplier, 4) })]
        : []),
    ],
  };
}
