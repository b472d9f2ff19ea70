// The points calculator (rules §8) over HTTP: the engine's calculator functions, the same
// ones `tierwise calc` and the web app call, with the same rounding. Inputs that the
// engine refuses (a currency outside the rule set's table) answer 400.
import {
  type CalculationExplanation,
  type CurrencyExplanation,
  calculateAmount,
  calculatePoints,
  calculatePointsFromAmount,
} from '../../domain/calculator.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { parseDecimal, pointsToNumber, SCALE_DIGITS, scaledToNumber } from '../../domain/money.ts';
import type { Program } from '../../domain/program.ts';
import { EngineError } from '../../domain/units.ts';
import { type FieldIssue, validationError } from '../../server/errors.ts';

type Decimal = number | string;

function decimalOf(value: Decimal, digits: number, path: string): number {
  const v = parseDecimal(typeof value === 'number' ? String(value) : value, digits);
  if (typeof v === 'number' && v >= 0 && !/e/i.test(String(value))) return v;
  const message = typeof v === 'number' ? 'must be a plain decimal number' : v.error;
  throw validationError([{ in: 'body', path, message }]);
}

function engine<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError)
      throw validationError([{ in: 'body', path: '', message: error.message }]);
    throw error;
  }
}

function explanationJson(e: CalculationExplanation) {
  return {
    ruleSetId: e.ruleSetId,
    effectiveFrom: e.effectiveFrom,
    currency: e.currency,
    country: e.country,
    baseCurrency: e.baseCurrency,
    currencyPer100: scaledToNumber(e.currencyPer100),
    growthMarket: e.growthMarket,
    growthMultiplier: scaledToNumber(e.growthMultiplier),
  };
}

function currencyExplanationJson(e: CurrencyExplanation) {
  return {
    ...explanationJson(e),
    kind: e.kind,
    ...(e.dealType ? { dealType: e.dealType } : {}),
    rate: scaledToNumber(e.rate),
    minorUnits: e.minorUnits,
  };
}

export interface PointsInput {
  amount: Decimal;
  currency: string;
  country: string;
  dealType: 'sourced' | 'assisted';
  managed: boolean;
  otherManagers?: number | undefined;
  on?: IsoDate | undefined;
}

export function calculatorPoints(program: Program, today: IsoDate, input: PointsInput) {
  if (input.otherManagers !== undefined && !input.managed)
    throw validationError([
      { in: 'body', path: 'otherManagers', message: 'only applies when managed is true' },
    ]);
  const on = input.on ?? today;
  const r = engine(() =>
    calculatePoints({
      program,
      on,
      amount: decimalOf(input.amount, SCALE_DIGITS, 'amount'),
      currency: input.currency,
      country: input.country,
      dealType: input.dealType,
      managed: input.managed,
      otherManagers: input.otherManagers ?? 0,
    }),
  );
  const e = r.explanation;
  return {
    on,
    sold: pointsToNumber(r.sold),
    managed: pointsToNumber(r.managed),
    total: pointsToNumber(r.total),
    explanation: {
      ...explanationJson(e),
      dealType: e.dealType,
      soldRate: scaledToNumber(e.soldRate),
      managedRate: scaledToNumber(e.managedRate),
      managers: e.managers,
    },
  };
}

export interface AmountInput {
  soldPoints?: Decimal | undefined;
  managedPoints?: Decimal | undefined;
  dealType?: 'sourced' | 'assisted' | undefined;
  currency: string;
  country: string;
  on?: IsoDate | undefined;
}

/** Points to an amount of a currency (sold points need the deal type). */
export function calculatorAmount(program: Program, today: IsoDate, input: AmountInput) {
  const issues: FieldIssue[] = [];
  if ((input.soldPoints === undefined) === (input.managedPoints === undefined))
    issues.push({
      in: 'body',
      path: 'soldPoints',
      message: 'give exactly one of soldPoints and managedPoints',
    });
  if (input.soldPoints !== undefined && input.dealType === undefined)
    issues.push({
      in: 'body',
      path: 'dealType',
      message: 'is required with soldPoints (sourced or assisted)',
    });
  if (input.managedPoints !== undefined && input.dealType !== undefined)
    issues.push({ in: 'body', path: 'dealType', message: 'only applies with soldPoints' });
  if (issues.length) throw validationError(issues);
  const on = input.on ?? today;
  const common = { program, on, currency: input.currency, country: input.country };
  const r = engine(() =>
    input.soldPoints !== undefined
      ? calculateAmount({
          ...common,
          points: decimalOf(input.soldPoints, 2, 'soldPoints'),
          kind: 'sold',
          dealType: input.dealType!,
        })
      : calculateAmount({
          ...common,
          points: decimalOf(input.managedPoints!, 2, 'managedPoints'),
          kind: 'managed',
        }),
  );
  return {
    amount: scaledToNumber(r.amount),
    currency: r.currency,
    on,
    explanation: currencyExplanationJson(r.explanation),
  };
}

export interface ValueInput {
  kind: 'sold' | 'managed';
  amount: Decimal;
  dealType?: 'sourced' | 'assisted' | undefined;
  currency: string;
  country: string;
  on?: IsoDate | undefined;
}

/** An amount of a currency to sold or managed points (the Currency tab's other direction). */
export function calculatorValuePoints(program: Program, today: IsoDate, input: ValueInput) {
  if (input.kind === 'sold' && input.dealType === undefined)
    throw validationError([
      { in: 'body', path: 'dealType', message: 'is required for sold (sourced or assisted)' },
    ]);
  if (input.kind === 'managed' && input.dealType !== undefined)
    throw validationError([{ in: 'body', path: 'dealType', message: 'only applies to sold' }]);
  const on = input.on ?? today;
  const common = {
    program,
    on,
    amount: decimalOf(input.amount, SCALE_DIGITS, 'amount'),
    currency: input.currency,
    country: input.country,
  };
  const r = engine(() =>
    input.kind === 'sold'
      ? calculatePointsFromAmount({ ...common, kind: 'sold', dealType: input.dealType! })
      : calculatePointsFromAmount({ ...common, kind: 'managed' }),
  );
  return { on, points: pointsToNumber(r.points), explanation: currencyExplanationJson(r.explanation) };
}
