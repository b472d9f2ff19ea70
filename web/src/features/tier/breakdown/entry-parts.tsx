// Pieces of a sold entry in the client history: its status badge and the short lines that
// explain its points ("5 points per 100 USD × 2 growth multiplier, rule set 2025-07"),
// built from message templates.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../lib/api-types.ts';
import { type Formatters, useFormat } from '../../../lib/format.ts';
import { factor } from '../../../ui/rule-cell.tsx';
import { MUTED, type Tone, ToneBadge } from '../../../ui/tone.tsx';

export type ShownStatus = 'active' | 'expired' | 'declined' | 'decreased' | 'future';

const STATUS_TONE: Record<ShownStatus, Tone> = {
  active: 'teal',
  expired: 'yellow',
  declined: 'red',
  decreased: 'orange',
  future: 'blue',
};

/** An entry used up by decreases shows as declined (churn) or decreased (downgrades). */
export function shownStatus(entry: HistoryEntry): ShownStatus {
  if (entry.status !== 'consumed') return entry.status;
  return entry.decreases.some((d) => d.kind === 'declined') ? 'declined' : 'decreased';
}

export function EntryStatus({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const status = shownStatus(entry);
  return (
    <ToneBadge tone={STATUS_TONE[status]} size="sm">
      {t(`breakdown.history.status.${status}`)}
    </ToneBadge>
  );
}

export function explanationLines(
  t: (key: string, options?: Record<string, unknown>) => string,
  f: Formatters,
  entry: HistoryEntry,
): string[] {
  const { rule } = entry;
  const rate = { rate: factor(f, rule.rate), base: rule.baseCurrency, ruleSet: rule.rateRuleSetId };
  const lines = [
    rule.multiplier !== 1
      ? t('breakdown.history.explain.growth', { ...rate, multiplier: factor(f, rule.multiplier) })
      : t('breakdown.history.explain.plain', rate),
  ];
  if (rule.currency !== rule.baseCurrency) {
    lines.push(
      t('breakdown.history.explain.currency', {
        ruleSet: rule.currencyRuleSetId,
        amount: f.money({ amount: rule.currencyPer100, currency: rule.currency }),
        base: rule.baseCurrency,
      }),
    );
  }
  if (entry.originDate !== entry.earnedOn) {
    lines.push(t('breakdown.history.explain.rateLock', { date: f.date(entry.originDate) }));
  }
  return lines;
}

export function Explanation({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Text size="xs" c={MUTED} data-testid="entry-explanation">
      {explanationLines(t, f, entry).join(' · ')}
    </Text>
  );
}
