// The calculator of PROGRAM_RULES §8: pure functions of the program and a date (the
// caller supplies the date; no clock here). It uses the same point formulas as the
// ledger (units.ts), so the calculator and the dashboard can never disagree.
//
// Unlike the ledger there is no rate lock (§3.3): the calculator prices a new sale on
// the given date, so the rate is the one in force on that date.
import type { IsoDate } from './dates.ts';
import {
  formatDecimal,
  minorUnits,
  mulDivRound,
  POINTS_SCALE,
  type Points,
  SCALE,
  SCALE_DIGITS,
  type Scaled,
} from './money.ts';
import { type DealType, type Program, type RuleSet, ruleSetOn } from './program.ts';
import { currencyValue, EngineError, growthFor, managedPointsFor, rateFor, soldPointsFor } from './units.ts';

/** Why a calculation came out as it did: every program value it used. */
export interface CalculationExplanation {
  ruleSetId: string;
  /** effectiveFrom of that rule set. */
  effectiveFrom: IsoDate;
  /** The date the calculation was made for. */
  on: IsoDate;
  currency: string;
  country: string;
  /** The program's base currency (the one currencyPer100 values are "per 100" of). */
  baseCurrency: string;
  /** currencyPer100[currency] of the rule set: the amount of the currency worth 100 of the base currency. */
  currencyPer100: Scaled;
  growthMarket: boolean;
  /** The multiplier applied: the rule set's growthMultiplier in a growth market, else 1. */
  growthMultiplier: Scaled;
}

export interface PointsExplanation extends CalculationExplanation {
  dealType: DealType;
  /** Points per 100 of the base currency, for the deal type. */
  soldRate: Scaled;
  /** Points per 100 of the base currency, for managing the client. */
  managedRate: Scaled;
  /** Partners sharing the managed points (others + 1), or 0 when not managed. */
  managers: number;
}

export interface CalculatePointsInput {
  program: Program;
  on: IsoDate;
  /** The sold amount (MRR), in `currency`. */
  amount: Scaled;
  currency: string;
  /** ISO 3166-1 alpha-2 country of the client. */
  country: string;
  dealType: DealType;
  /** Does the partner also manage the client? */
  managed: boolean;
  /** Number of *other* partners managing the client (ignored when not managed). */
  otherManagers: number;
}

export interface CalculatePointsResult {
  sold: Points;
  managed: Points;
  total: Points;
  explanation: PointsExplanation;
}

function baseExplanation(
  program: Program,
  ruleSet: RuleSet,
  on: IsoDate,
  currency: string,
  country: string,
): CalculationExplanation {
  const currencyPer100 = currencyValue(ruleSet, currency);
  return {
    ruleSetId: ruleSet.id,
    effectiveFrom: ruleSet.effectiveFrom,
    on,
    currency,
    country,
    baseCurrency: program.baseCurrency,
    currencyPer100,
    growthMarket: ruleSet.growthMarkets.has(country),
    growthMultiplier: growthFor(ruleSet, country),
  };
}

function assertAmount(amount: Scaled): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new EngineError(`the amount must be a non-negative number (got ${amount} ten-thousandths)`);
  }
}

/** Points mode: sold points (§3.1, rate in force on `on`), managed points (§4, n = others + 1), total. */
export function calculatePoints(input: CalculatePointsInput): CalculatePointsResult {
  const { program, on, amount, currency, country, dealType, managed, otherManagers } = input;
  assertAmount(amount);
  if (managed && (!Number.isSafeInteger(otherManagers) || otherManagers < 0)) {
    throw new EngineError(
      `the number of other managing partners must be a non-negative integer (got ${otherManagers})`,
    );
  }
  const ruleSet = ruleSetOn(program, on);
  const soldRate = rateFor(ruleSet, dealType);
  const explanation: PointsExplanation = {
    ...baseExplanation(program, ruleSet, on, currency, country),
    dealType,
    soldRate,
    managedRate: ruleSet.rates.managed,
    managers: managed ? otherManagers + 1 : 0,
  };
  const sold = soldPointsFor({ amount, currency, country, ruleSet, rate: soldRate });
  const managedPoints = managed
    ? managedPointsFor({ mrr: amount, currency, country, ruleSet, managers: otherManagers + 1 })
    : 0;
  return { sold, managed: managedPoints, total: sold + managedPoints, explanation };
}

/** Which points the currency mode converts: sold points need the deal type, managed points do not. */
export type PointsKind = { kind: 'sold'; dealType: DealType } | { kind: 'managed'; dealType?: undefined };

export type CurrencyExplanation = CalculationExplanation & {
  kind: 'sold' | 'managed';
  dealType?: DealType;
  /** Points per 100 of the base currency for that kind (the deal type's rate, or the managed rate). */
  rate: Scaled;
  /** ISO 4217 minor unit the amount is rounded to (JPY 0, EUR 2, ...). */
  minorUnits: number;
};

export type CalculateAmountInput = {
  program: Program;
  on: IsoDate;
  points: Points;
  currency: string;
  country: string;
} & PointsKind;

export interface CalculateAmountResult {
  /** Rounded half away from zero to the currency's minor unit (still a Scaled integer). */
  amount: Scaled;
  currency: string;
  explanation: CurrencyExplanation;
}

export type CalculatePointsFromAmountInput = {
  program: Program;
  on: IsoDate;
  amount: Scaled;
  currency: string;
  country: string;
} & PointsKind;

export interface CalculatePointsFromAmountResult {
  points: Points;
  explanation: CurrencyExplanation;
}

function currencyExplanation(
  input: { program: Program; on: IsoDate; currency: string; country: string } & PointsKind,
): CurrencyExplanation {
  const ruleSet = ruleSetOn(input.program, input.on);
  let rate: Scaled;
  if (input.kind === 'sold') {
    // Guard for untyped callers (forms, JSON): the rate depends on the deal type.
    if (input.dealType === undefined)
      throw new EngineError('sold points need a deal type (sourced or assisted)');
    rate = rateFor(ruleSet, input.dealType);
  } else {
    rate = ruleSet.rates.managed;
  }
  const base = baseExplanation(input.program, ruleSet, input.on, input.currency, input.country);
  return {
    ...base,
    kind: input.kind,
    ...(input.kind === 'sold' ? { dealType: input.dealType } : {}),
    rate,
    minorUnits: minorUnits(input.currency),
  };
}

/**
 * Currency mode, points → amount: points / (rate * growth) * currencyPer100[C], rounded
 * once, half away from zero, to the currency's minor unit.
 *
 * With P points in hundredths, and R, G, V (rate, growth, currencyPer100) in
 * ten-thousandths, the amount in minor units (10^-m) is
 *   (P / 100) / ((R / 10^4) * (G / 10^4)) * (V / 10^4) * 10^m  =  P * V * 10^4 * 10^m / (100 * R * G),
 * one exact integer division; the result is then rescaled to ten-thousandths.
 */
export function calculateAmount(input: CalculateAmountInput): CalculateAmountResult {
  const { points } = input;
  if (!Number.isSafeInteger(points) || points < 0) {
    throw new EngineError(`the points must be a non-negative number (got ${points} hundredths)`);
  }
  const explanation = currencyExplanation(input);
  const { rate, growthMultiplier, currencyPer100 } = explanation;
  if (rate === 0) {
    const what = input.kind === 'sold' ? `the ${input.dealType} rate` : 'the managed rate';
    throw new EngineError(`${what} of rule set ${explanation.ruleSetId} is 0: no amount earns points`);
  }
  const m = explanation.minorUnits;
  if (m > SCALE_DIGITS)
    throw new EngineError(`currency ${input.currency} has more minor digits than supported`);
  let amount = Number.NaN;
  try {
    const minor = mulDivRound(
      [points, currencyPer100, SCALE, 10 ** m],
      [POINTS_SCALE, rate, growthMultiplier],
    );
    amount = minor * 10 ** (SCALE_DIGITS - m);
  } catch {
    // mulDivRound refuses a result beyond the safe-integer range: reported below.
  }
  if (!Number.isSafeInteger(amount)) {
    throw new EngineError(
      `the amount for ${formatDecimal(points, 2)} points in ${input.currency} is too large to compute`,
    );
  }
  return { amount, currency: input.currency, explanation };
}

/**
 * Currency mode, amount → points: a sold value to sold points (§3.1 with the deal
 * type's rate in force on `on`), or a managed value to managed points (§4 with n = 1).
 */
export function calculatePointsFromAmount(
  input: CalculatePointsFromAmountInput,
): CalculatePointsFromAmountResult {
  const { amount, currency, country } = input;
  assertAmount(amount);
  const explanation = currencyExplanation(input);
  const ruleSet = ruleSetOn(input.program, input.on);
  const points =
    input.kind === 'sold'
      ? soldPointsFor({ amount, currency, country, ruleSet, rate: explanation.rate })
      : managedPointsFor({ mrr: amount, currency, country, ruleSet, managers: 1 });
  return { points, explanation };
}
