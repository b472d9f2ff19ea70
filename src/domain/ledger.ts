// One partner's ledger: its sold entries and losses (derived per product line), the MRR
// levels of the lines it touches, managements and certifications, and the points on any
// date (PROGRAM_RULES §3.5, §4).
import type { IsoDate } from './dates.ts';
import {
  type CertificationFact,
  type ClientFact,
  compareCodePoints,
  type DealFact,
  type ManagementFact,
  type MrrChangeFact,
  type PartnerFacts,
  type RenewalFact,
  type UsageFact,
} from './facts.ts';
import type { Points, Scaled } from './money.ts';
import { type Program, ruleSetOn } from './program.ts';
import {
  deriveLine,
  entryStateOn,
  isActive,
  type LineOutput,
  type LineSeries,
  lineMrrOn,
  lineScratch,
  type PointLoss,
  type SoldEntry,
} from './sold.ts';
import { EngineError, managedPointsFor } from './units.ts';

export interface Ledger {
  partnerId: string;
  program: Program;
  clients: ReadonlyMap<string, ClientFact>;
  /** Every line of the facts' clients, grouped by client. */
  linesByClient: ReadonlyMap<string, readonly LineSeries[]>;
  /** The partner's own sold entries, by earnedOn then creation. */
  entries: readonly SoldEntry[];
  /** The partner's own losses to decreases, by date. */
  losses: readonly PointLoss[];
  /** All managements of the facts' clients (every partner's), by client. */
  managementsByClient: ReadonlyMap<string, readonly ManagementFact[]>;
  /** The clients this partner has ever managed. */
  managedClientIds: readonly string[];
  certifications: readonly CertificationFact[];
  deals: ReadonlyMap<string, DealFact>;
  renewals: readonly RenewalFact[];
  usage: readonly UsageFact[];
}

export interface PointsSummary {
  sourced: Points;
  assisted: Points;
  sold: Points;
  managed: Points;
  total: Points;
}

function compareChanges(a: MrrChangeFact, b: MrrChangeFact): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return compareCodePoints(a.changeId, b.changeId);
}

function isSorted(list: readonly MrrChangeFact[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareChanges(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** Derives a partner's ledger from its facts. Facts may come in any order. */
export function deriveLedger(program: Program, facts: PartnerFacts): Ledger {
  const clients = new Map<string, ClientFact>();
  for (const c of facts.clients) clients.set(c.clientId, c);
  const deals = new Map<string, DealFact>();
  for (const d of facts.deals) deals.set(d.dealId, d);

  // Changes grouped by client, then product: no key string per change to build and hash,
  // and a client's few products found by a scan rather than a map per client. Facts usually
  // come client by client, so the previous change's client is checked first. `lineLists`
  // keeps the lines in order of first appearance, the order they are derived in.
  const changesByClient = new Map<string, MrrChangeFact[][]>();
  const lineLists: MrrChangeFact[][] = [];
  let lastClient: string | undefined;
  let clientLines: MrrChangeFact[][] = [];
  for (const ch of facts.changes) {
    if (ch.clientId !== lastClient) {
      lastClient = ch.clientId;
      let lines = changesByClient.get(lastClient);
      if (!lines) changesByClient.set(lastClient, (lines = []));
      clientLines = lines;
    }
    let list: MrrChangeFact[] | undefined;
    for (const l of clientLines) {
      if (l[0]!.product === ch.product) {
        list = l;
        break;
      }
    }
    if (!list) {
      clientLines.push((list = []));
      lineLists.push(list);
    }
    list.push(ch);
  }

  const linesByClient = new Map<string, LineSeries[]>();
  const entries: SoldEntry[] = [];
  const losses: PointLoss[] = [];
  const out: LineOutput = { partnerId: facts.partnerId, entries, losses, scratch: lineScratch() };
  for (const list of lineLists) {
    if (!isSorted(list)) list.sort(compareChanges);
    const clientId = list[0]!.clientId;
    const client = clients.get(clientId);
    if (!client)
      throw new EngineError(
        `MRR change ${list[0]!.changeId} names client ${clientId}, which is not in the facts`,
      );
    const series = deriveLine(program, client, list, deals, out);
    let lines = linesByClient.get(clientId);
    if (!lines) linesByClient.set(clientId, (lines = []));
    lines.push(series);
  }
  entries.sort(
    (a, b) =>
      (a.earnedOn < b.earnedOn ? -1 : a.earnedOn > b.earnedOn ? 1 : 0) ||
      compareCodePoints(a.clientId, b.clientId) ||
      compareCodePoints(a.product, b.product) ||
      a.seq - b.seq,
  );
  losses.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      compareCodePoints(a.changeId, b.changeId) ||
      compareCodePoints(a.entryId, b.entryId),
  );

  const managementsByClient = new Map<string, ManagementFact[]>();
  const managed = new Set<string>();
  for (const m of facts.managements) {
    let list = managementsByClient.get(m.clientId);
    if (!list) managementsByClient.set(m.clientId, (list = []));
    list.push(m);
    if (m.partnerId === facts.partnerId) managed.add(m.clientId);
  }

  return {
    partnerId: facts.partnerId,
    program,
    clients,
    linesByClient,
    entries,
    losses,
    managementsByClient,
    managedClientIds: [...managed].sort(compareCodePoints),
    certifications: facts.certifications.filter((c) => c.partnerId === facts.partnerId),
    deals,
    renewals: facts.renewals ?? [],
    usage: facts.usage ?? [],
  };
}

export function isManagingOn(m: ManagementFact, date: IsoDate): boolean {
  return m.startDate <= date && (!m.endDate || date < m.endDate);
}

/** The distinct partners managing a client on a date. */
export function managersOn(ledger: Ledger, clientId: string, date: IsoDate): string[] {
  const ids = new Set<string>();
  for (const m of ledger.managementsByClient.get(clientId) ?? [])
    if (isManagingOn(m, date)) ids.add(m.partnerId);
  return [...ids].sort(compareCodePoints);
}

/**
 * How many distinct partners manage a client on a date, or 0 when `partnerId` is not one
 * of them. Allocation-free: it runs for every managed client at every evaluated date.
 */
export function managerCount(ledger: Ledger, clientId: string, date: IsoDate, partnerId: string): number {
  const list = ledger.managementsByClient.get(clientId);
  if (!list) return 0;
  let count = 0;
  let includes = false;
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    if (!isManagingOn(m, date)) continue;
    let seen = false;
    for (let j = 0; j < i; j++) {
      const o = list[j]!;
      if (o.partnerId === m.partnerId && isManagingOn(o, date)) {
        seen = true;
        break;
      }
    }
    if (seen) continue;
    count++;
    if (m.partnerId === partnerId) includes = true;
  }
  return includes ? count : 0;
}

export function clientMrrOn(ledger: Ledger, clientId: string, date: IsoDate): Scaled {
  let sum = 0;
  for (const line of ledger.linesByClient.get(clientId) ?? []) sum += lineMrrOn(line, date);
  return sum;
}

export interface ManagedClientPoints {
  clientId: string;
  mrr: Scaled;
  managers: number;
  points: Points;
}

/** managed(P, C, D) for every client the partner manages on D with MRR > 0 (§4). */
export function managedOn(ledger: Ledger, date: IsoDate): ManagedClientPoints[] {
  const out: ManagedClientPoints[] = [];
  forEachManaged(ledger, date, (clientId, mrr, managers, points) => {
    out.push({ clientId, mrr, managers, points });
  });
  return out;
}

/** managed(P, D): the sum over clients, without building the per-client list. */
export function managedTotalOn(ledger: Ledger, date: IsoDate): Points {
  let total = 0;
  forEachManaged(ledger, date, (_c, _m, _n, points) => {
    total += points;
  });
  return total;
}

function forEachManaged(
  ledger: Ledger,
  date: IsoDate,
  visit: (clientId: string, mrr: Scaled, managers: number, points: Points) => void,
): void {
  const ruleSet = ruleSetOn(ledger.program, date);
  for (const clientId of ledger.managedClientIds) {
    const managers = managerCount(ledger, clientId, date, ledger.partnerId);
    if (managers === 0) continue;
    const mrr = clientMrrOn(ledger, clientId, date);
    if (mrr <= 0) continue;
    const client = ledger.clients.get(clientId);
    if (!client) throw new EngineError(`management names client ${clientId}, which is not in the facts`);
    visit(
      clientId,
      mrr,
      managers,
      managedPointsFor({ mrr, currency: client.currency, country: client.country, ruleSet, managers }),
    );
  }
}

/** Remaining points of the partner's active entries on a date, by deal type (§3.5). */
export function soldOn(ledger: Ledger, date: IsoDate): { sourced: Points; assisted: Points } {
  let sourced = 0;
  let assisted = 0;
  for (const e of ledger.entries) {
    if (e.earnedOn > date) break;
    if (!isActive(e, date)) continue;
    const { points } = entryStateOn(e, date);
    if (e.dealType === 'sourced') sourced += points;
    else assisted += points;
  }
  return { sourced, assisted };
}

export function pointsOn(ledger: Ledger, date: IsoDate): PointsSummary {
  const { sourced, assisted } = soldOn(ledger, date);
  const managed = managedTotalOn(ledger, date);
  const sold = sourced + assisted;
  return { sourced, assisted, sold, managed, total: sold + managed };
}

/** The earliest date with a fact of the partner's own (an entry or a management), if any. */
export function firstActivity(ledger: Ledger): IsoDate | undefined {
  let first = ledger.entries[0]?.earnedOn;
  for (const clientId of ledger.managedClientIds) {
    for (const m of ledger.managementsByClient.get(clientId) ?? []) {
      if (m.partnerId === ledger.partnerId && (first === undefined || m.startDate < first))
        first = m.startDate;
    }
  }
  return first;
}
