// Partners (with a heavy-tailed size), their certifications and their vendor team contacts.
import type { CertificationFact } from '../../domain/facts.ts';
import type { Calendar } from './calendar.ts';
import { idWidth, makeId } from './calendar.ts';
import {
  CERTIFICATIONS,
  FIRST_NAMES,
  LAST_NAMES,
  PARTNER_KIND,
  PARTNER_LOCATIONS,
  PARTNER_WORDS_A,
  PARTNER_WORDS_B,
  TEAM_ROLES,
  TLD,
} from './catalog.ts';
import { normalQuantile, type Rng, Weighted } from './random.ts';
import type { PartnerRow, TeamContactRow } from './types.ts';

/** Log-normal sigma of partner sizes: the top 10% of partners hold about half the clients. */
const SIZE_SIGMA = 1.45;
/** Added to every size so the smallest partners still have a handful of clients. */
const SIZE_FLOOR = 0.25;

export const VENDOR_DOMAIN = 'vendor.example';

export interface PartnerSet {
  rows: PartnerRow[];
  /** Relative size of each partner (expected share of clients). */
  weights: Float64Array;
  /** Cumulative weights, for drawing a partner in proportion to its size. */
  cumulative: Float64Array;
}

/** Lowercase ASCII letters and digits only (for slugs and email local parts). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function generatePartners(count: number, rng: Rng): PartnerSet {
  const width = idWidth(count, 5);
  const locations = new Weighted(PARTNER_LOCATIONS.map(([c, cur, w]) => [[c, cur] as const, w] as const));
  // Stratified log-normal sizes: rank r draws its quantile inside the middle of its
  // stratum, so even 40 partners get a dependable spread (a few big, many small),
  // then ranks are shuffled so partner ids say nothing about size.
  const ranks = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const weights = new Float64Array(count);
  const cumulative = new Float64Array(count);
  const names = new Map<string, number>();
  const rows: PartnerRow[] = [];
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const u = (ranks[i]! + 0.25 + 0.5 * rng.next()) / count;
    weights[i] = Math.exp(SIZE_SIGMA * normalQuantile(u)) + SIZE_FLOOR;
    sum += weights[i]!;
    cumulative[i] = sum;
    const [country, currency] = locations.sample(rng);
    let name = `${rng.pick(PARTNER_WORDS_A)} ${rng.pick(PARTNER_WORDS_B)} ${rng.pick(PARTNER_KIND)}`;
    const seen = names.get(name) ?? 0;
    names.set(name, seen + 1);
    if (seen > 0) name = `${name} ${seen + 1}`;
    rows.push({
      partnerId: makeId('P', i + 1, width),
      name,
      country,
      currency,
      website: `https://www.${slug(name)}.${TLD[country] ?? 'com'}`,
    });
  }
  return { rows, weights, cumulative };
}

/**
 * Certifications valid two years each, mostly renewed before they lapse. About 5% of
 * partners hold none, and some let theirs expire (no tier for them whatever their points).
 */
export function generateCertifications(partners: PartnerSet, cal: Calendar, rng: Rng): CertificationFact[] {
  const out: CertificationFact[] = [];
  const mean = partners.cumulative[partners.rows.length - 1]! / Math.max(1, partners.rows.length);
  partners.rows.forEach((p, i) => {
    // Big agencies keep their certifications; small ones sometimes have none or let them lapse.
    const big = partners.weights[i]! > 2 * mean;
    if (!big && rng.chance(0.05)) return;
    const lapses = !big && rng.chance(0.07);
    const kinds = Math.min(CERTIFICATIONS.length, 1 + rng.int(0, big ? 4 : 2));
    const names = rng.shuffle(CERTIFICATIONS.slice(1)).slice(0, kinds - 1);
    names.unshift(CERTIFICATIONS[0]!);
    // Most partners are certified from the start of the history; some join later.
    const joined = rng.chance(0.85)
      ? cal.startDay + rng.int(0, 60)
      : cal.startDay + rng.int(0, Math.max(0, cal.endDay - cal.startDay - 30));
    names.forEach((name, k) => {
      let from = k === 0 ? joined : joined + rng.int(0, Math.max(0, cal.endDay - joined));
      for (;;) {
        const until = cal.addYears(from, 2) - 1;
        out.push({ partnerId: p.partnerId, name, validFrom: cal.iso(from), validUntil: cal.iso(until) });
        if (until >= cal.endDay || lapses || rng.chance(k === 0 ? (big ? 0 : 0.05) : 0.35)) break;
        // Renewed a little before expiry, or after a gap when it was let lapse for a while.
        from = big || rng.chance(0.8) ? until + 1 - rng.int(0, 30) : until + rng.int(10, 120);
        if (from > cal.endDay) break;
      }
    });
  });
  return out;
}

interface StaffMember {
  name: string;
  email: string;
}

/** Vendor staff: each person covers many partners, as partner teams do. */
export function generateTeam(partners: PartnerSet, rng: Rng): TeamContactRow[] {
  const n = partners.rows.length;
  const emails = new Set<string>();
  const person = (): StaffMember => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const base = `${slug(first)}.${slug(last)}`;
    let email = `${base}@${VENDOR_DOMAIN}`;
    for (let k = 2; emails.has(email); k++) email = `${base}${k}@${VENDOR_DOMAIN}`;
    emails.add(email);
    return { name: `${first} ${last}`, email };
  };
  const pools = TEAM_ROLES.map(() => Array.from({ length: Math.max(3, Math.ceil(n / 60)) }, person));
  const mean = partners.cumulative[n - 1]! / Math.max(1, n);
  const out: TeamContactRow[] = [];
  partners.rows.forEach((p, i) => {
    const big = partners.weights[i]! > mean;
    TEAM_ROLES.forEach(([role, description], r) => {
      const odds = r === 0 ? 1 : r === 1 ? 0.5 : big ? 0.45 : 0.12;
      if (!rng.chance(odds)) return;
      const member = rng.pick(pools[r]!);
      out.push({ partnerId: p.partnerId, role, name: member.name, email: member.email, description });
    });
  });
  return out;
}
