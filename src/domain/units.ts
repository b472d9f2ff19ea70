// The two point formulas of PROGRAM_RULES §3.1 and §4, shared by the ledger and the
// calculator so the two can never disagree.
import { gcd, mulDivRound4, POINTS_SCALE, type Points, SCALE, type Scaled } from './money.ts';
import type { DealType, RuleSet } from './program.ts';

export class EngineError extends Error {
  override name = 'EngineError';
}

/** currencyPer100[C] of a rule set, or a clear error naming the currency and the rule set. */
export function currencyValue(ruleSet: RuleSet, currency: string): Scaled {
  const value = ruleSet.currencyPer100[currency];
  if (value === undefined) {
    throw new EngineError(
      `currency ${currency} is not in the currency table of rule set ${ruleSet.id} (effective ${ruleSet.effectiveFrom})`,
    );
  }
  return value;
}

/** The growth multiplier for a client country under a rule set (1 outside growth markets). */
export function growthFor(ruleSet: RuleSet, country: string): Scaled {
  return ruleSet.growthMarkets.has(country) ? ruleSet.growthMultiplier : SCALE;
}

const SCALE_SQUARED = SCALE * SCALE;

/**
 * round(amount / cp * rate/10^4 * growth/10^4 * 100 / managers) in hundredths of a point.
 * The scale factors are cancelled first (gcd), so typical amounts stay in safe integers
 * and skip the BigInt path; the result is the same exact rounding either way. Exported
 * for sweeps that look the rule set's values up once for many dates.
 */
export function pointsOf(amount: Scaled, rate: Scaled, growth: Scaled, cp: Scaled, managers: number): Points {
  const factor = rate * growth * POINTS_SCALE;
  if (factor === 0) return 0;
  const g = gcd(factor, SCALE_SQUARED);
  return mulDivRound4(amount, factor / g, 1, 1, cp, SCALE_SQUARED / g, managers, 1);
}

export interface SoldPointsInput {
  amount: Scaled;
  currency: string;
  country: string;
  /** Rule set whose currency table, growth markets and multiplier apply (the change date's). */
  ruleSet: RuleSet;
  /** The rate per 100 units (the rate lock may take it from another rule set). */
  rate: Scaled;
}

/** round(units(amount) * rate * growth), exactly. */
export function soldPointsFor(input: SoldPointsInput): Points {
  const cp = currencyValue(input.ruleSet, input.currency);
  const growth = growthFor(input.ruleSet, input.country);
  return pointsOf(input.amount, input.rate, growth, cp, 1);
}

export interface ManagedPointsInput {
  mrr: Scaled;
  currency: string;
  country: string;
  ruleSet: RuleSet;
  /** Number of partners sharing the credit (>= 1). */
  managers: number;
}

/** round(units(MRR) * rate_managed * growth / n), exactly. */
export function managedPointsFor(input: ManagedPointsInput): Points {
  const cp = currencyValue(input.ruleSet, input.currency);
  const growth = growthFor(input.ruleSet, input.country);
  return pointsOf(input.mrr, input.ruleSet.rates.managed, growth, cp, input.managers);
}

export function rateFor(ruleSet: RuleSet, dealType: DealType): Scaled {
  return ruleSet.rates[dealType];
}
