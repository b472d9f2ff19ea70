// The calculator's arithmetic in the browser: the program file from GET /api/v1/program read
// by the engine's own loadProgram, and the form's values answered by the very functions the
// API's calculator routes call (src/domain/calculator-answers.ts). No rounding of its own.
import {
  type AmountAnswer,
  amountAnswer,
  CalculatorInputError,
  type PointsAnswer,
  pointsAnswer,
  type ValuePointsAnswer,
  valuePointsAnswer,
} from '../../../../src/domain/calculator-answers.ts';
import { isIsoDate } from '../../../../src/domain/dates.ts';
import { scaledToNumber } from '../../../../src/domain/money.ts';
import { type DealType, loadProgram, type Program, ruleSetOn } from '../../../../src/domain/program.ts';

export type { AmountAnswer, DealType, PointsAnswer, Program, ValuePointsAnswer };

const loaded = new WeakMap<object, Program>();

/** The engine's program for a program file (parsed once per answer of GET /program). */
export function programOf(document: object): Program {
  let program = loaded.get(document);
  if (!program) {
    program = loadProgram(document);
    loaded.set(document, program);
  }
  return program;
}

/** What a form can show: an answer, nothing yet (a field is empty), or values the engine refuses. */
export type Outcome<T> = { state: 'ready'; answer: T } | { state: 'incomplete' } | { state: 'invalid' };

/** A number field's value as the form holds it (Mantine's NumberInput: a number, or text while typing). */
export type FieldValue = number | string;

function decimal(value: FieldValue): string | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  return text === '' ? null : text;
}

function run<T>(compute: () => T): Outcome<T> {
  try {
    return { state: 'ready', answer: compute() };
  } catch (error) {
    if (error instanceof CalculatorInputError) return { state: 'invalid' };
    throw error;
  }
}

export interface Market {
  /** ISO 3166-1 alpha-2 country of the client. */
  country: string | null;
  /** ISO 4217 currency of the client. */
  currency: string | null;
  /** YYYY-MM-DD: the rules in force on this day apply. */
  on: string;
}

function marketOf(market: Market): { country: string; currency: string; on: string } | null {
  if (!market.country || !market.currency || !isIsoDate(market.on)) return null;
  return { country: market.country, currency: market.currency, on: market.on };
}

export interface PointsForm extends Market {
  amount: FieldValue;
  dealType: DealType;
  managed: boolean;
  otherManagers: FieldValue;
}

/** The Points tab: sold, managed and total points for a sold amount. */
export function computePoints(program: Program, form: PointsForm): Outcome<PointsAnswer> {
  const market = marketOf(form);
  const amount = decimal(form.amount);
  const others = decimal(form.otherManagers);
  if (!market || amount === null || (form.managed && others === null)) return { state: 'incomplete' };
  const otherManagers = form.managed ? Number(others) : undefined;
  if (otherManagers !== undefined && (!Number.isSafeInteger(otherManagers) || otherManagers < 0))
    return { state: 'invalid' };
  return run(() =>
    pointsAnswer(program, market.on, {
      ...market,
      amount,
      dealType: form.dealType,
      managed: form.managed,
      otherManagers,
    }),
  );
}

export type Direction = 'toAmount' | 'toPoints';
export type PointsKind = 'sold' | 'managed';

export interface CurrencyForm extends Market {
  direction: Direction;
  kind: PointsKind;
  /** Points (toAmount) or an amount of the currency (toPoints). */
  value: FieldValue;
  /** For sold points or a sold value. */
  dealType: DealType;
}

export type CurrencyOutcome =
  | { state: 'ready'; direction: 'toAmount'; answer: AmountAnswer }
  | { state: 'ready'; direction: 'toPoints'; answer: ValuePointsAnswer }
  | { state: 'incomplete' }
  | { state: 'invalid' };

/** The Currency tab: points → an amount of the currency, or an amount → points. */
export function computeCurrency(program: Program, form: CurrencyForm): CurrencyOutcome {
  const market = marketOf(form);
  const value = decimal(form.value);
  if (!market || value === null) return { state: 'incomplete' };
  const dealType = form.kind === 'sold' ? form.dealType : undefined;
  if (form.direction === 'toAmount') {
    const outcome = run(() =>
      amountAnswer(program, market.on, {
        ...market,
        dealType,
        ...(form.kind === 'sold' ? { soldPoints: value } : { managedPoints: value }),
      }),
    );
    return outcome.state === 'ready' ? { ...outcome, direction: 'toAmount' } : outcome;
  }
  const outcome = run(() =>
    valuePointsAnswer(program, market.on, { ...market, kind: form.kind, dealType, amount: value }),
  );
  return outcome.state === 'ready' ? { ...outcome, direction: 'toPoints' } : outcome;
}

/** The currencies of the rule set in force on a day: the program's base currency first. */
export function currenciesOn(program: Program, on: string): string[] {
  const day = isIsoDate(on) ? on : program.ruleSets[0]!.effectiveFrom;
  const codes = Object.keys(ruleSetOn(program, day).currencyPer100).sort();
  return [program.baseCurrency, ...codes.filter((c) => c !== program.baseCurrency)];
}

/** The growth markets on a day and their multiplier (as a plain number). */
export function growthOn(program: Program, on: string): { markets: ReadonlySet<string>; multiplier: number } {
  const day = isIsoDate(on) ? on : program.ruleSets[0]!.effectiveFrom;
  const ruleSet = ruleSetOn(program, day);
  return { markets: ruleSet.growthMarkets, multiplier: scaledToNumber(ruleSet.growthMultiplier) };
}
