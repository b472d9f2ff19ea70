// From the engine's exact integers (and the database's numeric strings) to the API's JSON
// numbers: points with at most 2 decimals, money at its currency's ISO 4217 minor unit and
// always with its currency code.

import {
  minorUnits,
  type Points,
  parseDecimal,
  pointsToNumber,
  roundScaled,
  type Scaled,
  scaledToNumber,
} from '../../domain/money.ts';
import type { EntryExplanation } from '../../domain/sold.ts';
import { toScaled } from '../points/repository.ts';

export interface Money {
  amount: number;
  currency: string;
}

export const pts = (p: Points): number => pointsToNumber(p);

/** A Scaled amount, rounded half away from zero to the currency's minor unit. */
export function money(amount: Scaled, currency: string): Money {
  return { amount: scaledToNumber(roundScaled(amount, minorUnits(currency))), currency };
}

/** A numeric(…, 2) column (points) as an integer count of hundredths. */
export function pointsOf(text: string | number | null | undefined): Points {
  if (text === null || text === undefined) return 0;
  const v = parseDecimal(String(text), 2);
  if (typeof v !== 'number') throw new Error(`stored points ${text}: ${v.error}`);
  return v;
}

/** A numeric(…, 4) column (money) as a Scaled integer. */
export function scaledOf(text: string | number | null | undefined): Scaled {
  if (text === null || text === undefined) return 0;
  return toScaled(String(text));
}

/** A JSON number of points (at most 2 decimals, as stored in jsonb) as hundredths. */
export function pointsFromJson(value: unknown): Points {
  return typeof value === 'number' ? pointsOf(value.toFixed(2)) : 0;
}

/** The rule behind a sold entry's points (its explanation), as the API shows it. */
export function entryRule(x: EntryExplanation, baseCurrency: string) {
  return {
    rateRuleSetId: x.rateRuleSetId,
    rate: scaledToNumber(x.rate),
    currencyRuleSetId: x.currencyRuleSetId,
    currency: x.currency,
    currencyPer100: scaledToNumber(x.currencyPer100),
    baseCurrency,
    country: x.country,
    growthMarket: x.growthMarket,
    multiplier: scaledToNumber(x.multiplier),
  };
}
