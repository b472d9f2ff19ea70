// A program document as the operator reads it: each rule set with every field resolved and
// the rule set that states it (PROGRAM_RULES §2: a rule set states only what changes, and
// inherits each field it omits from the one before it; rates inherit one by one). Works on
// any document, valid or not: what is missing or malformed is left out, never guessed.

/** The fields a rule set can state (rates one by one, as the engine inherits them). */
export const RULE_SET_FIELDS = [
  'rates.sourced',
  'rates.assisted',
  'rates.managed',
  'growthMultiplier',
  'currencyPer100',
  'growthMarkets',
  'soldPointsLifetimeMonths',
  'sellerMinimumCounts',
  'certificationRequired',
  'tiers',
] as const;
export type RuleSetField = (typeof RULE_SET_FIELDS)[number];

export interface TierRow {
  id: string;
  name: string;
  total: number;
  sellerMinimum: number;
  managedMinimum: number;
}

export interface FieldValues {
  'rates.sourced': number;
  'rates.assisted': number;
  'rates.managed': number;
  growthMultiplier: number;
  currencyPer100: Record<string, number>;
  growthMarkets: string[];
  soldPointsLifetimeMonths: number;
  sellerMinimumCounts: 'sold' | 'sourced';
  certificationRequired: boolean;
  tiers: TierRow[];
}

/** A field's value in a rule set, and where it comes from. */
export interface Resolved<K extends RuleSetField = RuleSetField> {
  value: FieldValues[K];
  /** The id of the rule set that states it. */
  from: string;
  /** Its position in the list. */
  fromIndex: number;
  /** True when this rule set states it itself. */
  stated: boolean;
}

export interface ResolvedRuleSet {
  index: number;
  id: string;
  effectiveFrom: string;
  fields: { [K in RuleSetField]?: Resolved<K> };
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a rule set states for a field, or undefined (an omitted or malformed key). */
function stated(ruleSet: Json, field: RuleSetField): unknown {
  if (field.startsWith('rates.')) {
    const rates = ruleSet.rates;
    return isRecord(rates) ? rates[field.slice('rates.'.length)] : undefined;
  }
  return ruleSet[field];
}

export function ruleSetsOf(document: unknown): Json[] {
  if (!isRecord(document) || !Array.isArray(document.ruleSets)) return [];
  return document.ruleSets.filter(isRecord);
}

/** Every rule set of a document with each field resolved through inheritance. */
export function resolveRuleSets(document: unknown): ResolvedRuleSet[] {
  const out: ResolvedRuleSet[] = [];
  let previous: ResolvedRuleSet['fields'] = {};
  ruleSetsOf(document).forEach((ruleSet, index) => {
    const id = typeof ruleSet.id === 'string' ? ruleSet.id : `#${index + 1}`;
    const fields: Record<string, Resolved> = {};
    for (const field of RULE_SET_FIELDS) {
      const own = stated(ruleSet, field);
      if (own !== undefined)
        fields[field] = { value: own as never, from: id, fromIndex: index, stated: true };
      else if (previous[field]) fields[field] = { ...previous[field], stated: false };
    }
    const resolved: ResolvedRuleSet = {
      index,
      id,
      effectiveFrom: typeof ruleSet.effectiveFrom === 'string' ? ruleSet.effectiveFrom : '',
      fields: fields as ResolvedRuleSet['fields'],
    };
    out.push(resolved);
    previous = resolved.fields;
  });
  return out;
}

/** The rule set in force on a day (dates before the first use the first), as the engine picks it. */
export function inForceOn(ruleSets: readonly ResolvedRuleSet[], day: string): ResolvedRuleSet | undefined {
  let found = ruleSets[0];
  for (const r of ruleSets.slice(1)) {
    if (r.effectiveFrom <= day) found = r;
    else break;
  }
  return found;
}

/** Tier names by id over every rule set of the documents (a later name wins). */
export function tierNames(...documents: unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const document of documents)
    for (const ruleSet of ruleSetsOf(document))
      if (Array.isArray(ruleSet.tiers))
        for (const tier of ruleSet.tiers)
          if (isRecord(tier) && typeof tier.id === 'string')
            names.set(tier.id, typeof tier.name === 'string' ? tier.name : tier.id);
  return names;
}

/** Tier ids lowest first, in the order the documents' rule sets list them. */
export function tierOrder(...documents: unknown[]): string[] {
  return [...tierNames(...documents).keys()];
}
