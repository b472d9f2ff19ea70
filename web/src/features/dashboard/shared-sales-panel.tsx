// Shared sales for a date range: deals created, sourced in-flight deals, closed-won deals and
// deal registrations submitted, each with its MRR in the base currency, each opening the
// deals behind it; below
// them the partner's deal registrations by status, with My registrations and Register a deal.
import { Divider, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesCategory } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { type DateRange, DateRangePicker, presetRange } from '../../ui/date-range.tsx';
import { Panel } from '../../ui/panel.tsx';
import { RegistrationCounts } from '../deal-registrations/registration-counts.tsx';
import { useSharedSales } from './activity-queries.ts';
import { Figure } from './figure.tsx';
import { SalesReport } from './sales-report.tsx';

const SALES_FIGURES: readonly SalesCategory[] = ['created', 'inFlight', 'closedWon', 'registered'];

export function SharedSalesPanel({ partnerId, today }: { partnerId: string; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [range, setRange] = useState<DateRange>(() => presetRange('last30', today));
  const query = useSharedSales(partnerId, range);
  const [report, setReport] = useState<SalesCategory | null>(null);
  const [opened, setOpened] = useState(false);
  const rangeText = t('activity.range', { from: f.date(range.from), to: f.date(range.to) });
  return (
    <Panel
      id="shared-sales"
      title={t('activity.sales.title')}
      actions={<DateRangePicker value={range} today={today} onChange={setRange} />}
      query={query}
    >
      {(data) => (
        <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <SimpleGrid
            cols={{ base: 1, xs: 2, md: 4 }}
            spacing="sm"
            data-testid="shared-sales"
            role="group"
            aria-label={t('activity.sales.figures', { range: rangeText })}
          >
            {SALES_FIGURES.map((category) => (
              <Figure
                key={category}
                label={t(`activity.sales.${category}`)}
                value={f.number(data[category].deals)}
                hint={t('activity.sales.mrr', { amount: f.money(data[category].mrr) })}
                category={category}
                onOpen={() => {
                  setReport(category);
                  setOpened(true);
                }}
              />
            ))}
          </SimpleGrid>
          <Divider />
          <RegistrationCounts partnerId={partnerId} />
          {report ? (
            <SalesReport
              partnerId={partnerId}
              range={range}
              figures={data}
              category={report}
              opened={opened}
              onClose={() => setOpened(false)}
            />
          ) : null}
        </Stack>
      )}
    </Panel>
  );
}
