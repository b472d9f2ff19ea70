// The program as the engine uses it: validation (every problem, with its path; the
// schema is in program-schema.ts), rule-set inheritance and lookup by date. PROGRAM_RULES §2.
import type { z } from 'zod';
import { type IsoDate, isIsoDate } from './dates.ts';
import { isCountryCode, isCurrencyCode } from './iso.ts';
import { type Points, parseDecimal, type Scaled, scaledFromNumber } from './money.ts';
import {
  type ProgramPieces,
  programFileSchema,
  type RuleSetInput,
  wellFormedPieces,
} from './program-schema.ts';

export type DealType = 'sourced' | 'assisted';
export const DEAL_TYPES: readonly DealType[] = ['sourced', 'assisted'];

export { type ProgramFile, programFileSchema } from './program-schema.ts';

// ---- The program as the engine uses it --------------------------------------------------

export interface Tier {
  id: string;
  name: string;
  total: Points;
  sellerMinimum: Points;
  managedMinimum: Points;
}

export interface RuleSet {
  id: string;
  effectiveFrom: IsoDate;
  rates: Record<DealType | 'managed', Scaled>;
  growthMultiplier: Scaled;
  currencyPer100: Readonly<Record<string, Scaled>>;
  growthMarkets: ReadonlySet<string>;
  soldPointsLifetimeMonths: number;
  sellerMinimumCounts: 'sold' | 'sourced';
  certificationRequired: boolean;
  /** Lowest first. */
  tiers: readonly Tier[];
}

export interface Program {
  name: string;
  baseCurrency: string;
  /** In effectiveFrom order, every field resolved (inheritance applied). */
  ruleSets: readonly RuleSet[];
  tierReview: { reviewDays: readonly string[]; windowMonths: number; protectionMonths: number };
  commission: {
    rate: Scaled;
    months: number;
    dealTypes: readonly DealType[];
    payout: 'quarterly';
    payoutLagDays: number;
  };
  renewals: { horizonDays: number; decisionLeadDays: number };
  /** Deal registration, defaults applied (DEAL_REGISTRATION_DEFAULTS). */
  dealRegistration: DealRegistrationSettings;
}

export interface DealRegistrationSettings {
  protectionDays: number;
  extensionDays: number;
  /** 0 to 1. */
  nameSimilarity: number;
  /** Stage ('open', 'submitted', 'approved', ...) → 0 to 1. */
  stageProbabilities: Readonly<Record<string, number>>;
}

/** What a program without a dealRegistration section (or with some fields left out) uses. */
export const DEAL_REGISTRATION_DEFAULTS: DealRegistrationSettings = {
  protectionDays: 90,
  extensionDays: 30,
  nameSimilarity: 0.85,
  stageProbabilities: { open: 0.3, submitted: 0.1, approved: 0.5 },
};

export interface Problem {
  /** Where, as a JSON path: ruleSets[1].tiers[0].total */
  path: string;
  expected: string;
  got: string;
}

export type ProgramResult = { ok: true; program: Program } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
  return `${p.path || '(file)'}: expected ${p.expected}, got ${p.got}`;
}

/** A JSON path as problems name it: ruleSets[1].tiers[0].total */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    let expected = issue.message;
    if (issue.code === 'invalid_type') expected = issue.expected;
    else if (issue.code === 'unrecognized_keys')
      expected = `no key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (issue.code === 'too_small') expected = issue.message.replace(/^Too small: expected /, '');
    else if (issue.code === 'invalid_value')
      expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    const got = issue.code === 'unrecognized_keys' ? 'unknown key' : describe(issue.input);
    return { path: pathText(issue.path), expected, got };
  });
}

const REVIEW_DAY = /^(\d{2})-(\d{2})$/;

/** Validates a parsed program document; lists every problem rather than the first. */
export function parseProgram(input: unknown): ProgramResult {
  const parsed = programFileSchema.safeParse(input, { reportInput: true });
  const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error);
  const file: ProgramPieces = parsed.success
    ? { ...parsed.data, effectiveFroms: parsed.data.ruleSets.map((r) => r.effectiveFrom) }
    : wellFormedPieces(input);
  const add = (path: string, expected: string, got: unknown) =>
    problems.push({ path, expected, got: describe(got) });

  const toScaled = (path: string, value: number): Scaled => {
    const r = scaledFromNumber(value);
    if (typeof r === 'number') return r;
    add(path, 'a number with at most 4 decimal places', value);
    return 0;
  };
  const toPoints = (path: string, value: number): Points => {
    const r = parseDecimal(String(value), 2);
    if (typeof r === 'number') return r;
    add(path, 'points with at most 2 decimal places', value);
    return 0;
  };

  const baseCurrency = file.baseCurrency ?? '';
  if (file.baseCurrency !== undefined && !isCurrencyCode(baseCurrency)) {
    add('baseCurrency', 'an ISO 4217 currency code', baseCurrency);
  }

  const reviewDays = file.tierReview?.reviewDays ?? [];
  reviewDays.forEach((day, i) => {
    const m = REVIEW_DAY.exec(day);
    if (!m || day === '02-29' || !isIsoDate(`2023-${day}`)) {
      add(`tierReview.reviewDays[${i}]`, 'a day of the year as MM-DD (not 02-29)', day);
    }
  });
  if (new Set(reviewDays).size !== reviewDays.length)
    add('tierReview.reviewDays', 'each review day once', reviewDays);

  const first = file.ruleSets[0];
  const required: (keyof RuleSetInput)[] = [
    'rates',
    'growthMultiplier',
    'currencyPer100',
    'growthMarkets',
    'soldPointsLifetimeMonths',
    'sellerMinimumCounts',
    'certificationRequired',
    'tiers',
  ];
  // A field already reported as malformed is not reported missing as well.
  const reported = (path: string) =>
    problems.some((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  for (const key of required) {
    if (first && first[key] === undefined && !reported(`ruleSets[0].${key}`))
      add(`ruleSets[0].${key}`, 'a value (the first rule set inherits from nothing)', undefined);
  }
  for (const key of ['sourced', 'assisted', 'managed'] as const) {
    if (first?.rates && first.rates[key] === undefined) {
      add(`ruleSets[0].rates.${key}`, 'a rate (the first rule set inherits from nothing)', undefined);
    }
  }

  const ruleSets: RuleSet[] = [];
  const ids = new Set<string>();
  let previous: RuleSet | undefined;
  file.ruleSets.forEach((input, i) => {
    // A rule set with structural problems (already listed) is passed over; the rest are checked.
    if (!input) return;
    const at = `ruleSets[${i}]`;
    if (ids.has(input.id)) add(`${at}.id`, 'a rule set id used once', input.id);
    ids.add(input.id);
    if (!isIsoDate(input.effectiveFrom))
      add(`${at}.effectiveFrom`, 'a date as YYYY-MM-DD', input.effectiveFrom);
    else {
      const before = file.effectiveFroms[i - 1];
      if (typeof before === 'string' && isIsoDate(before) && input.effectiveFrom <= before) {
        add(`${at}.effectiveFrom`, `a date after ${before} (rule sets in date order)`, input.effectiveFrom);
      }
    }

    const rates = {
      sourced:
        input.rates?.sourced !== undefined
          ? toScaled(`${at}.rates.sourced`, input.rates.sourced)
          : (previous?.rates.sourced ?? 0),
      assisted:
        input.rates?.assisted !== undefined
          ? toScaled(`${at}.rates.assisted`, input.rates.assisted)
          : (previous?.rates.assisted ?? 0),
      managed:
        input.rates?.managed !== undefined
          ? toScaled(`${at}.rates.managed`, input.rates.managed)
          : (previous?.rates.managed ?? 0),
    };

    let currencyPer100 = previous?.currencyPer100 ?? {};
    if (input.currencyPer100) {
      const table: Record<string, Scaled> = {};
      for (const [code, value] of Object.entries(input.currencyPer100)) {
        if (!isCurrencyCode(code))
          add(`${at}.currencyPer100.${code}`, 'an ISO 4217 currency code as the key', code);
        const v = toScaled(`${at}.currencyPer100.${code}`, value);
        if (value > 0 && v === 0) add(`${at}.currencyPer100.${code}`, 'a value of at least 0.0001', value);
        table[code] = v;
      }
      currencyPer100 = table;
    }
    if (
      (input.currencyPer100 || i === 0) &&
      isCurrencyCode(baseCurrency) &&
      currencyPer100[baseCurrency] === undefined
    ) {
      add(
        `${at}.currencyPer100`,
        `an entry for the base currency ${baseCurrency}`,
        Object.keys(currencyPer100),
      );
    }

    let growthMarkets = previous?.growthMarkets ?? new Set<string>();
    if (input.growthMarkets) {
      input.growthMarkets.forEach((code, j) => {
        if (!isCountryCode(code))
          add(`${at}.growthMarkets[${j}]`, 'an ISO 3166-1 alpha-2 country code', code);
      });
      growthMarkets = new Set(input.growthMarkets);
    }

    let tiers = previous?.tiers ?? [];
    if (input.tiers) {
      const tierIds = new Set<string>();
      tiers = input.tiers.map((t, j) => {
        const tp = `${at}.tiers[${j}]`;
        if (tierIds.has(t.id)) add(`${tp}.id`, 'a tier id used once in the list', t.id);
        tierIds.add(t.id);
        return {
          id: t.id,
          name: t.name,
          total: toPoints(`${tp}.total`, t.total),
          sellerMinimum: toPoints(`${tp}.sellerMinimum`, t.sellerMinimum),
          managedMinimum: toPoints(`${tp}.managedMinimum`, t.managedMinimum),
        };
      });
      for (let j = 1; j < tiers.length; j++) {
        const lower = tiers[j - 1]!;
        const t = tiers[j]!;
        if (t.total <= lower.total) {
          add(
            `${at}.tiers[${j}].total`,
            `more than ${input.tiers[j - 1]!.total} (tiers listed lowest first)`,
            input.tiers[j]!.total,
          );
        }
        if (t.sellerMinimum < lower.sellerMinimum) {
          add(
            `${at}.tiers[${j}].sellerMinimum`,
            `at least ${input.tiers[j - 1]!.sellerMinimum} (tiers listed lowest first)`,
            input.tiers[j]!.sellerMinimum,
          );
        }
        if (t.managedMinimum < lower.managedMinimum) {
          add(
            `${at}.tiers[${j}].managedMinimum`,
            `at least ${input.tiers[j - 1]!.managedMinimum} (tiers listed lowest first)`,
            input.tiers[j]!.managedMinimum,
          );
        }
      }
    }

    const ruleSet: RuleSet = {
      id: input.id,
      effectiveFrom: input.effectiveFrom,
      rates,
      growthMultiplier:
        input.growthMultiplier !== undefined
          ? toScaled(`${at}.growthMultiplier`, input.growthMultiplier)
          : (previous?.growthMultiplier ?? 0),
      currencyPer100,
      growthMarkets,
      soldPointsLifetimeMonths: input.soldPointsLifetimeMonths ?? previous?.soldPointsLifetimeMonths ?? 12,
      sellerMinimumCounts: input.sellerMinimumCounts ?? previous?.sellerMinimumCounts ?? 'sold',
      certificationRequired: input.certificationRequired ?? previous?.certificationRequired ?? false,
      tiers,
    };
    ruleSets.push(ruleSet);
    previous = ruleSet;
  });

  const commissionRate = file.commission ? toScaled('commission.rate', file.commission.rate) : 0;
  if (file.commission && file.commission.rate > 1) {
    add('commission.rate', 'a fraction from 0 to 1 (0.20 is 20 %)', file.commission.rate);
  }

  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const doc = parsed.data;
  return {
    ok: true,
    program: {
      name: doc.name,
      baseCurrency: doc.baseCurrency,
      ruleSets,
      tierReview: { ...doc.tierReview },
      commission: { ...doc.commission, rate: commissionRate },
      renewals: { ...doc.renewals },
      dealRegistration: {
        ...DEAL_REGISTRATION_DEFAULTS,
        ...doc.dealRegistration,
        stageProbabilities: {
          ...DEAL_REGISTRATION_DEFAULTS.stageProbabilities,
          ...doc.dealRegistration?.stageProbabilities,
        },
      },
    },
  };
}

/** Parses JSON text of a program file; a syntax error is one problem at the file level. */
export function parseProgramText(text: string): ProgramResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', expected: 'valid JSON', got: (e as Error).message }] };
  }
  return parseProgram(json);
}

/** Like parseProgram, but throws with every problem listed. For known-good documents. */
export function loadProgram(input: unknown): Program {
  const r = parseProgram(input);
  if (!r.ok) throw new Error(`invalid program:\n${r.problems.map(formatProblem).join('\n')}`);
  return r.program;
}

/** The rule set in force on a date; dates before the first rule set use the first. */
export function ruleSetOn(program: Program, date: IsoDate): RuleSet {
  const sets = program.ruleSets;
  let found = sets[0]!;
  for (let i = 1; i < sets.length; i++) {
    const s = sets[i]!;
    if (s.effectiveFrom <= date) found = s;
    else break;
  }
  return found;
}

/** Position of a tier in a rule set's list (lowest 0); -1 for none or an id the set does not list. */
export function tierRank(ruleSet: RuleSet, tierId: string | null): number {
  if (tierId === null) return -1;
  return ruleSet.tiers.findIndex((t) => t.id === tierId);
}
