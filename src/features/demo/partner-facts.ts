// From a generated dataset to the engine's input: one PartnerFacts per partner, with every
// client the partner manages or has a deal with and, for those clients, ALL changes, deals
// and managements (other partners' rows included: sold entries are derived per product
// line and managed credit is split among managers), plus the partner's certifications and
// the renewals and usage of its clients. Linear time: rows are bucketed by client once.
import type {
  CertificationFact,
  DealFact,
  ManagementFact,
  MrrChangeFact,
  PartnerFacts,
  RenewalFact,
  UsageFact,
} from '../../domain/facts.ts';
import type { ClientRow, Dataset } from './types.ts';

/** Rows grouped by client index: rows of client i are items[offsets[i] .. offsets[i + 1]). */
interface Buckets<T> {
  offsets: Int32Array;
  items: T[];
}

export interface PartnerFactsIndex {
  /** Every partner of the dataset, in dataset order. */
  readonly partnerIds: readonly string[];
  /** The facts of one partner (fresh arrays each call), or undefined for an unknown id. */
  factsFor(partnerId: string): PartnerFacts | undefined;
}

export type Dataish = Pick<
  Dataset,
  'partners' | 'clients' | 'changes' | 'deals' | 'managements' | 'certifications' | 'renewals' | 'usage'
>;

export function indexPartnerFacts(dataset: Dataish): PartnerFactsIndex {
  const clientIndex = new Map<string, number>();
  dataset.clients.forEach((c, i) => {
    clientIndex.set(c.clientId, i);
  });
  const partnerIndex = new Map<string, number>();
  dataset.partners.forEach((p, i) => {
    partnerIndex.set(p.partnerId, i);
  });
  const clientOf = (what: string, clientId: string): number => {
    const i = clientIndex.get(clientId);
    if (i === undefined) throw new Error(`${what} names unknown client ${clientId}`);
    return i;
  };
  const partnerOf = (what: string, partnerId: string): number => {
    const i = partnerIndex.get(partnerId);
    if (i === undefined) throw new Error(`${what} names unknown partner ${partnerId}`);
    return i;
  };
  const n = dataset.clients.length;
  const changes = bucket(dataset.changes, n, (r) => clientOf(`change ${r.changeId}`, r.clientId));
  const deals = bucket(dataset.deals, n, (r) => clientOf(`deal ${r.dealId}`, r.clientId));
  const managements = bucket(dataset.managements, n, (r) => clientOf('management', r.clientId));
  const renewals = bucket(dataset.renewals, n, (r) => clientOf('renewal', r.clientId));
  const usage = bucket(dataset.usage, n, (r) => clientOf('usage', r.clientId));

  // The clients of each partner: the ones it manages (at any time) or has a deal with.
  const links: number[] = [];
  for (const m of dataset.managements)
    links.push(partnerOf('management', m.partnerId), clientOf('management', m.clientId));
  for (const d of dataset.deals)
    links.push(partnerOf(`deal ${d.dealId}`, d.partnerId), clientOf(`deal ${d.dealId}`, d.clientId));
  const pairs = links.length / 2;
  const partnerClients = bucket(
    Array.from({ length: pairs }, (_, k) => links[2 * k + 1]!),
    dataset.partners.length,
    (_c, k) => links[2 * k]!,
  );
  const certifications = new Map<string, CertificationFact[]>();
  for (const c of dataset.certifications) {
    partnerOf('certification', c.partnerId);
    const list = certifications.get(c.partnerId);
    if (list) list.push(c);
    else certifications.set(c.partnerId, [c]);
  }

  const factsFor = (partnerId: string): PartnerFacts | undefined => {
    const p = partnerIndex.get(partnerId);
    if (p === undefined) return undefined;
    const own = Array.from(new Set(slice(partnerClients, p))).sort((a, b) => a - b);
    const facts: {
      clients: ClientRow[];
      changes: MrrChangeFact[];
      deals: DealFact[];
      managements: ManagementFact[];
      renewals: RenewalFact[];
      usage: UsageFact[];
    } = { clients: [], changes: [], deals: [], managements: [], renewals: [], usage: [] };
    for (const c of own) {
      facts.clients.push(dataset.clients[c]!);
      append(facts.changes, changes, c);
      append(facts.deals, deals, c);
      append(facts.managements, managements, c);
      append(facts.renewals, renewals, c);
      append(facts.usage, usage, c);
    }
    return { partnerId, ...facts, certifications: certifications.get(partnerId) ?? [] };
  };
  return { partnerIds: dataset.partners.map((p) => p.partnerId), factsFor };
}

/** Every partner's facts at once (memory: roughly one reference per row per partner that sees it). */
export function groupFactsByPartner(dataset: Dataish): Map<string, PartnerFacts> {
  const index = indexPartnerFacts(dataset);
  const out = new Map<string, PartnerFacts>();
  for (const id of index.partnerIds) out.set(id, index.factsFor(id)!);
  return out;
}

/** One partner's facts at a time, for runs that should not hold them all. */
export function* iteratePartnerFacts(dataset: Dataish): Generator<PartnerFacts> {
  const index = indexPartnerFacts(dataset);
  for (const id of index.partnerIds) yield index.factsFor(id)!;
}

/** Stable counting sort of rows into `groups` buckets. */
function bucket<T>(rows: readonly T[], groups: number, groupOf: (row: T, k: number) => number): Buckets<T> {
  const keys = new Int32Array(rows.length);
  const offsets = new Int32Array(groups + 1);
  for (let k = 0; k < rows.length; k++) {
    const g = groupOf(rows[k]!, k);
    keys[k] = g;
    offsets[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1]! += offsets[g]!;
  const cursor = offsets.slice(0, groups);
  const items = new Array<T>(rows.length);
  for (let k = 0; k < rows.length; k++) items[cursor[keys[k]!]!++] = rows[k]!;
  return { offsets, items };
}

function slice<T>(b: Buckets<T>, g: number): T[] {
  return b.items.slice(b.offsets[g]!, b.offsets[g + 1]!);
}

function append<T>(out: T[], b: Buckets<T>, g: number): void {
  for (let k = b.offsets[g]!; k < b.offsets[g + 1]!; k++) out.push(b.items[k]!);
}
