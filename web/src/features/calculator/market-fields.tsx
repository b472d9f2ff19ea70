// The fields both tabs share: the client's market (countries by name, growth markets marked),
// the client currency (the program's currencies on the date), the date and the deal type.
import { Badge, Group, Radio, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { currenciesOn, type DealType, growthOn, type Market, type Program } from './engine.ts';
import { countryOptions, currencyOptions } from './options.ts';

export function MarketFields({
  program,
  value,
  onChange,
}: {
  program: Program;
  value: Market;
  onChange: (market: Market) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const growth = growthOn(program, value.on);
  const countries = useMemo(() => countryOptions(f.locale), [f.locale]);
  const currencies = currencyOptions(f.locale, currenciesOn(program, value.on));
  const inGrowthMarket = value.country !== null && growth.markets.has(value.country);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
      <Select
        label={t('calculator.fields.market')}
        placeholder={t('calculator.fields.marketPlaceholder')}
        nothingFoundMessage={t('calculator.fields.noMarket')}
        data={countries}
        value={value.country}
        onChange={(country) => onChange({ ...value, country })}
        searchable
        allowDeselect={false}
        maxDropdownHeight={280}
        data-testid="calc-market"
        description={
          inGrowthMarket
            ? t('calculator.growth.hint', { multiplier: f.number(growth.multiplier, 4) })
            : undefined
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        renderOption={({ option }) => (
          <Group justify="space-between" wrap="nowrap" gap="xs" w="100%">
            <Text size="sm">{option.label}</Text>
            {growth.markets.has(option.value) ? (
              <Badge size="xs" variant="light" bg="teal.0" c="teal.9">
                {t('calculator.growth.badge')}
              </Badge>
            ) : null}
          </Group>
        )}
      />
      <Select
        label={t('calculator.fields.currency')}
        data={currencies}
        value={value.currency}
        onChange={(currency) => onChange({ ...value, currency })}
        allowDeselect={false}
        data-testid="calc-currency"
      />
    </SimpleGrid>
  );
}

/** The date: the rules in force on it apply (a currency it does not list falls back to the base currency). */
export function DateField({
  program,
  value,
  onChange,
}: {
  program: Program;
  value: Market;
  onChange: (market: Market) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="date"
      label={t('calculator.fields.date')}
      description={t('calculator.fields.dateHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={value.on}
      onChange={(event) => {
        const on = event.currentTarget.value;
        const available = currenciesOn(program, on);
        const currency =
          value.currency && available.includes(value.currency) ? value.currency : available[0]!;
        onChange({ ...value, on, currency });
      }}
      data-testid="calc-date"
    />
  );
}

export function DealTypeField({
  value,
  onChange,
}: {
  value: DealType;
  onChange: (dealType: DealType) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('calculator.fields.dealType')}
      value={value}
      onChange={(next) => onChange(next === 'assisted' ? 'assisted' : 'sourced')}
    >
      <Group gap="lg" mt={6}>
        <Radio value="sourced" label={t('calculator.fields.sourced')} />
        <Radio value="assisted" label={t('calculator.fields.assisted')} />
      </Group>
    </Radio.Group>
  );
}
