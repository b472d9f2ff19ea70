// The Currency tab: points to an amount of the client currency, or an amount to points, for
// sold points (with the deal type) or managed points, in a market on a date.
import { NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import {
  type CurrencyForm,
  computeCurrency,
  type Direction,
  type Market,
  type PointsKind,
  type Program,
} from './engine.ts';
import { DateField, DealTypeField, MarketFields } from './market-fields.tsx';
import { exactMoney, separators } from './options.ts';
import { Figure, ResultCard, useExplanation } from './results.tsx';

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl
        fullWidth
        aria-labelledby={id}
        value={value}
        data={options}
        onChange={(next) => onChange(next as T)}
        data-testid={testId}
      />
    </Stack>
  );
}

const FIELD = {
  toAmount: { sold: 'soldPoints', managed: 'managedPoints' },
  toPoints: { sold: 'soldValue', managed: 'managedValue' },
} as const;

export function CurrencyTab({ program, initial }: { program: Program; initial: Market }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sep = separators(f.locale);
  const explain = useExplanation();
  const [form, setForm] = useState<CurrencyForm>({
    ...initial,
    direction: 'toAmount',
    kind: 'sold',
    value: '',
    dealType: 'sourced',
  });
  const set = (patch: Partial<CurrencyForm>) => setForm((current) => ({ ...current, ...patch }));
  const outcome = useMemo(() => computeCurrency(program, form), [program, form]);
  const field = FIELD[form.direction][form.kind];
  const e = outcome.state === 'ready' ? outcome.answer.explanation : null;
  const lines = e
    ? [explain.ruleSet(e), explain.rate(e, e.rate, e.dealType ?? 'managed'), ...explain.context(e)]
    : [];
  let figure = null;
  if (form.direction === 'toAmount') {
    const amount =
      outcome.state === 'ready' && outcome.direction === 'toAmount'
        ? exactMoney(
            f.locale,
            outcome.answer.amount,
            outcome.answer.currency,
            outcome.answer.explanation.minorUnits,
          )
        : null;
    figure = <Figure label={t('calculator.results.amount')} value={amount} testId="calc-amount" strong />;
  } else {
    const points =
      outcome.state === 'ready' && outcome.direction === 'toPoints' ? f.points(outcome.answer.points) : null;
    figure = <Figure label={t('calculator.results.points')} value={points} testId="calc-points" strong />;
  }
  return (
    <Stack gap="md">
      <Choice<Direction>
        label={t('calculator.fields.direction')}
        value={form.direction}
        onChange={(direction) => set({ direction, value: '' })}
        options={[
          { value: 'toAmount', label: t('calculator.fields.toAmount') },
          { value: 'toPoints', label: t('calculator.fields.toPoints') },
        ]}
        testId="calc-direction"
      />
      <Choice<PointsKind>
        label={t('calculator.fields.kind')}
        value={form.kind}
        onChange={(kind) => set({ kind })}
        options={[
          { value: 'sold', label: t(`calculator.fields.${FIELD[form.direction].sold}`) },
          { value: 'managed', label: t(`calculator.fields.${FIELD[form.direction].managed}`) },
        ]}
        testId="calc-kind"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <NumberInput
          key={form.direction}
          label={t(`calculator.fields.${field}`)}
          description={
            form.direction === 'toPoints' ? t(`calculator.fields.${field}Hint` as const) : undefined
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={form.value}
          onChange={(value) => set({ value })}
          min={0}
          allowNegative={false}
          decimalScale={form.direction === 'toAmount' ? 2 : 4}
          decimalSeparator={sep.decimal}
          thousandSeparator={sep.thousands}
          hideControls
          rightSection={
            form.direction === 'toPoints' ? (
              <Text size="sm" c="dimmed" pr="xs">
                {form.currency ?? ''}
              </Text>
            ) : undefined
          }
          rightSectionWidth={56}
          styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
          data-testid="calc-value-input"
        />
        {form.kind === 'sold' ? (
          <DealTypeField value={form.dealType} onChange={(dealType) => set({ dealType })} />
        ) : null}
      </SimpleGrid>
      <MarketFields program={program} value={form} onChange={(market) => set(market)} />
      <DateField program={program} value={form} onChange={(market) => set(market)} />
      <ResultCard state={outcome.state} lines={lines} cols={1} figures={figure} />
    </Stack>
  );
}
