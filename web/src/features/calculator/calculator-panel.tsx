// What the calculator drawer holds (loaded when it opens): the program in force, read by the
// engine in the browser, and the Points and Currency tabs. The market starts as the
// partner's country and currency, the date as the server's today.
import { Stack, Tabs, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramInForce } from '../../lib/api-types.ts';
import { PanelBody } from '../../ui/panel.tsx';
import { useTier } from '../tier/queries.ts';
import { CurrencyTab } from './currency-tab.tsx';
import { currenciesOn, type Market, programOf } from './engine.ts';
import { PointsTab } from './points-tab.tsx';
import { useProgramInForce } from './queries.ts';

function Calculator({
  data,
  partner,
}: {
  data: ProgramInForce;
  partner?: { country: string; currency: string };
}) {
  const { t } = useTranslation();
  const program = useMemo(() => programOf(data.program), [data.program]);
  const initial = useMemo<Market>(() => {
    const currencies = currenciesOn(program, data.today);
    return {
      country: partner?.country ?? null,
      currency: partner && currencies.includes(partner.currency) ? partner.currency : currencies[0]!,
      on: data.today,
    };
  }, [program, data.today, partner]);
  return (
    <Tabs defaultValue="points">
      <Tabs.List aria-label={t('calculator.tabs.label')} mb="md" grow>
        <Tabs.Tab value="points" data-testid="calc-tab-points">
          {t('calculator.tabs.points')}
        </Tabs.Tab>
        <Tabs.Tab value="currency" data-testid="calc-tab-currency">
          {t('calculator.tabs.currency')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="points">
        <PointsTab program={program} initial={initial} />
      </Tabs.Panel>
      <Tabs.Panel value="currency">
        <CurrencyTab program={program} initial={initial} />
      </Tabs.Panel>
    </Tabs>
  );
}

export default function CalculatorPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const program = useProgramInForce();
  const tier = useTier(partnerId);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('calculator.intro')}
      </Text>
      <PanelBody query={program}>
        {(data) =>
          // The partner's market once the tier is known (or without it when it cannot load).
          tier.isPending ? null : <Calculator data={data} partner={tier.data?.partner} />
        }
      </PanelBody>
    </Stack>
  );
}
