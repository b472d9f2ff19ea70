import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalculateAmountInput,
  calculateAmount,
  calculatePoints,
  calculatePointsFromAmount,
} from './calculator.ts';
import { exampleProgram, exampleProgramFile } from './default-program.ts';
import {
  minorUnits,
  parseDecimal,
  pointsToNumber,
  SCALE_DIGITS,
  type Scaled,
  scaledToNumber,
} from './money.ts';
import { type DealType, loadProgram, type Program, ruleSetOn } from './program.ts';
import { EngineError } from './units.ts';

const program = exampleProgram;

/** A decimal literal as Scaled (test inputs written as text, never through floats). */
function s(text: string): Scaled {
  const r = parseDecimal(text, SCALE_DIGITS);
  if (typeof r !== 'number') throw new Error(r.error);
  return r;
}

function points(input: {
  amount: string;
  currency?: string;
  country?: string;
  deal?: DealType;
  managed?: boolean;
  others?: number;
  on?: string;
}) {
  const r = calculatePoints({
    program,
    on: input.on ?? '2024-03-01',
    amount: s(input.amount),
    currency: input.currency ?? 'USD',
    country: input.country ?? 'US',
    dealType: input.deal ?? 'sourced',
    managed: input.managed ?? false,
    otherManagers: input.others ?? 0,
  });
  return { sold: pointsToNumber(r.sold), managed: pointsToNumber(r.managed), total: pointsToNumber(r.total) };
}

describe('calculatePoints: PROGRAM_RULES §11 examples', () => {
  it('ex 2: a sourced $1,000 sale in March 2024 earns 50 sold points', () => {
    expect(points({ amount: '1000', on: '2024-03-15' }).sold).toBe(50);
  });

  it('ex 1: $1,000 in Oct 2021 (before the first rule set) earns 3 per $100', () => {
    expect(points({ amount: '1000', on: '2021-10-01' }).sold).toBe(30);
  });

  it('ex 4: $1,000 managed earns 10 managed points, 5 each with one other manager', () => {
    expect(points({ amount: '1000', managed: true }).managed).toBe(10);
    expect(points({ amount: '1000', managed: true, others: 1 }).managed).toBe(5);
  });

  it('ex 5: a growth-market client, $1,000 on 2024-03-01: sourced 100, assisted 60, managed 20', () => {
    expect(points({ amount: '1000', country: 'IN', deal: 'sourced', managed: true })).toEqual({
      sold: 100,
      managed: 20,
      total: 120,
    });
    expect(points({ amount: '1000', country: 'BR', deal: 'assisted' }).sold).toBe(60);
  });

  it.each([
    ['2025-08-01', 50],
    ['2024-03-01', 58.67],
    ['2023-03-01', 35.2],
  ])('ex 6: €880 sourced in DE on %s → %s points', (on, expected) => {
    expect(points({ amount: '880', currency: 'EUR', country: 'DE', on }).sold).toBe(expected);
  });

  it('DATA_AND_INTERFACES §3: 1000 USD, US, sourced, managed with one other manager → 50 / 5 / 55', () => {
    expect(points({ amount: '1000', managed: true, others: 1, on: '2025-08-01' })).toEqual({
      sold: 50,
      managed: 5,
      total: 55,
    });
  });
});

describe('calculatePoints', () => {
  it('gives no managed points when the partner does not manage the client', () => {
    expect(points({ amount: '1000', others: 3 })).toEqual({ sold: 50, managed: 0, total: 50 });
  });

  it('splits managed points evenly, rounding once', () => {
    // 1000 / 100 * 1 / 3 = 3.333... → 3.33
    expect(points({ amount: '1000', managed: true, others: 2 }).managed).toBe(3.33);
  });

  it('explains the calculation with every program value it used', () => {
    const r = calculatePoints({
      program,
      on: '2024-03-01',
      amount: s('1000'),
      currency: 'USD',
      country: 'IN',
      dealType: 'assisted',
      managed: true,
      otherManagers: 1,
    });
    expect(r.explanation).toEqual({
      ruleSetId: '2024-02',
      effectiveFrom: '2024-02-27',
      on: '2024-03-01',
      currency: 'USD',
      country: 'IN',
      baseCurrency: 'USD',
      currencyPer100: s('100'),
      growthMarket: true,
      growthMultiplier: s('2'),
      dealType: 'assisted',
      soldRate: s('3'),
      managedRate: s('1'),
      managers: 2,
    });
  });

  it('takes the rate in force on the date (no rate lock in the calculator)', () => {
    expect(points({ amount: '1000', on: '2024-02-26' }).sold).toBe(30);
    expect(points({ amount: '1000', on: '2024-02-27' }).sold).toBe(50);
  });

  it('refuses a currency missing from the table, naming it and the rule set', () => {
    expect(() => points({ amount: '1000', currency: 'SEK' })).toThrow(EngineError);
    expect(() => points({ amount: '1000', currency: 'SEK' })).toThrow(/SEK.*rule set 2024-02/);
  });

  it('refuses a negative amount and a bad number of other managers', () => {
    expect(() => points({ amount: '-1' })).toThrow(EngineError);
    expect(() => points({ amount: '1', managed: true, others: -1 })).toThrow(EngineError);
    expect(() => points({ amount: '1', managed: true, others: 1.5 })).toThrow(EngineError);
  });
});

function amount(input: Omit<CalculateAmountInput, 'program' | 'points'> & { points: string }) {
  const r = calculateAmount({
    ...input,
    program,
    points: parseDecimal(input.points, 2) as number,
  } as CalculateAmountInput);
  return { amount: scaledToNumber(r.amount), currency: r.currency };
}

describe('calculateAmount', () => {
  it('DATA_AND_INTERFACES §3: 50 sourced sold points, EUR, DE, 2025-08-01 → 880 EUR', () => {
    expect(
      amount({
        points: '50',
        kind: 'sold',
        dealType: 'sourced',
        currency: 'EUR',
        country: 'DE',
        on: '2025-08-01',
      }),
    ).toEqual({ amount: 880, currency: 'EUR' });
  });

  it('inverts ex 6 on 2024-03-01: 58.67 points → €880.05', () => {
    // 58.67 / 5 * 75 = 880.05 exactly
    expect(
      amount({
        points: '58.67',
        kind: 'sold',
        dealType: 'sourced',
        currency: 'EUR',
        country: 'DE',
        on: '2024-03-01',
      }).amount,
    ).toBe(880.05);
  });

  it('managed points: divides by the managed rate and the growth multiplier', () => {
    // 20 / (1 * 2) * 100 = $1,000 in a growth market (ex 5)
    expect(
      amount({ points: '20', kind: 'managed', currency: 'USD', country: 'IN', on: '2024-03-01' }),
    ).toEqual({
      amount: 1000,
      currency: 'USD',
    });
    expect(
      amount({
        points: '60',
        kind: 'sold',
        dealType: 'assisted',
        currency: 'USD',
        country: 'IN',
        on: '2024-03-01',
      }).amount,
    ).toBe(1000);
  });

  it('rounds JPY to whole yen', () => {
    // 0.01 / 5 * 14400 = 28.8 → 29 yen
    expect(
      amount({
        points: '0.01',
        kind: 'sold',
        dealType: 'sourced',
        currency: 'JPY',
        country: 'JP',
        on: '2025-08-01',
      }),
    ).toEqual({ amount: 29, currency: 'JPY' });
    // growth market: 0.03 / (5 * 2) * 14400 = 43.2 → 43 yen
    expect(
      amount({
        points: '0.03',
        kind: 'sold',
        dealType: 'sourced',
        currency: 'JPY',
        country: 'SG',
        on: '2025-08-01',
      }).amount,
    ).toBe(43);
    // 0.07 / 1 * 14400 = 1008 yen exactly
    expect(
      amount({ points: '0.07', kind: 'managed', currency: 'JPY', country: 'JP', on: '2025-08-01' }).amount,
    ).toBe(1008);
  });

  it('rounds an exact half yen away from zero', () => {
    // A program where 100 USD = 125 JPY: 0.02 points / 5 * 125 = 0.5 yen → 1 yen
    const doc = structuredClone(exampleProgramFile) as {
      ruleSets: { currencyPer100?: Record<string, number> }[];
    };
    doc.ruleSets[0]!.currencyPer100!.JPY = 125;
    doc.ruleSets[2]!.currencyPer100!.JPY = 125;
    const custom = loadProgram(doc);
    const r = calculateAmount({
      program: custom,
      on: '2025-08-01',
      points: 2,
      kind: 'sold',
      dealType: 'sourced',
      currency: 'JPY',
      country: 'JP',
    });
    expect(scaledToNumber(r.amount)).toBe(1);
  });

  it('keeps amounts exact far beyond the safe-integer range of the intermediate product', () => {
    // 1,000,000 sourced points in CO (a growth market): 1e6 / (5 * 2) * 408000 = 40,800,000,000 COP;
    // the intermediate product P * V * 10^4 * 10^m is ~4e21, so mulDivRound goes through BigInt.
    expect(
      amount({
        points: '1000000',
        kind: 'sold',
        dealType: 'sourced',
        currency: 'COP',
        country: 'CO',
        on: '2025-08-01',
      }).amount,
    ).toBe(40_800_000_000);
  });

  it('refuses an unknown currency, naming it', () => {
    expect(() =>
      amount({ points: '1', kind: 'managed', currency: 'XYZ', country: 'US', on: '2025-08-01' }),
    ).toThrow(/currency XYZ/);
  });

  it('refuses sold points without a deal type (untyped callers) and negative points', () => {
    expect(() =>
      calculateAmount({
        program,
        on: '2025-08-01',
        points: 1,
        kind: 'sold',
        currency: 'USD',
        country: 'US',
      } as never),
    ).toThrow(/deal type/);
    expect(() =>
      calculateAmount({
        program,
        on: '2025-08-01',
        points: -1,
        kind: 'managed',
        currency: 'USD',
        country: 'US',
      }),
    ).toThrow(EngineError);
  });

  it('refuses an amount beyond the exact range with a clear error', () => {
    expect(() =>
      calculateAmount({
        program,
        on: '2025-08-01',
        points: 9_000_000_000_000_000,
        kind: 'managed',
        currency: 'COP',
        country: 'US',
      }),
    ).toThrow(/too large to compute/);
  });

  it('refuses a zero rate (no amount earns points) instead of dividing by zero', () => {
    const doc = structuredClone(exampleProgramFile) as { ruleSets: { rates?: Record<string, number> }[] };
    doc.ruleSets[0]!.rates!.assisted = 0;
    doc.ruleSets[1]!.rates!.assisted = 0;
    const custom = loadProgram(doc);
    expect(() =>
      calculateAmount({
        program: custom,
        on: '2025-08-01',
        points: 100,
        kind: 'sold',
        dealType: 'assisted',
        currency: 'USD',
        country: 'US',
      }),
    ).toThrow(/assisted rate of rule set 2025-07 is 0/);
  });
});

describe('calculatePointsFromAmount (amount → points)', () => {
  it('sold value → sold points with the deal rate in force', () => {
    const r = calculatePointsFromAmount({
      program,
      on: '2024-03-01',
      amount: s('880'),
      kind: 'sold',
      dealType: 'sourced',
      currency: 'EUR',
      country: 'DE',
    });
    expect(pointsToNumber(r.points)).toBe(58.67);
    expect(r.explanation.rate).toBe(s('5'));
  });

  it('managed value → managed points for a single manager', () => {
    const r = calculatePointsFromAmount({
      program,
      on: '2024-03-01',
      amount: s('1000'),
      kind: 'managed',
      currency: 'USD',
      country: 'IN',
    });
    expect(pointsToNumber(r.points)).toBe(20);
  });
});

// ---- Round trip: points → amount → points -------------------------------------------
//
// The amount is rounded once to the minor unit u = 10^-m, so it is off from the exact
// amount by at most u/2. Points are linear in the amount: points = amount * r * g / c
// (r the rate, g the growth multiplier, c = currencyPer100). So the exact points of the
// rounded amount are off from P by at most (u/2) * r * g / c points, i.e.
// d = 50 * u * r * g / c hundredths; rounding those to hundredths again lands at most
// floor(d + 1/2) hundredths from P (a tie at exactly k + 1/2 rounds away, to k + 1).
// With R, G, V the Scaled values (x 10^4) of r, g, c:
//   d = 50 * R * G / (10^m * V * 10^4),  tolerance = floor((100 R G + 10^m V 10^4) / (2 * 10^m V 10^4)).
// For the example program d is far below 1/2 in every currency (the largest, JPY at
// 12,000 with r * g = 10, gives 50 * 10 / 12000 = 0.04), so the round trip is exact.
function toleranceHundredths(rate: Scaled, growth: Scaled, currencyPer100: Scaled, currency: string): number {
  const unit = 10n ** BigInt(minorUnits(currency));
  const den = 2n * unit * BigInt(currencyPer100) * 10_000n;
  return Number((100n * BigInt(rate) * BigInt(growth) + unit * BigInt(currencyPer100) * 10_000n) / den);
}

function roundTrip(
  p: Program,
  on: string,
  pts: number,
  kind: 'sold' | 'managed',
  deal: DealType,
  currency: string,
  country: string,
) {
  const k = kind === 'sold' ? ({ kind, dealType: deal } as const) : ({ kind } as const);
  const forward = calculateAmount({ program: p, on, points: pts, currency, country, ...k });
  const back = calculatePointsFromAmount({ program: p, on, amount: forward.amount, currency, country, ...k });
  const e = forward.explanation;
  return {
    back: back.points,
    tolerance: toleranceHundredths(e.rate, e.growthMultiplier, e.currencyPer100, currency),
  };
}

const dateArb = fc
  .record({
    y: fc.integer({ min: 2021, max: 2027 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('round trip points → amount → points', () => {
  it('is exact for every currency and market of the example program (derived tolerance 0)', () => {
    const currencies = Object.keys(ruleSetOn(program, '2025-08-01').currencyPer100);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }), // up to 1,000,000.00 points
        fc.constantFrom<'sold' | 'managed'>('sold', 'managed'),
        fc.constantFrom<DealType>('sourced', 'assisted'),
        fc.constantFrom(...currencies),
        fc.constantFrom('US', 'DE', 'JP', 'IN', 'BR', 'SG'),
        dateArb,
        (pts, kind, deal, currency, country, on) => {
          const { back, tolerance } = roundTrip(program, on, pts, kind, deal, currency, country);
          expect(tolerance).toBe(0);
          expect(back).toBe(pts);
        },
      ),
    );
  });

  it('stays within the derived tolerance for any table value, rate and multiplier', () => {
    // Arbitrary programs: small currency values (few minor units per point) make the
    // rounding of the amount visible in the points.
    const programArb = fc
      .record({
        jpy: fc.integer({ min: 1, max: 2_000_000 }), // 0.0001 .. 200 yen per 100 USD
        eur: fc.integer({ min: 1, max: 2_000_000 }),
        kwd: fc.integer({ min: 1, max: 2_000_000 }),
        sourced: fc.integer({ min: 100, max: 200_000 }), // 0.01 .. 20 points per 100,
        managed: fc.integer({ min: 100, max: 200_000 }),
        growth: fc.integer({ min: 100, max: 50_000 }), // x0.01 .. x5,
      })
      .map((v) => {
        const doc = structuredClone(exampleProgramFile) as {
          ruleSets: {
            currencyPer100?: Record<string, number>;
            rates?: Record<string, number>;
            growthMultiplier?: number;
          }[];
        };
        const first = doc.ruleSets[0]!;
        first.currencyPer100 = { USD: 100, JPY: v.jpy / 10_000, EUR: v.eur / 10_000, KWD: v.kwd / 10_000 };
        first.rates = { sourced: v.sourced / 10_000, assisted: 3, managed: v.managed / 10_000 };
        first.growthMultiplier = v.growth / 10_000;
        doc.ruleSets.length = 1;
        return loadProgram(doc);
      });
    fc.assert(
      fc.property(
        programArb,
        fc.integer({ min: 0, max: 10_000_000 }), // up to 100,000.00 points
        fc.constantFrom<'sold' | 'managed'>('sold', 'managed'),
        fc.constantFrom('JPY', 'EUR', 'KWD', 'USD'),
        fc.constantFrom('US', 'IN'),
        (p, pts, kind, currency, country) => {
          const { back, tolerance } = roundTrip(p, '2025-01-01', pts, kind, 'sourced', currency, country);
          expect(Math.abs(back - pts)).toBeLessThanOrEqual(tolerance);
        },
      ),
    );
  });
});
