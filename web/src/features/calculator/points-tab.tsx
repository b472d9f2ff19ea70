// The Points tab: a sold amount in a market and currency, on a date, for a deal type, and
// whether the partner also manages the client → estimated total, sold and managed points.
import { Divider, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { computePoints, type Market, type PointsForm, type Program } from './engine.ts';
import { DateField, DealTypeField, MarketFields } from './market-fields.tsx';
import { separators } from './options.ts';
import { Figure, ResultCard, useExplanation } from './results.tsx';

export function PointsTab({ program, initial }: { program: Program; initial: Market }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sep = separators(f.locale);
  const explain = useExplanation();
  const [form, setForm] = useState<PointsForm>({
    ...initial,
    amount: '',
    dealType: 'sourced',
    managed: false,
    otherManagers: 0,
  });
  const set = (patch: Partial<PointsForm>) => setForm((current) => ({ ...current, ...patch }));
  const outcome = useMemo(() => computePoints(program, form), [program, form]);
  const answer = outcome.state === 'ready' ? outcome.answer : null;
  const e = answer?.explanation;
  const lines = e
    ? [
        explain.ruleSet(e),
        explain.rate(e, e.soldRate, e.dealType),
        ...(e.managers > 0 ? [explain.rate(e, e.managedRate, 'managed')] : []),
        ...(e.managers > 1 ? [t('calculator.results.split', { count: e.managers })] : []),
        ...explain.context(e),
      ]
    : [];
  return (
    <Stack gap="md">
      <NumberInput
        label={t('calculator.fields.amount')}
        description={t('calculator.fields.amountHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={form.amount}
        onChange={(amount) => set({ amount })}
        min={0}
        allowNegative={false}
        decimalScale={4}
        decimalSeparator={sep.decimal}
        thousandSeparator={sep.thousands}
        hideControls
        rightSection={
          <Text size="sm" c="dimmed" pr="xs">
            {form.currency ?? ''}
          </Text>
        }
        rightSectionWidth={56}
        styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
        data-testid="calc-amount-input"
      />
      <MarketFields program={program} value={form} onChange={(market) => set(market)} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <DateField program={program} value={form} onChange={(market) => set(market)} />
        <DealTypeField value={form.dealType} onChange={(dealType) => set({ dealType })} />
      </SimpleGrid>
      <Switch
        label={t('calculator.fields.managed')}
        checked={form.managed}
        onChange={(event) => set({ managed: event.currentTarget.checked })}
        data-testid="calc-manages"
      />
      {form.managed ? (
        <NumberInput
          label={t('calculator.fields.otherManagers')}
          description={t('calculator.fields.otherManagersHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={form.otherManagers}
          onChange={(otherManagers) => set({ otherManagers })}
          min={0}
          max={1000}
          allowNegative={false}
          allowDecimal={false}
          maw={360}
          data-testid="calc-other-managers"
        />
      ) : null}
      <Divider />
      <ResultCard
        state={outcome.state}
        lines={lines}
        figures={
          <>
            <Figure
              label={t('calculator.results.total')}
              value={answer ? f.points(answer.total) : null}
              testId="calc-total"
              strong
            />
            <Figure
              label={t('calculator.results.sold')}
              value={answer ? f.points(answer.sold) : null}
              testId="calc-sold"
            />
            <Figure
              label={t('calculator.results.managed')}
              value={answer ? f.points(answer.managed) : null}
              testId="calc-managed"
            />
          </>
        }
      />
      <Text size="xs" c="dimmed">
        {t('calculator.results.disclaimer')}
      </Text>
    </Stack>
  );
}
