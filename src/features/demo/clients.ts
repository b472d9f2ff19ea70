// Clients: who they are, which partner brought them (heavy-tailed by partner size), how
// the partner relates to them (sold, managed, both), when they started, how many MRR
// changes they will have, and who manages them over time.
import type { ManagementFact } from '../../domain/facts.ts';
import type { Calendar } from './calendar.ts';
import { idWidth, makeId } from './calendar.ts';
import {
  CLIENT_WORDS_A,
  CLIENT_WORDS_B,
  CONTACT_TIERS,
  CURRENCIES,
  type CurrencyInfo,
  EMAIL_TIERS,
  INDUSTRIES,
  LEGAL_SUFFIX,
  TLD,
} from './catalog.ts';
import type { PartnerSet } from './partners.ts';
import { slug, VENDOR_DOMAIN } from './partners.ts';
import { type Rng, Weighted } from './random.ts';
import type { ClientRow } from './types.ts';

/** How the client's primary partner relates to it. */
export const BOTH = 0;
export const MANAGED_ONLY = 1;
export const SOLD_ONLY = 2;

export interface ClientBook {
  rows: ClientRow[];
  currencyInfo: CurrencyInfo[];
  /** Partner index of the partner that brought the client. */
  primary: Int32Array;
  relation: Uint8Array;
  /** Another partner managing the client at some point, or -1 (sells some of its deals). */
  coManager: Int32Array;
  originDay: Int32Array;
  /** How many MRR changes the client is planned to have (they sum to the target). */
  planned: Int32Array;
  managements: ManagementFact[];
}

const currencyTable = new Weighted(CURRENCIES.map((c) => [c, c.weight] as const));
const countryTables = new Map(CURRENCIES.map((c) => [c.code, new Weighted(c.countries)]));

/** A partner other than `not`, drawn by size; -1 when there is none. */
export function otherPartner(partners: PartnerSet, rng: Rng, not: readonly number[]): number {
  if (partners.rows.length <= not.length) return -1;
  for (let attempt = 0; attempt < 8; attempt++) {
    const q = rng.weightedIndex(partners.cumulative);
    if (!not.includes(q)) return q;
  }
  return -1;
}

/** Exact client counts per partner in proportion to size (largest remainder), as a shuffled list. */
function assignPrimaries(partners: PartnerSet, clients: number, rng: Rng): Int32Array {
  const n = partners.rows.length;
  const total = partners.cumulative[n - 1]!;
  const counts = new Int32Array(n);
  const remainders: [number, number][] = [];
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const exact = (clients * partners.weights[i]!) / total;
    counts[i] = Math.floor(exact);
    assigned += counts[i]!;
    remainders.push([exact - counts[i]!, i]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; assigned < clients; k++, assigned++) counts[remainders[k % n]![1]]! += 1;
  const primary = new Int32Array(clients);
  let c = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < counts[i]!; k++) primary[c++] = i;
  return rng.shuffle(primary);
}

export function generateClients(
  partners: PartnerSet,
  options: { clients: number; changesPerClient: number },
  cal: Calendar,
  rng: Rng,
): ClientBook {
  const count = options.clients;
  const width = idWidth(count, 6);
  const primary = assignPrimaries(partners, count, rng);
  const relation = new Uint8Array(count);
  const originDay = new Int32Array(count);
  const currencyInfo: CurrencyInfo[] = [];
  const rows: ClientRow[] = [];
  const domains = new Map<string, number>();
  const span = cal.endDay - cal.startDay;
  for (let i = 0; i < count; i++) {
    const partner = partners.rows[primary[i]!]!;
    // Agencies mostly serve their own market: half the clients bill in the partner's currency.
    const own = rng.chance(0.5) ? CURRENCIES.find((c) => c.code === partner.currency) : undefined;
    const cur = own ?? currencyTable.sample(rng);
    const homeCountry = own && cur.countries.some(([c]) => c === partner.country) && rng.chance(0.7);
    const country = homeCountry ? partner.country : countryTables.get(cur.code)!.sample(rng);
    currencyInfo.push(cur);
    const r = rng.next();
    relation[i] = r < 0.62 ? BOTH : r < 0.82 ? MANAGED_ONLY : SOLD_ONLY;
    // A third of the book already exists when the history starts; the rest arrive over time.
    originDay[i] = rng.chance(0.3)
      ? cal.startDay + rng.int(0, Math.min(60, span))
      : cal.startDay + rng.int(0, Math.max(0, span - 7));
    // Big agencies serve bigger companies (partner weights have median 1).
    const employees = Math.max(
      2,
      Math.round(50 * partners.weights[primary[i]!]! ** 0.3 * Math.exp(1.3 * rng.normal())),
    );
    const base = `${rng.pick(CLIENT_WORDS_A)} ${rng.pick(CLIENT_WORDS_B)}`;
    const suffix = LEGAL_SUFFIX[country];
    const stem = `${slug(base)}.${TLD[country] ?? 'com'}`;
    const seen = domains.get(stem) ?? 0;
    domains.set(stem, seen + 1);
    const domain = seen === 0 ? stem : `${slug(base)}${seen + 1}.${TLD[country] ?? 'com'}`;
    const clientId = makeId('CL', i + 1, width);
    const portal = 20_000_000 + i * 7 + rng.int(0, 6);
    const tierIndex = Math.min(CONTACT_TIERS.length - 1, Math.max(0, Math.floor(Math.log2(employees / 15))));
    rows.push({
      clientId,
      name: suffix ? `${base} ${suffix}` : base,
      country,
      currency: cur.code,
      domain,
      industry: rng.pick(INDUSTRIES),
      employees,
      contactTier: CONTACT_TIERS[tierIndex]!,
      emailTier: EMAIL_TIERS[Math.min(3, Math.floor(tierIndex / 2) + rng.int(0, 1))]!,
      accountUrl: `https://app.${VENDOR_DOMAIN}/portal/${portal}`,
      crmUrl: `https://crm.${VENDOR_DOMAIN}/companies/${clientId}`,
    });
  }
  const planned = planChanges(originDay, options, cal, rng);
  const { managements, coManager } = generateManagements(
    rows,
    primary,
    relation,
    originDay,
    partners,
    cal,
    rng,
  );
  return { rows, currencyInfo, primary, relation, coManager, originDay, planned, managements };
}

/**
 * Changes per client in proportion to how long it has been a client (with noise), adjusted
 * so they sum to exactly round(clients * changesPerClient) (at least one each).
 */
function planChanges(
  originDay: Int32Array,
  options: { clients: number; changesPerClient: number },
  cal: Calendar,
  rng: Rng,
): Int32Array {
  const n = originDay.length;
  const planned = new Int32Array(n);
  if (n === 0) return planned;
  const target = Math.max(n, Math.round(n * options.changesPerClient));
  let spanSum = 0;
  for (let i = 0; i < n; i++) spanSum += cal.endDay - originDay[i]! + 1;
  const meanSpan = spanSum / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const span = cal.endDay - originDay[i]! + 1;
    const k = Math.max(1, Math.round(options.changesPerClient * (span / meanSpan) * (0.5 + rng.next())));
    planned[i] = k;
    sum += k;
  }
  let diff = target - sum;
  while (diff !== 0) {
    const i = rng.int(0, n - 1);
    if (diff > 0) {
      planned[i]! += 1;
      diff--;
    } else if (planned[i]! > 1) {
      planned[i]! -= 1;
      diff++;
    }
  }
  return planned;
}

function generateManagements(
  rows: ClientRow[],
  primary: Int32Array,
  relation: Uint8Array,
  originDay: Int32Array,
  partners: PartnerSet,
  cal: Calendar,
  rng: Rng,
): { managements: ManagementFact[]; coManager: Int32Array } {
  const managements: ManagementFact[] = [];
  const coManager = new Int32Array(rows.length).fill(-1);
  const add = (p: number, client: string, start: number, end: number | null) => {
    managements.push({
      partnerId: partners.rows[p]!.partnerId,
      clientId: client,
      startDate: cal.iso(start),
      endDate: end === null || end > cal.endDay ? null : cal.iso(end),
    });
  };
  rows.forEach((client, i) => {
    const p = primary[i]!;
    const origin = originDay[i]!;
    const managers = [p];
    if (relation[i] !== SOLD_ONLY) {
      let start = Math.max(cal.startDay, origin - rng.int(0, 20));
      // Some partners take over a client's services a while after it started.
      if (rng.chance(0.15)) start = Math.min(cal.endDay, origin + rng.int(30, 400));
      let end: number | null = null;
      if (rng.chance(0.1) && start + 60 < cal.endDay) end = start + rng.int(60, cal.endDay - start);
      add(p, client.clientId, start, end);
      if (end !== null && end <= cal.endDay && rng.chance(0.5)) {
        // Handover: another agency takes over on the first day without the old one.
        const q = otherPartner(partners, rng, managers);
        if (q >= 0) {
          managers.push(q);
          coManager[i] = q;
          add(q, client.clientId, end, null);
        }
      }
      if (rng.chance(0.09)) {
        // Co-managed: one or two more agencies share the client (and its managed points).
        const extra = rng.chance(0.7) ? 1 : 2;
        for (let k = 0; k < extra; k++) {
          const q = otherPartner(partners, rng, managers);
          if (q < 0) break;
          managers.push(q);
          if (coManager[i] === -1) coManager[i] = q;
          const from = Math.min(cal.endDay, Math.max(start, origin + rng.int(0, 365)));
          const until =
            rng.chance(0.2) && from + 30 < cal.endDay ? from + rng.int(30, cal.endDay - from) : null;
          add(q, client.clientId, from, until);
        }
      }
    } else if (rng.chance(0.45)) {
      // Sold by one agency, serviced by another.
      const q = otherPartner(partners, rng, managers);
      if (q >= 0) {
        coManager[i] = q;
        add(q, client.clientId, Math.min(cal.endDay, origin + rng.int(0, 60)), null);
      }
    }
  });
  return { managements, coManager };
}
