import { describe, expect, it } from 'vitest';
import { exampleProgram, exampleProgramFile } from './default-program.ts';
import { scaled } from './money.ts';
import {
  formatProblem,
  loadProgram,
  type Problem,
  parseProgram,
  parseProgramText,
  ruleSetOn,
} from './program.ts';

// A deep copy of the example document to break in one test.
// biome-ignore lint/suspicious/noExplicitAny: the test edits an untyped JSON document
const exampleDoc = (): any => structuredClone(exampleProgramFile);

const paths = (problems: Problem[]) => problems.map((p) => p.path);

function problemsOf(doc: unknown): Problem[] {
  const r = parseProgram(doc);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.problems;
}

describe('the example program', () => {
  it('loads with its three rule sets in date order', () => {
    expect(exampleProgram.name).toBe('Example Solutions Partner Program');
    expect(exampleProgram.baseCurrency).toBe('USD');
    expect(exampleProgram.ruleSets.map((s) => [s.id, s.effectiveFrom])).toEqual([
      ['2022-07', '2022-07-18'],
      ['2024-02', '2024-02-27'],
      ['2025-07', '2025-07-15'],
    ]);
    expect(exampleProgram.commission.rate).toBe(scaled(0.2));
    expect(exampleProgram.tierReview.reviewDays).toEqual(['01-15', '07-15']);
  });

  it('stores decimals exactly: rates, multipliers and table values in ten-thousandths, tiers in hundredths', () => {
    const first = exampleProgram.ruleSets[0]!;
    expect(first.rates).toEqual({ sourced: 30_000, assisted: 30_000, managed: 10_000 });
    expect(first.growthMultiplier).toBe(20_000);
    expect(first.currencyPer100.GBP).toBe(625_000);
    expect(first.tiers[0]).toEqual({
      id: 'gold',
      name: 'Gold',
      total: 60_000,
      sellerMinimum: 6_000,
      managedMinimum: 15_000,
    });
  });

  it('2024-02 inherits tiers, currency table and markets from 2022-07 and overrides the rates', () => {
    const [first, second] = exampleProgram.ruleSets;
    expect(second!.rates).toEqual({ sourced: 50_000, assisted: 30_000, managed: 10_000 });
    expect(second!.tiers).toEqual(first!.tiers);
    expect(second!.currencyPer100).toEqual(first!.currencyPer100);
    expect(second!.growthMarkets).toEqual(first!.growthMarkets);
    expect(second!.growthMultiplier).toBe(first!.growthMultiplier);
    expect(second!.sellerMinimumCounts).toBe('sold');
    expect(second!.certificationRequired).toBe(true);
  });

  it('2025-07 replaces the table and tiers, keeps the 2024-02 rates, switches the seller track', () => {
    const [, second, third] = exampleProgram.ruleSets;
    expect(third!.rates).toEqual(second!.rates);
    expect(third!.currencyPer100.EUR).toBe(880_000);
    expect(third!.currencyPer100.JPY).toBe(144_000_000);
    expect(third!.tiers.map((t) => t.total)).toEqual([63_000, 210_000, 630_000, 1_890_000]);
    expect(third!.sellerMinimumCounts).toBe('sourced');
  });
});

describe('ruleSetOn', () => {
  const idOn = (date: string) => ruleSetOn(exampleProgram, date).id;

  it.each([
    ['2000-01-01', '2022-07'], // before the first rule set: the first
    ['2022-07-17', '2022-07'],
    ['2022-07-18', '2022-07'], // exactly on effectiveFrom
    ['2024-02-26', '2022-07'],
    ['2024-02-27', '2024-02'], // exactly on effectiveFrom
    ['2024-03-01', '2024-02'],
    ['2025-07-14', '2024-02'],
    ['2025-07-15', '2025-07'],
    ['2099-12-31', '2025-07'],
  ])('on %s uses %s', (date, id) => {
    expect(idOn(date)).toBe(id);
  });
});

describe('validation', () => {
  it('lists every structural problem with its path', () => {
    const doc = exampleDoc();
    doc.ruleSets[1].rates.sourced = -1; // a negative rate
    doc.ruleSets[1].bogus = true; // an unknown key
    doc.renewals.horizonDays = '120'; // a wrong type
    delete doc.commission.months; // a missing field
    const problems = problemsOf(doc);
    expect(paths(problems)).toEqual(
      expect.arrayContaining([
        'ruleSets[1].rates.sourced',
        'ruleSets[1]',
        'renewals.horizonDays',
        'commission.months',
      ]),
    );
    const unknown = problems.find((p) => p.path === 'ruleSets[1]')!;
    expect(unknown.expected).toContain('bogus');
    expect(problems.find((p) => p.path === 'ruleSets[1].rates.sourced')!.got).toBe('-1');
  });

  it('lists every rule problem with its path, expectation and value', () => {
    const doc = exampleDoc();
    doc.ruleSets[0].currencyPer100.XYZ = 5; // not an ISO 4217 code
    doc.ruleSets[2].effectiveFrom = '2023-01-01'; // out of date order
    doc.ruleSets[0].tiers[1].total = 500; // tiers not ascending
    delete doc.ruleSets[0].growthMultiplier; // the first rule set inherits from nothing
    doc.ruleSets[0].rates.assisted = 3.00001; // more than 4 decimals
    doc.tierReview.reviewDays = ['01-15', '02-30']; // not a day of the year
    doc.ruleSets[2].tiers[0].sellerMinimum = 60.005; // points have 2 decimals
    const problems = problemsOf(doc);
    expect(paths(problems)).toEqual(
      expect.arrayContaining([
        'ruleSets[0].currencyPer100.XYZ',
        'ruleSets[2].effectiveFrom',
        'ruleSets[0].tiers[1].total',
        'ruleSets[0].growthMultiplier',
        'ruleSets[0].rates.assisted',
        'tierReview.reviewDays[1]',
        'ruleSets[2].tiers[0].sellerMinimum',
      ]),
    );
    const order = problems.find((p) => p.path === 'ruleSets[2].effectiveFrom')!;
    expect(formatProblem(order)).toBe(
      'ruleSets[2].effectiveFrom: expected a date after 2024-02-27 (rule sets in date order), got "2023-01-01"',
    );
  });

  // Structural (schema) problems and rule problems come back together: PROGRAM_RULES §2
  // wants every problem at once, not a second round after the first is fixed.
  it('lists structural and rule problems together in one go', () => {
    const doc = exampleDoc();
    doc.ruleSets[0].currencyPer100.XYZ = 5;
    doc.ruleSets[2].effectiveFrom = '2023-01-01';
    doc.ruleSets[0].tiers[1].total = 500;
    doc.ruleSets[1].rates.sourced = -1;
    delete doc.ruleSets[0].growthMultiplier;
    doc.ruleSets[1].bogus = true;
    doc.ruleSets[0].rates.assisted = 3.00001;
    doc.tierReview.reviewDays = ['02-30'];
    expect(paths(problemsOf(doc))).toEqual(
      expect.arrayContaining([
        'ruleSets[0].currencyPer100.XYZ',
        'ruleSets[2].effectiveFrom',
        'ruleSets[0].tiers[1].total',
        'ruleSets[1].rates.sourced',
        'ruleSets[0].growthMultiplier',
        'ruleSets[1]',
        'ruleSets[0].rates.assisted',
        'tierReview.reviewDays[0]',
      ]),
    );
  });

  it('checks the well-formed fields of a malformed rule set, and reports a bad field once', () => {
    const doc = exampleDoc();
    doc.ruleSets[0].rates.sourced = -1;
    doc.ruleSets[0].tiers[1].total = 10;
    doc.ruleSets[0].growthMarkets = 'IN';
    expect(paths(problemsOf(doc)).sort()).toEqual([
      'ruleSets[0].growthMarkets',
      'ruleSets[0].rates.sourced',
      'ruleSets[0].tiers[1].total',
    ]);
  });

  it('requires the base currency in every currency table', () => {
    const doc = exampleDoc();
    delete doc.ruleSets[2].currencyPer100.USD;
    expect(paths(problemsOf(doc))).toContain('ruleSets[2].currencyPer100');
  });

  it('loadProgram throws with every problem listed', () => {
    const doc = exampleDoc();
    doc.ruleSets[0].rates.assisted = 3.00001;
    doc.ruleSets[0].currencyPer100.XYZ = 5;
    expect(() => loadProgram(doc)).toThrow(
      /ruleSets\[0\]\.rates\.assisted[\s\S]*ruleSets\[0\]\.currencyPer100\.XYZ/,
    );
  });
});

describe('parseProgramText', () => {
  it('parses a good document', () => {
    const r = parseProgramText(JSON.stringify(exampleProgramFile));
    expect(r.ok).toBe(true);
  });

  it('reports bad JSON as one file-level problem', () => {
    const r = parseProgramText('{ "name": "x", ');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe('');
    expect(r.problems[0]!.expected).toBe('valid JSON');
    expect(formatProblem(r.problems[0]!)).toMatch(/^\(file\): expected valid JSON, got /);
  });
});

describe('dealRegistration', () => {
  it('is optional: a program without it gets the defaults', () => {
    expect(exampleDoc().dealRegistration).toBeUndefined();
    expect(exampleProgram.dealRegistration).toEqual({
      protectionDays: 90,
      extensionDays: 30,
      nameSimilarity: 0.85,
      stageProbabilities: { open: 0.3, submitted: 0.1, approved: 0.5 },
    });
  });

  it('takes what is given and keeps the defaults of the rest', () => {
    const doc = exampleDoc();
    doc.dealRegistration = { protectionDays: 60, stageProbabilities: { open: 0.25 } };
    const p = loadProgram(doc);
    expect(p.dealRegistration).toEqual({
      protectionDays: 60,
      extensionDays: 30,
      nameSimilarity: 0.85,
      stageProbabilities: { open: 0.25, submitted: 0.1, approved: 0.5 },
    });
  });

  it('names each bad field', () => {
    const doc = exampleDoc();
    doc.dealRegistration = {
      protectionDays: 0,
      extensionDays: 1.5,
      nameSimilarity: 1.2,
      stageProbabilities: { open: -0.1 },
      other: 1,
    };
    expect(paths(problemsOf(doc)).sort()).toEqual([
      'dealRegistration',
      'dealRegistration.extensionDays',
      'dealRegistration.nameSimilarity',
      'dealRegistration.protectionDays',
      'dealRegistration.stageProbabilities.open',
    ]);
  });
});
