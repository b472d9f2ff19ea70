// The program file as written: its zod schema, and the parts of a malformed document
// that are well-formed on their own (so validation can list every problem at once).
import { z } from 'zod';

// ---- The file as written -------------------------------------------------------------

const positiveNumber = z.number().positive();
const nonNegativeNumber = z.number().nonnegative();

const tierInput = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  total: nonNegativeNumber,
  sellerMinimum: nonNegativeNumber,
  managedMinimum: nonNegativeNumber,
});

export const ruleSetInput = z.strictObject({
  id: z.string().min(1),
  effectiveFrom: z.string(),
  rates: z
    .strictObject({ sourced: nonNegativeNumber, assisted: nonNegativeNumber, managed: nonNegativeNumber })
    .partial()
    .optional(),
  growthMultiplier: positiveNumber.optional(),
  currencyPer100: z.record(z.string(), positiveNumber).optional(),
  growthMarkets: z.array(z.string()).optional(),
  soldPointsLifetimeMonths: z.number().int().positive().optional(),
  sellerMinimumCounts: z.enum(['sold', 'sourced']).optional(),
  certificationRequired: z.boolean().optional(),
  tiers: z.array(tierInput).min(1).optional(),
});

const tierReviewInput = z.strictObject({
  reviewDays: z.array(z.string()).min(1),
  windowMonths: z.number().int().positive(),
  protectionMonths: z.number().int().nonnegative(),
});

const commissionInput = z.strictObject({
  rate: nonNegativeNumber,
  months: z.number().int().positive(),
  dealTypes: z.array(z.enum(['sourced', 'assisted'])),
  payout: z.literal('quarterly'),
  payoutLagDays: z.number().int().nonnegative(),
});

const renewalsInput = z.strictObject({
  horizonDays: z.number().int().positive(),
  decisionLeadDays: z.number().int().nonnegative(),
});

const fraction = z.number().min(0).max(1);

/** Deal registration (issue 14); every field optional, defaults in DEAL_REGISTRATION_DEFAULTS. */
const dealRegistrationInput = z
  .strictObject({
    protectionDays: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Days an approved registration protects the deal for its partner, from submission (default 90)',
      ),
    extensionDays: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Days a granted extension adds to the protection (default 30)'),
    nameSimilarity: fraction
      .optional()
      .describe(
        'How alike two company names must be (0 to 1, Levenshtein over the longer name, legal forms dropped) to conflict (default 0.85)',
      ),
    stageProbabilities: z
      .record(z.string().min(1), fraction)
      .optional()
      .describe(
        "Chance (0 to 1) that a deal closes, by stage: 'open' deals, 'submitted' and 'approved' registrations; weights the forecast's pipeline (default open 0.3, submitted 0.1, approved 0.5)",
      ),
  })
  .describe('Deal registration: protection windows, the name-matching threshold, stage probabilities');

export const programFileSchema = z.strictObject({
  name: z.string().min(1),
  baseCurrency: z.string(),
  ruleSets: z.array(ruleSetInput).min(1),
  tierReview: tierReviewInput,
  commission: commissionInput,
  renewals: renewalsInput,
  dealRegistration: dealRegistrationInput.optional(),
});

/**
 * The parts of a document that are well-formed on their own, so the rule checks can run
 * (and report) even when the structure has problems elsewhere: every problem at once.
 */
export interface ProgramPieces {
  baseCurrency?: string;
  ruleSets: (RuleSetInput | undefined)[];
  /** Each rule set's effectiveFrom as written, for the date-order check across malformed sets. */
  effectiveFroms: unknown[];
  tierReview?: z.infer<typeof tierReviewInput>;
  commission?: z.infer<typeof commissionInput>;
}

/**
 * A rule set's well-formed fields, when some are not (a negative rate must not hide a
 * threshold out of order in the same rule set); undefined without a usable id and date.
 */
function wellFormedRuleSet(input: unknown): RuleSetInput | undefined {
  const whole = ruleSetInput.safeParse(input);
  if (whole.success) return whole.data;
  if (typeof input !== 'object' || input === null) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ruleSetInput.shape)) {
    const parsed = schema.safeParse((input as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) fields[key] = parsed.data;
  }
  return typeof fields.id === 'string' && typeof fields.effectiveFrom === 'string'
    ? (fields as RuleSetInput)
    : undefined;
}

export function wellFormedPieces(input: unknown): ProgramPieces {
  const doc = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  return {
    baseCurrency: typeof doc.baseCurrency === 'string' ? doc.baseCurrency : undefined,
    ruleSets: Array.isArray(doc.ruleSets) ? doc.ruleSets.map(wellFormedRuleSet) : [],
    effectiveFroms: Array.isArray(doc.ruleSets)
      ? doc.ruleSets.map((r) => (r as { effectiveFrom?: unknown })?.effectiveFrom)
      : [],
    tierReview: tierReviewInput.safeParse(doc.tierReview).data,
    commission: commissionInput.safeParse(doc.commission).data,
  };
}

export type ProgramFile = z.infer<typeof programFileSchema>;
export type RuleSetInput = z.infer<typeof ruleSetInput>;
