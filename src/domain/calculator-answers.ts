// The calculator's questions and answers as the API and the web app exchange them (rules §8):
// decimal inputs (JSON numbers or decimal strings) in, plain numbers out. The server's
// routes (features/calculator/service.ts) and the web app's calculator both call these,
// so the browser shows what the API answers, to the cent. Pure: the caller gives the day.
import {
  type CalculationExplanation,
  type CurrencyExplanation,
  calculateAmount,
  calculatePoints,
  calculatePointsFromAmount,
} from './calculator.ts';
import type { IsoDate } from './dates.ts';
import { parseDecimal, pointsToNumber, SCALE_DIGITS, scaledToNumber } from './money.ts';
import type { DealType, Program } from './program.ts';
import { EngineError } from './units.ts';

export type Decimal = number | string;

/** One thing wrong with the question: the input's field (empty for the whole question) and why. */
export interface CalculatorIssue {
  path: string;
  message: string;
}

/** The question cannot be answered: every issue found (the API answers them as a 400). */
export class CalculatorInputError extends Error {
  override name = 'CalculatorInputError';
  constructor(readonly issues: CalculatorIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
  }
}

function decimalOf(value: Decimal, digits: number, path: string): number {
  const v = parseDecimal(typeof value === 'number' ? String(value) : value, digits);
  if (typeof v === 'number' && v >= 0 && !/e/i.test(String(value))) return v;
  const message = typeof v === 'number' ? 'must be a plain decimal number' : v.error;
  throw new CalculatorInputError([{ path, message }]);
}

function engine<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError) throw new CalculatorInputError([{ path: '', message: error.message }]);
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

export interface PointsQuestion {
  amount: Decimal;
  currency: string;
  country: string;
  dealType: DealType;
  managed: boolean;
  otherManagers?: number | undefined;
  on?: IsoDate | undefined;
}

/** Points mode: sold, managed and total points for a sold amount. */
export function pointsAnswer(program: Program, today: IsoDate, input: PointsQuestion) {
  if (input.otherManagers !== undefined && !input.managed)
    throw new CalculatorInputError([{ path: 'otherManagers', message: 'only applies when managed is true' }]);
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

export interface AmountQuestion {
  soldPoints?: Decimal | undefined;
  managedPoints?: Decimal | undefined;
  dealType?: DealType | undefined;
  currency: string;
  country: string;
  on?: IsoDate | undefined;
}

/** Currency mode, points → amount (sold points need the deal type). */
export function amountAnswer(program: Program, today: IsoDate, input: AmountQuestion) {
  const issues: CalculatorIssue[] = [];
  if ((input.soldPoints === undefined) === (input.managedPoints === undefined))
    issues.push({ path: 'soldPoints', message: 'give exactly one of soldPoints and managedPoints' });
  if (input.soldPoints !== undefined && input.dealType === undefined)
    issues.push({ path: 'dealType', message: 'is required with soldPoints (sourced or assisted)' });
  if (input.managedPoints !== undefined && input.dealType !== undefined)
    issues.push({ path: 'dealType', message: 'only applies with soldPoints' });
  if (issues.length) throw new CalculatorInputError(issues);
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

export interface ValueQuestion {
  kind: 'sold' | 'managed';
  amount: Decimal;
  dealType?: DealType | undefined;
  currency: string;
  country: string;
  on?: IsoDate | undefined;
}

/** Currency mode, amount → points: a sold value to sold points, a managed value to managed points. */
export function valuePointsAnswer(program: Program, today: IsoDate, input: ValueQuestion) {
  if (input.kind === 'sold' && input.dealType === undefined)
    throw new CalculatorInputError([
      { path: 'dealType', message: 'is required for sold (sourced or assisted)' },
    ]);
  if (input.kind === 'managed' && input.dealType !== undefined)
    throw new CalculatorInputError([{ path: 'dealType', message: 'only applies to sold' }]);
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

export type PointsAnswer = ReturnType<typeof pointsAnswer>;
export type AmountAnswer = ReturnType<typeof amountAnswer>;
export type ValuePointsAnswer = ReturnType<typeof valuePointsAnswer>;
