// The common edits of a draft, as pure functions of its document (each returns a new one):
// add a rule set with its effective date, change a rate or a tier threshold of a rule set.
// A rule set that inherits its tiers gets a copy of the inherited list to change (a tiers
// list replaces the one before it whole, PROGRAM_RULES §2).
import { resolveRuleSets } from './resolve.ts';

type Json = Record<string, unknown>;
export type RateKind = 'sourced' | 'assisted' | 'managed';
export const RATE_KINDS: readonly RateKind[] = ['sourced', 'assisted', 'managed'];
export type ThresholdKind = 'total' | 'sellerMinimum' | 'managedMinimum';
export const THRESHOLD_KINDS: readonly ThresholdKind[] = ['total', 'sellerMinimum', 'managedMinimum'];

export class EditError extends Error {
  override name = 'EditError';
  constructor(readonly reason: 'notAProgram' | 'noRuleSet' | 'duplicateId' | 'noTier') {
    super(reason);
  }
}

function copyOf(document: unknown): Json & { ruleSets: Json[] } {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new EditError('notAProgram');
  const doc = structuredClone(document) as Json;
  if (!Array.isArray(doc.ruleSets)) throw new EditError('notAProgram');
  return doc as Json & { ruleSets: Json[] };
}

function ruleSetAt(doc: { ruleSets: Json[] }, index: number): Json {
  const ruleSet = doc.ruleSets[index];
  if (typeof ruleSet !== 'object' || ruleSet === null) throw new EditError('noRuleSet');
  return ruleSet;
}

/** A new rule set stating only its id and date, placed in date order; returns its index too. */
export function addRuleSet(
  document: unknown,
  ruleSet: { id: string; effectiveFrom: string },
): { document: Json; index: number } {
  const doc = copyOf(document);
  if (doc.ruleSets.some((r) => r?.id === ruleSet.id)) throw new EditError('duplicateId');
  let index = doc.ruleSets.findIndex(
    (r) => typeof r?.effectiveFrom === 'string' && r.effectiveFrom > ruleSet.effectiveFrom,
  );
  if (index < 0) index = doc.ruleSets.length;
  doc.ruleSets.splice(index, 0, { id: ruleSet.id, effectiveFrom: ruleSet.effectiveFrom });
  return { document: doc, index };
}

export function setRate(document: unknown, index: number, kind: RateKind, value: number): Json {
  const doc = copyOf(document);
  const ruleSet = ruleSetAt(doc, index);
  const rates = typeof ruleSet.rates === 'object' && ruleSet.rates !== null ? (ruleSet.rates as Json) : {};
  ruleSet.rates = { ...rates, [kind]: value };
  return doc;
}

export function setThreshold(
  document: unknown,
  index: number,
  tierId: string,
  kind: ThresholdKind,
  value: number,
): Json {
  const doc = copyOf(document);
  const ruleSet = ruleSetAt(doc, index);
  if (!Array.isArray(ruleSet.tiers)) {
    const inherited = resolveRuleSets(doc)[index]?.fields.tiers?.value;
    if (!inherited) throw new EditError('noTier');
    ruleSet.tiers = structuredClone(inherited);
  }
  const tier = (ruleSet.tiers as Json[]).find((t) => t?.id === tierId);
  if (!tier) throw new EditError('noTier');
  tier[kind] = value;
  return doc;
}
