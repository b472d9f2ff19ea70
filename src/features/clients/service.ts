// Use cases of the clients table and the client panel. Every client route first checks
// that the client is the partner's (managed now or before, or a deal with it): any other
// id answers 404 exactly like one that does not exist.
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { addDays, daysBetween, type IsoDate, monthOf } from '../../domain/dates.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import { engagementBand, toBase } from '../../domain/metrics.ts';
import { type Money, money, pointsOf, pts, scaledOf } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { type ClientRef, clientFigures } from './figures.ts';
import { currentClients, isPartnerClient, latestUsage, type UsageRow, usageHistory } from './repository.ts';
import type { ClientListQuery, ClientPoints, ClientRow, Relationship } from './schemas.ts';

export function clientNotFound(): AppError {
  return new AppError('not_found', 'No such client');
}

export async function requirePartnerClient(
  db: Queryable,
  partnerId: string,
  clientId: string,
): Promise<void> {
  if (!(await isPartnerClient(db, partnerId, clientId))) throw clientNotFound();
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function usageJson(u: UsageRow | undefined) {
  return u
    ? {
        month: u.month,
        toolsUsed: u.toolsUsed,
        engagementScore: u.engagementScore,
        productsUsed: u.productsUsed ?? [],
        appsUsed: u.appsUsed ?? [],
        lastActiveUser: u.lastActiveUser,
        lastActiveOn: u.lastActiveOn,
      }
    : null;
}

function relationshipOf(r: { managed: boolean; sold: boolean }): Relationship {
  return r.managed && r.sold ? 'both' : r.managed ? 'managed' : 'sold';
}

type SortKey = ClientListQuery['sort'];
/** Keys known before per-client figures: the page can be cut first, and figures computed for it alone. */
const CHEAP_SORTS = new Set<SortKey>(['client', 'relationship', 'soldPoints']);

function sortValue(row: ClientRow, sort: SortKey, mrrBase: number): string | number {
  switch (sort) {
    case 'client':
      return row.name;
    case 'relationship':
      return row.relationship;
    case 'products':
      return row.products.length;
    case 'usage':
      return row.usage?.toolsUsed ?? -1;
    case 'mrr':
      return mrrBase;
    case 'soldPoints':
      return row.points.sold;
    case 'managedPoints':
      return row.points.managed;
    case 'totalPoints':
      return row.points.total;
  }
}

function compareRows(sort: SortKey, dir: 'asc' | 'desc', base: Map<string, number>) {
  const sign = dir === 'asc' ? 1 : -1;
  return (a: ClientRow, b: ClientRow) => {
    const va = sortValue(a, sort, base.get(a.clientId) ?? 0);
    const vb = sortValue(b, sort, base.get(b.clientId) ?? 0);
    const c = typeof va === 'string' ? collator.compare(va, vb as string) : va - (vb as number);
    return sign * c || collator.compare(a.name, b.name) || compareCodePoints(a.clientId, b.clientId);
  };
}

/** The clients table: the partner's clients on the day, filtered, sorted and paginated on the server. */
export async function listClients(db: Queryable, partnerId: string, on: IsoDate, query: ClientListQuery) {
  const program = await currentProgram(db);
  const found = await currentClients(db, partnerId, on, { q: query.q });
  const matching = query.relationship ? found.filter((r) => relationshipOf(r) === query.relationship) : found;
  const soldOf = new Map<string, number>();
  const rows: ClientRow[] = matching.map((r) => {
    const sourced = pointsOf(r.sourced);
    const assisted = pointsOf(r.assisted);
    soldOf.set(r.clientId, sourced + assisted);
    return {
      clientId: r.clientId,
      name: r.name,
      country: r.country,
      currency: r.currency,
      relationship: relationshipOf(r),
      products: [],
      usage: null,
      mrr: money(0, r.currency),
      mrrBase: money(0, program.baseCurrency),
      managers: 0,
      points: {
        sourced: pts(sourced),
        assisted: pts(assisted),
        sold: pts(sourced + assisted),
        managed: 0,
        total: pts(sourced + assisted),
      },
      accountUrl: r.accountUrl,
      crmUrl: r.crmUrl,
    };
  });
  // MRR, lines, managers and managed points: for the page alone when the sort key does not
  // need them, else for every row. Usage: for the page alone unless the sort is by usage
  // (a large partner's usage months are the most expensive part to read).
  const fillFigures = async (subset: ClientRow[]) => {
    const refs = subset.map((r) => ({ clientId: r.clientId, country: r.country, currency: r.currency }));
    const figures = await clientFigures(db, program, partnerId, on, refs);
    const base = new Map<string, number>();
    for (const row of subset) {
      const f = figures.get(row.clientId)!;
      const sold = soldOf.get(row.clientId) ?? 0;
      row.products = f.lines.map((l) => l.product);
      row.mrr = money(f.mrr, row.currency);
      row.mrrBase = money(f.mrrBase, program.baseCurrency);
      row.managers = f.managers;
      row.points.managed = pts(f.managed);
      row.points.total = pts(sold + f.managed);
      base.set(row.clientId, f.mrrBase);
    }
    return base;
  };
  const fillUsage = async (subset: ClientRow[]) => {
    const usage = await latestUsage(
      db,
      subset.map((r) => r.clientId),
      monthOf(on),
    );
    const usageBy = new Map(usage.map((u) => [u.clientId, u]));
    for (const row of subset) row.usage = usageJson(usageBy.get(row.clientId));
  };
  const start = (query.page - 1) * query.pageSize;
  let page: ClientRow[];
  if (CHEAP_SORTS.has(query.sort)) {
    rows.sort(compareRows(query.sort, query.dir, new Map()));
    page = rows.slice(start, start + query.pageSize);
    await Promise.all([fillFigures(page), fillUsage(page)]);
  } else if (query.sort === 'usage') {
    await fillUsage(rows);
    rows.sort(compareRows(query.sort, query.dir, new Map()));
    page = rows.slice(start, start + query.pageSize);
    await fillFigures(page);
  } else {
    const base = await fillFigures(rows);
    rows.sort(compareRows(query.sort, query.dir, base));
    page = rows.slice(start, start + query.pageSize);
    await fillUsage(page);
  }
  return { on, page: query.page, pageSize: query.pageSize, total: rows.length, items: page };
}

export interface ClientSummary {
  /** On the day; null when the client is no longer attributed to the partner. */
  relationship: Relationship | null;
  mrr: Money;
  mrrBase: Money;
  points: ClientPoints;
}

/**
 * The clients table's relationship, MRR and points of some of the partner's clients on the
 * day (e.g. a list's members), read the way the table reads them; a former client has no
 * relationship and only the managed points it still earns (none).
 */
export async function clientSummaries(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
  clients: readonly ClientRef[],
): Promise<Map<string, ClientSummary>> {
  const out = new Map<string, ClientSummary>();
  if (clients.length === 0) return out;
  const program = await currentProgram(db);
  const [current, figures] = await Promise.all([
    currentClients(db, partnerId, on, { clientIds: clients.map((c) => c.clientId) }),
    clientFigures(db, program, partnerId, on, clients),
  ]);
  const currentBy = new Map(current.map((r) => [r.clientId, r]));
  for (const c of clients) {
    const r = currentBy.get(c.clientId);
    const f = figures.get(c.clientId)!;
    const sourced = r ? pointsOf(r.sourced) : 0;
    const assisted = r ? pointsOf(r.assisted) : 0;
    out.set(c.clientId, {
      relationship: r ? relationshipOf(r) : null,
      mrr: money(f.mrr, c.currency),
      mrrBase: money(f.mrrBase, program.baseCurrency),
      points: {
        sourced: pts(sourced),
        assisted: pts(assisted),
        sold: pts(sourced + assisted),
        managed: pts(f.managed),
        total: pts(sourced + assisted + f.managed),
      },
    });
  }
  return out;
}

async function clientChanges(db: Queryable, clientId: string) {
  const changes = await db
    .select({
      changeId: s.mrrChanges.changeId,
      product: s.mrrChanges.product,
      date: s.mrrChanges.date,
      mrrAfter: s.mrrChanges.mrrAfter,
    })
    .from(s.mrrChanges)
    .where(eq(s.mrrChanges.clientId, clientId));
  return changes.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : compareCodePoints(a.changeId, b.changeId),
  );
}

/** Each product line on the day: MRR, the date it last rose from zero, its last change. */
function subscriptionsOn(changes: Awaited<ReturnType<typeof clientChanges>>, on: IsoDate) {
  const lines = new Map<string, { mrr: number; since: IsoDate; lastChangedOn: IsoDate }>();
  for (const c of changes) {
    if (c.date > on) break;
    const line = lines.get(c.product) ?? { mrr: 0, since: c.date, lastChangedOn: c.date };
    const after = scaledOf(c.mrrAfter);
    if (line.mrr === 0 && after > 0) line.since = c.date;
    line.mrr = after;
    line.lastChangedOn = c.date;
    lines.set(c.product, line);
  }
  return [...lines.entries()]
    .filter(([, l]) => l.mrr > 0)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([product, l]) => ({ product, ...l }));
}

async function clientRow(db: Queryable, clientId: string) {
  const [client] = await db.select().from(s.clients).where(eq(s.clients.clientId, clientId));
  if (!client) throw clientNotFound();
  return client;
}

/** The client panel's "Client info" tab. */
export async function getClient(db: Queryable, partnerId: string, clientId: string, on: IsoDate) {
  await requirePartnerClient(db, partnerId, clientId);
  const program = await currentProgram(db);
  const [client, changes, managements, [current]] = await Promise.all([
    clientRow(db, clientId),
    clientChanges(db, clientId),
    db
      .select({ startDate: s.managements.startDate, endDate: s.managements.endDate })
      .from(s.managements)
      .where(and(eq(s.managements.partnerId, partnerId), eq(s.managements.clientId, clientId)))
      .orderBy(asc(s.managements.startDate)),
    currentClients(db, partnerId, on, { clientIds: [clientId] }),
  ]);
  const subscriptions = subscriptionsOn(changes, on);
  const mrr = subscriptions.reduce((sum, l) => sum + l.mrr, 0);
  return {
    on,
    client: {
      clientId: client.clientId,
      name: client.name,
      country: client.country,
      currency: client.currency,
      domain: client.domain,
      industry: client.industry,
      employees: client.employees,
      contactTier: client.contactTier,
      emailTier: client.emailTier,
      accountUrl: client.accountUrl,
      crmUrl: client.crmUrl,
    },
    relationship: current
      ? current.managed && current.sold
        ? 'both'
        : current.managed
          ? 'managed'
          : 'sold'
      : null,
    managedByPartner: current?.managed ?? false,
    managements,
    subscriptions: subscriptions.map((l) => ({
      product: l.product,
      mrr: money(l.mrr, client.currency),
      since: l.since,
      lastChangedOn: l.lastChangedOn,
    })),
    mrr: money(mrr, client.currency),
    mrrBase: money(toBase(program, on, new Map([[client.currency, mrr]])), program.baseCurrency),
  } as const;
}

/** The "Renewals" tab: every renewal of the client from the day on, with current and renewal subscription. */
export async function getClientRenewals(db: Queryable, partnerId: string, clientId: string, on: IsoDate) {
  await requirePartnerClient(db, partnerId, clientId);
  const program = await currentProgram(db);
  const [client, changes, renewals] = await Promise.all([
    clientRow(db, clientId),
    clientChanges(db, clientId),
    db.select().from(s.renewals).where(eq(s.renewals.clientId, clientId)),
  ]);
  const lineMrr = new Map(subscriptionsOn(changes, on).map((l) => [l.product, l.mrr]));
  const lead = program.renewals.decisionLeadDays;
  const rows = renewals
    .filter((r) => r.renewalDate >= on)
    .sort((a, b) =>
      a.renewalDate < b.renewalDate
        ? -1
        : a.renewalDate > b.renewalDate
          ? 1
          : compareCodePoints(a.product, b.product),
    )
    .map((r) => {
      const current = lineMrr.get(r.product) ?? 0;
      const change = r.projectedMrrChange === null ? null : scaledOf(r.projectedMrrChange);
      return {
        product: r.product,
        renewalDate: r.renewalDate,
        status: r.status as 'pending' | 'confirmed' | 'renewed' | 'cancellation_requested',
        communicationOwner: r.communicationOwner,
        renewalManager: r.renewalManager,
        currentMrr: money(current, client.currency),
        projectedMrrChange: change === null ? null : money(change, client.currency),
        renewalMrr: money(current + (change ?? 0), client.currency),
        daysToRenewal: daysBetween(on, r.renewalDate),
        decisionDeadline: addDays(r.renewalDate, -lead),
        awaitingDecision: r.status === 'pending' || r.status === 'cancellation_requested',
      };
    });
  return { on, renewals: rows };
}

/** The "Portal usage" tab: products and apps used, the latest month and the history. */
export async function getClientUsage(db: Queryable, partnerId: string, clientId: string) {
  await requirePartnerClient(db, partnerId, clientId);
  const history = (await usageHistory(db, clientId, 24)).map((u) => usageJson(u)!);
  return { latest: history[0] ?? null, history };
}

/** The "Platform engagement" tab: the latest score and its band, and the scores before it. */
export async function getClientEngagement(db: Queryable, partnerId: string, clientId: string) {
  await requirePartnerClient(db, partnerId, clientId);
  const scored = (await usageHistory(db, clientId, 24)).filter((u) => u.engagementScore !== null);
  const history = scored.map((u) => ({
    month: u.month,
    score: u.engagementScore!,
    band: engagementBand(u.engagementScore!),
  }));
  const latest = history[0];
  return {
    month: latest?.month ?? null,
    score: latest?.score ?? null,
    band: latest?.band ?? null,
    history,
  };
}
