// The points calculator (rules §8) over HTTP: the questions and answers of
// domain/calculator-answers.ts, the same functions the web app's calculator runs in the
// browser, with the same rounding. A question the engine refuses (a currency outside the
// rule set's table, a malformed amount) answers 400 with the field at fault.

import { validationError } from '../../core/errors.ts';
import {
  type AmountQuestion,
  amountAnswer,
  CalculatorInputError,
  type PointsQuestion,
  pointsAnswer,
  type ValueQuestion,
  valuePointsAnswer,
} from '../../domain/calculator-answers.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Program } from '../../domain/program.ts';

export type PointsInput = PointsQuestion;
export type AmountInput = AmountQuestion;
export type ValueInput = ValueQuestion;

function answer<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CalculatorInputError)
      throw validationError(error.issues.map((issue) => ({ in: 'body', ...issue })));
    throw error;
  }
}

export function calculatorPoints(program: Program, today: IsoDate, input: PointsInput) {
  return answer(() => pointsAnswer(program, today, input));
}

/** Points to an amount of a currency (sold points need the deal type). */
export function calculatorAmount(program: Program, today: IsoDate, input: AmountInput) {
  return answer(() => amountAnswer(program, today, input));
}

/** An amount of a currency to sold or managed points (the Currency tab's other direction). */
export function calculatorValuePoints(program: Program, today: IsoDate, input: ValueInput) {
  return answer(() => valuePointsAnswer(program, today, input));
}
