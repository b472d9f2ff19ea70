// The browser's calculator agrees with the API's (and so with `tierwise calc`) to the cent:
// the public examples of PROGRAM_RULES §11 and random questions, answered by the web app's
// computePoints/computeCurrency on the program as GET /api/v1/program sends it, and by the
// server's calculator service on the program the server loads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/domain/dates.ts';
import { exampleProgram, exampleProgramFile } from '../../../../src/domain/default-program.ts';
import { programFileSchema, ruleSetOn } from '../../../../src/domain/program.ts';
import {
  calculatorAmount,
  calculatorPoints,
  calculatorValuePoints,
} from '../../../../src/features/calculator/service.ts';
import { computeCurrency, computePoints, type DealType, programOf } from './engine.ts';

// What the browser receives: the program file through JSON.
const browserProgram = programOf(JSON.parse(JSON.stringify(programFileSchema.parse(exampleProgramFile))));
const TODAY = '2025-08-01';

describe('PROGRAM_RULES §11 in the browser and on the server', () => {
  const cases: {
    name: string;
    amount: number;
    currency: string;
    country: string;
    dealType: DealType;
    on: string;
    managed?: boolean;
    otherManagers?: number;
    expected: { sold: number; managed?: number; total?: number };
  }[] = [
    {
      name: '1',
      amount: 1000,
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
      on: '2021-10-15',
      expected: { sold: 30 },
    },
    {
      name: '2',
      amount: 1000,
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
      on: '2024-03-15',
      expected: { sold: 50 },
    },
    {
      name: '4 managed alone',
      amount: 1000,
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
      on: TODAY,
      managed: true,
      otherManagers: 0,
      expected: { sold: 50, managed: 10, total: 60 },
    },
    {
      name: '4 managed by two',
      amount: 1000,
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
      on: TODAY,
      managed: true,
      otherManagers: 1,
      expected: { sold: 50, managed: 5, total: 55 },
    },
    {
      name: '5 sourced, managed',
      amount: 1000,
      currency: 'USD',
      country: 'BR',
      dealType: 'sourced',
      on: '2024-06-01',
      managed: true,
      otherManagers: 0,
      expected: { sold: 100, managed: 20, total: 120 },
    },
    {
      name: '5 assisted',
      amount: 1000,
      currency: 'USD',
      country: 'BR',
      dealType: 'assisted',
      on: '2024-06-01',
      expected: { sold: 60 },
    },
    {
      name: '6 2025-08-01',
      amount: 880,
      currency: 'EUR',
      country: 'DE',
      dealType: 'sourced',
      on: TODAY,
      expected: { sold: 50 },
    },
    {
      name: '6 2024-03-01',
      amount: 880,
      currency: 'EUR',
      country: 'DE',
      dealType: 'sourced',
      on: '2024-03-01',
      expected: { sold: 58.67 },
    },
    {
      name: '6 2023-03-01',
      amount: 880,
      currency: 'EUR',
      country: 'DE',
      dealType: 'sourced',
      on: '2023-03-01',
      expected: { sold: 35.2 },
    },
  ];

  for (const c of cases) {
    it(`example ${c.name}: the Points tab gives the spec's points, as the API does`, () => {
      const managed = c.managed ?? false;
      const browser = computePoints(browserProgram, {
        amount: c.amount,
        currency: c.currency,
        country: c.country,
        on: c.on,
        dealType: c.dealType,
        managed,
        otherManagers: c.otherManagers ?? '',
      });
      const server = calculatorPoints(exampleProgram, TODAY, {
        amount: c.amount,
        currency: c.currency,
        country: c.country,
        dealType: c.dealType,
        managed,
        ...(managed ? { otherManagers: c.otherManagers } : {}),
        on: c.on,
      });
      expect(browser).toEqual({ state: 'ready', answer: server });
      expect(server).toMatchObject(c.expected);
    });
  }

  it('example 6 both ways on the Currency tab: 50 sold points are €880, €880 is 50 sold points', () => {
    const market = { currency: 'EUR', country: 'DE', on: TODAY, dealType: 'sourced' as const };
    const toAmount = computeCurrency(browserProgram, {
      ...market,
      direction: 'toAmount',
      kind: 'sold',
      value: 50,
    });
    const server = calculatorAmount(exampleProgram, TODAY, { ...market, soldPoints: 50 });
    expect(toAmount).toEqual({ state: 'ready', direction: 'toAmount', answer: server });
    expect(server.amount).toBe(880);
    const toPoints = computeCurrency(browserProgram, {
      ...market,
      direction: 'toPoints',
      kind: 'sold',
      value: 880,
    });
    const value = calculatorValuePoints(exampleProgram, TODAY, { ...market, kind: 'sold', amount: 880 });
    expect(toPoints).toEqual({ state: 'ready', direction: 'toPoints', answer: value });
    expect(value.points).toBe(50);
  });

  it('says what is missing or refused instead of answering', () => {
    const form = {
      amount: '',
      currency: 'USD',
      country: 'US',
      on: TODAY,
      dealType: 'sourced' as const,
      managed: false,
      otherManagers: '',
    };
    expect(computePoints(browserProgram, form)).toEqual({ state: 'incomplete' });
    expect(computePoints(browserProgram, { ...form, amount: 10, country: null as never })).toEqual({
      state: 'incomplete',
    });
    expect(computePoints(browserProgram, { ...form, amount: 10, on: '2024-02-30' })).toEqual({
      state: 'incomplete',
    });
    expect(computePoints(browserProgram, { ...form, amount: '1.00001' })).toEqual({ state: 'invalid' });
    expect(computePoints(browserProgram, { ...form, amount: 1e21 })).toEqual({ state: 'invalid' });
    expect(computePoints(browserProgram, { ...form, amount: 10, currency: 'CHF' })).toEqual({
      state: 'invalid',
    });
  });
});

// ---- Random questions ----------------------------------------------------------------

const dayArb = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2021-01-01', n));
const countryArb = fc.constantFrom('US', 'DE', 'GB', 'JP', 'ZA', 'BR', 'IN', 'SG', 'CO', 'SE', 'NL');
const dealArb = fc.constantFrom<DealType>('sourced', 'assisted');
/** A decimal with up to `digits` decimals, as typed (text) or as the number field holds it. */
const decimalArb = (digits: number, max: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 10 ** digits - 1 }), fc.boolean())
    .map(([int, frac, asText]) => {
      const text = frac === 0 ? String(int) : `${int}.${String(frac).padStart(digits, '0')}`;
      return asText ? text : Number(text);
    });
const marketArb = fc.tuple(dayArb, countryArb, fc.nat()).map(([on, country, pick]) => {
  const codes = Object.keys(ruleSetOn(exampleProgram, on).currencyPer100);
  return { on, country, currency: codes[pick % codes.length]! };
});

describe('random questions: the browser and the API agree to the cent', () => {
  it('on points for a sold amount', () => {
    fc.assert(
      fc.property(
        marketArb,
        decimalArb(4, 10_000_000),
        dealArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        (market, amount, dealType, managed, others) => {
          const browser = computePoints(browserProgram, {
            ...market,
            amount,
            dealType,
            managed,
            otherManagers: others,
          });
          const server = calculatorPoints(exampleProgram, TODAY, {
            ...market,
            amount,
            dealType,
            managed,
            ...(managed ? { otherManagers: others } : {}),
          });
          expect(browser).toEqual({ state: 'ready', answer: server });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on points to an amount and an amount to points', () => {
    fc.assert(
      fc.property(
        marketArb,
        decimalArb(2, 100_000),
        decimalArb(4, 1_000_000),
        dealArb,
        fc.constantFrom<'sold' | 'managed'>('sold', 'managed'),
        (market, points, amount, dealType, kind) => {
          const deal = kind === 'sold' ? { dealType } : {};
          const toAmount = computeCurrency(browserProgram, {
            ...market,
            direction: 'toAmount',
            kind,
            value: points,
            dealType,
          });
          const server = calculatorAmount(exampleProgram, TODAY, {
            ...market,
            ...deal,
            ...(kind === 'sold' ? { soldPoints: points } : { managedPoints: points }),
          });
          expect(toAmount).toEqual({ state: 'ready', direction: 'toAmount', answer: server });
          const toPoints = computeCurrency(browserProgram, {
            ...market,
            direction: 'toPoints',
            kind,
            value: amount,
            dealType,
          });
          const value = calculatorValuePoints(exampleProgram, TODAY, { ...market, ...deal, kind, amount });
          expect(toPoints).toEqual({ state: 'ready', direction: 'toPoints', answer: value });
        },
      ),
      { numRuns: 300 },
    );
  });
});
