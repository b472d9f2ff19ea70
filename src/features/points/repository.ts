// SQL of the derived state: loading a batch of partners' facts and rewriting their
// derived rows. Partner ids come first; every query is scoped to them.
import { inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../db/client.ts';
import { rows } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import type {
  CertificationFact,
  ClientFact,
  DealFact,
  ManagementFact,
  MrrChangeFact,
  PartnerFacts,
  RenewalFact,
  UsageFact,
} from '../../domain/facts.ts';
import { formatDecimal, parseDecimal, pointsToNumber, scaledToNumber } from '../../domain/money.ts';
import type { PartnerDerivation } from '../../domain/partner.ts';
import type { TierTarget } from '../../domain/projection.ts';
import { entryStateOn } from '../../domain/sold.ts';

export function toScaled(text: string): number {
  const v = parseDecimal(text);
  if (typeof v !== 'number') throw new Error(`stored numeric ${text}: ${v.error}`);
  return v;
}
const money = (v: number) => formatDecimal(v, 4);
const points = (v: number) => formatDecimal(v, 2);

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

/** Partners whose derived state depends on these clients: their managers and deal holders. */
export async function partnersOfClients(db: Queryable, clientIds: readonly string[]): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const ids = [...clientIds];
  const found = await rows<{ partner_id: string }>(
    db,
    sql`select partner_id from managements where client_id = any(${sql.param(ids)})
        union select partner_id from deals where client_id = any(${sql.param(ids)})`,
  );
  return found.map((r) => r.partner_id);
}

export async function allPartnerIds(db: Queryable): Promise<string[]> {
  const found = await rows<{ partner_id: string }>(
    db,
    sql`select partner_id from partners order by partner_id`,
  );
  return found.map((r) => r.partner_id);
}

/** The engine's facts for a batch of partners, loaded with a handful of queries. */
export async function loadPartnerFacts(
  db: Queryable,
  partnerIds: readonly string[],
): Promise<Map<string, PartnerFacts>> {
  const ids = [...partnerIds];
  const out = new Map<string, PartnerFacts>();
  if (ids.length === 0) return out;
  const links = await rows<{ partner_id: string; client_id: string }>(
    db,
    sql`select partner_id, client_id from managements where partner_id = any(${sql.param(ids)})
        union select partner_id, client_id from deals where partner_id = any(${sql.param(ids)})`,
  );
  const clientIds = [...new Set(links.map((l) => l.client_id))];
  const [clients, changes, deals, managements, certifications, renewals, usage] = await Promise.all([
    db.select().from(s.clients).where(inArray(s.clients.clientId, clientIds)),
    db.select().from(s.mrrChanges).where(inArray(s.mrrChanges.clientId, clientIds)),
    db.select().from(s.deals).where(inArray(s.deals.clientId, clientIds)),
    db.select().from(s.managements).where(inArray(s.managements.clientId, clientIds)),
    db.select().from(s.certifications).where(inArray(s.certifications.partnerId, ids)),
    db.select().from(s.renewals).where(inArray(s.renewals.clientId, clientIds)),
    db.select().from(s.usage).where(inArray(s.usage.clientId, clientIds)),
  ]);
  const byClient = {
    clients: group(
      clients.map(
        (c): ClientFact => ({ clientId: c.clientId, name: c.name, country: c.country, currency: c.currency }),
      ),
      (c) => c.clientId,
    ),
    changes: group(
      changes.map(
        (c): MrrChangeFact => ({
          changeId: c.changeId,
          clientId: c.clientId,
          product: c.product,
          date: c.date,
          mrrAfter: toScaled(c.mrrAfter),
          dealId: c.dealId,
          reason: c.reason as MrrChangeFact['reason'],
        }),
      ),
      (c) => c.clientId,
    ),
    deals: group(
      deals.map(
        (d): DealFact => ({
          dealId: d.dealId,
          partnerId: d.partnerId,
          clientId: d.clientId,
          type: d.type as DealFact['type'],
          stage: d.stage as DealFact['stage'],
          createdOn: d.createdOn,
          closedOn: d.closedOn,
          amount: toScaled(d.amount),
          currency: d.currency,
        }),
      ),
      (d) => d.clientId,
    ),
    managements: group(
      managements.map(
        (m): ManagementFact => ({
          partnerId: m.partnerId,
          clientId: m.clientId,
          startDate: m.startDate,
          endDate: m.endDate,
        }),
      ),
      (m) => m.clientId,
    ),
    renewals: group(
      renewals.map(
        (r): RenewalFact => ({
          clientId: r.clientId,
          product: r.product,
          renewalDate: r.renewalDate,
          status: r.status as RenewalFact['status'],
        }),
      ),
      (r) => r.clientId,
    ),
    usage: group(
      usage.map(
        (u): UsageFact => ({
          clientId: u.clientId,
          month: u.month,
          toolsUsed: u.toolsUsed,
          engagementScore: u.engagementScore,
        }),
      ),
      (u) => u.clientId,
    ),
  };
  const certsByPartner = group(
    certifications.map(
      (c): CertificationFact => ({
        partnerId: c.partnerId,
        name: c.name,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
      }),
    ),
    (c) => c.partnerId,
  );
  const clientsByPartner = group(links, (l) => l.partner_id);
  for (const partnerId of ids) {
    const mine = [...new Set((clientsByPartner.get(partnerId) ?? []).map((l) => l.client_id))];
    const pick = <T>(m: Map<string, T[]>) => mine.flatMap((id) => m.get(id) ?? []);
    out.set(partnerId, {
      partnerId,
      clients: pick(byClient.clients),
      changes: pick(byClient.changes),
      deals: pick(byClient.deals),
      managements: pick(byClient.managements),
      certifications: certsByPartner.get(partnerId) ?? [],
      renewals: pick(byClient.renewals),
      usage: pick(byClient.usage),
    });
  }
  return out;
}

const pts = pointsToNumber;
const amount = scaledToNumber;

/** The dashboard's precomputed figures, in JSON numbers (points 2 decimals, money at 4). */
export function summaryJson(d: PartnerDerivation) {
  const m = d.metrics;
  const target = (t: TierTarget | null) =>
    t && {
      tierId: t.tierId,
      tierName: t.tierName,
      met: t.met,
      missing: {
        total: pts(t.missing.total),
        seller: pts(t.missing.seller),
        managed: pts(t.missing.managed),
      },
    };
  return {
    metrics: {
      currency: m.currency,
      sourcedDollars12m: amount(m.sourcedDollars12m),
      sourcedMrrRolling12m: amount(m.sourcedMrrRolling12m),
      customerDollarRetention12m:
        m.customerDollarRetention12m === null ? null : amount(m.customerDollarRetention12m),
      revenueRetentionAnnualized:
        m.revenueRetentionAnnualized === null ? null : Number(m.revenueRetentionAnnualized),
      medianToolUsage: d.medianToolUsage && {
        month: d.medianToolUsage.month,
        median: amount(d.medianToolUsage.median),
      },
    },
    insights: {
      keep: target(d.insights.keep),
      next: target(d.insights.next),
      expirations: d.insights.expirations.map((e) => ({
        monthEnd: e.monthEnd,
        sourced: pts(e.sourced),
        assisted: pts(e.assisted),
        total: pts(e.total),
      })),
      projection: d.insights.projection.map((p) => ({
        date: p.date,
        sourced: pts(p.sourced),
        assisted: pts(p.assisted),
        sold: pts(p.sold),
        managed: pts(p.managed),
        total: pts(p.total),
        tier: p.tier,
      })),
    },
  };
}

const DERIVED_TABLES = [
  s.soldEntries,
  s.pointLosses,
  s.partnerSnapshots,
  s.tierHistory,
  s.partnerState,
] as const;

async function insertChunked(tx: Tx, table: PgTable, values: Record<string, unknown>[]): Promise<void> {
  // Stay well under PostgreSQL's 65,535 bind parameters per statement.
  const columns = values[0] ? Object.keys(values[0]).length : 1;
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < values.length; i += size) {
    await tx.insert(table).values(values.slice(i, i + size) as never);
  }
}

/** Replaces the derived rows of the partners in `derivations` (and clears partners without facts). */
export async function writeDerivations(
  tx: Tx,
  partnerIds: readonly string[],
  derivations: readonly PartnerDerivation[],
) {
  const ids = [...partnerIds];
  for (const table of DERIVED_TABLES) {
    await tx.delete(table).where(inArray((table as typeof s.partnerState).partnerId, ids));
  }
  const entries: (typeof s.soldEntries.$inferInsert)[] = [];
  const losses: (typeof s.pointLosses.$inferInsert)[] = [];
  const snapshots: (typeof s.partnerSnapshots.$inferInsert)[] = [];
  const history: (typeof s.tierHistory.$inferInsert)[] = [];
  const states: (typeof s.partnerState.$inferInsert)[] = [];
  for (const d of derivations) {
    const partnerId = d.ledger.partnerId;
    for (const e of d.ledger.entries) {
      const now = entryStateOn(e, d.asOf);
      entries.push({
        partnerId,
        entryId: e.entryId,
        clientId: e.clientId,
        product: e.product,
        changeId: e.changeId,
        dealId: e.dealId,
        creditedVia: e.creditedVia,
        dealType: e.dealType,
        kind: e.kind,
        delta: money(e.delta),
        points: points(e.points),
        remainingBacking: money(now.backing),
        remainingPoints: points(now.points),
        earnedOn: e.earnedOn,
        expiresOn: e.expiresOn,
        originDate: e.originDate,
        explanation: e.explanation,
      });
    }
    for (const l of d.ledger.losses) {
      losses.push({
        partnerId,
        entryId: l.entryId,
        changeId: l.changeId,
        clientId: l.clientId,
        product: l.product,
        date: l.date,
        kind: l.kind,
        dealType: l.dealType,
        points: points(l.points),
        backing: money(l.backing),
      });
    }
    const snap = (p: PartnerDerivation['snapshots'][number]) => ({
      sourced: points(p.sourced),
      assisted: points(p.assisted),
      sold: points(p.sold),
      managed: points(p.managed),
      total: points(p.total),
      certified: p.certified,
      performance: p.tier,
      credited: p.credited,
    });
    for (const p of d.snapshots) snapshots.push({ partnerId, monthEnd: p.date, ...snap(p) });
    for (const h of d.tierHistory) {
      history.push({
        partnerId,
        date: h.date,
        fromTier: h.from,
        toTier: h.to,
        reason: h.reason,
        performance: h.performance,
      });
    }
    states.push({ partnerId, asOf: d.asOf, ...snap(d.current), ...summaryJson(d) });
  }
  await insertChunked(tx, s.soldEntries, entries);
  await insertChunked(tx, s.pointLosses, losses);
  await insertChunked(tx, s.partnerSnapshots, snapshots);
  await insertChunked(tx, s.tierHistory, history);
  await insertChunked(tx, s.partnerState, states);
}
