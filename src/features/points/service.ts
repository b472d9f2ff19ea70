// Use cases of points and tiers: keeping derived state current, and answering from the
// database with the engine (the same code the calculator and the dashboard use).
import { asc, eq, inArray } from 'drizzle-orm';
import { type Db, lockPartners, type Queryable, type Tx } from '../../db/client.ts';
import { partnerState, partners } from '../../db/schema.ts';
import { type ChangeTotals, pointChanges } from '../../domain/changes.ts';
import { deriveLedger, pointsOn } from '../../domain/ledger.ts';
import { pointsToNumber } from '../../domain/money.ts';
import { derivePartner } from '../../domain/partner.ts';
import type { Program } from '../../domain/program.ts';
import { creditedOn, creditedTierHistory, performanceOn } from '../../domain/tiers.ts';
import { allPartnerIds, loadPartnerFacts, partnersOfClients, writeDerivations } from './repository.ts';

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

// Partners derived and written per round trip: bounds memory on a first import of everything.
const BATCH = 50;

/** A partner's points and tiers in partner_state: what change notifications compare. */
export interface PartnerStanding {
  sold: number;
  managed: number;
  total: number;
  performance: string | null;
  credited: string | null;
}

/** A partner whose standing a recompute changed; `before` is null when it had no derived state. */
export interface StandingChange {
  partnerId: string;
  asOf: string;
  before: PartnerStanding | null;
  after: PartnerStanding;
}

export interface RecomputeOptions {
  program: Program;
  partnerIds: readonly string[];
  asOf: string;
  /**
   * Told, in the same transaction, which partners' standing changed (e.g. to enqueue
   * webhook events with the change that caused them). Costs one read of partner_state.
   */
  onChanged?: (changes: StandingChange[]) => Promise<void>;
}

function sameStanding(a: PartnerStanding, b: PartnerStanding): boolean {
  return (
    a.sold === b.sold &&
    a.managed === b.managed &&
    a.total === b.total &&
    a.performance === b.performance &&
    a.credited === b.credited
  );
}

async function standings(tx: Tx, partnerIds: string[]): Promise<Map<string, PartnerStanding>> {
  const found = await tx
    .select({
      partnerId: partnerState.partnerId,
      sold: partnerState.sold,
      managed: partnerState.managed,
      total: partnerState.total,
      performance: partnerState.performance,
      credited: partnerState.credited,
    })
    .from(partnerState)
    .where(inArray(partnerState.partnerId, partnerIds));
  return new Map(
    found.map((r) => [
      r.partnerId,
      {
        sold: Number(r.sold),
        managed: Number(r.managed),
        total: Number(r.total),
        performance: r.performance,
        credited: r.credited,
      },
    ]),
  );
}

/** Re-derives partners and rewrites their derived rows, inside the caller's transaction. */
export async function recomputePartners(tx: Tx, options: RecomputeOptions): Promise<{ partners: number }> {
  const ids = [...new Set(options.partnerIds)].sort();
  await lockPartners(tx, ids);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const facts = await loadPartnerFacts(tx, batch);
    const derivations = batch.map((id) => derivePartner(options.program, facts.get(id)!, options.asOf));
    const before = options.onChanged ? await standings(tx, batch) : null;
    await writeDerivations(tx, batch, derivations);
    if (before && options.onChanged) {
      const changes: StandingChange[] = [];
      for (const d of derivations) {
        const c = d.current;
        const after: PartnerStanding = {
          sold: pointsToNumber(c.sold),
          managed: pointsToNumber(c.managed),
          total: pointsToNumber(c.total),
          performance: c.tier,
          credited: c.credited,
        };
        const old = before.get(d.ledger.partnerId) ?? null;
        if (old ? !sameStanding(old, after) : after.total !== 0 || after.credited !== null)
          changes.push({ partnerId: d.ledger.partnerId, asOf: options.asOf, before: old, after });
      }
      if (changes.length > 0) await options.onChanged(changes);
    }
  }
  return { partners: ids.length };
}

/** Recomputes every partner whose derived state depends on these clients. */
export async function recomputeForClients(
  tx: Tx,
  options: Omit<RecomputeOptions, 'partnerIds'> & {
    clientIds: readonly string[];
    partnerIds?: readonly string[];
  },
): Promise<{ partners: number }> {
  const { clientIds, partnerIds, ...rest } = options;
  const affected = await partnersOfClients(tx, clientIds);
  return recomputePartners(tx, { ...rest, partnerIds: [...affected, ...(partnerIds ?? [])] });
}

/** `tierwise rebuild`: every partner's derived rows from its facts. */
export async function rebuildAll(
  db: Db,
  options: { program: Program; asOf: string },
): Promise<{ partners: number }> {
  return db.transaction(async (tx) => {
    const ids = await allPartnerIds(tx);
    return recomputePartners(tx, { ...options, partnerIds: ids });
  });
}

async function partnerFacts(db: Queryable, partnerId: string) {
  const [partner] = await db
    .select({ id: partners.partnerId })
    .from(partners)
    .where(eq(partners.partnerId, partnerId));
  if (!partner) throw new NotFoundError(`partner ${partnerId} does not exist`);
  return (await loadPartnerFacts(db, [partnerId])).get(partnerId)!;
}

/** `tierwise points P --on D`: points and tiers of a partner on a date. */
export async function getPartnerPoints(db: Queryable, program: Program, partnerId: string, on: string) {
  const ledger = deriveLedger(program, await partnerFacts(db, partnerId));
  const p = pointsOn(ledger, on);
  const history = creditedTierHistory(ledger, on);
  return {
    partnerId,
    on,
    sourced: pointsToNumber(p.sourced),
    assisted: pointsToNumber(p.assisted),
    sold: pointsToNumber(p.sold),
    managed: pointsToNumber(p.managed),
    total: pointsToNumber(p.total),
    performance: performanceOn(ledger, on).tier,
    credited: creditedOn(history, on),
  };
}

/** `tierwise changes P --from A --to B`: point changes over a range (rules §6). */
export async function getPartnerChanges(
  db: Queryable,
  program: Program,
  partnerId: string,
  from: string,
  to: string,
) {
  const ledger = deriveLedger(program, await partnerFacts(db, partnerId));
  const changes = pointChanges(ledger, from, to);
  const totals = Object.fromEntries(
    Object.entries(changes.totals).map(([k, v]) => [k, pointsToNumber(v)]),
  ) as Record<keyof ChangeTotals, number>;
  return { partnerId, from, to, ...totals };
}

/** `tierwise partners`: every partner with its current total and tiers (from derived state). */
export async function listPartners(db: Queryable) {
  const found = await db
    .select({
      partnerId: partners.partnerId,
      name: partners.name,
      country: partners.country,
      total: partnerState.total,
      performance: partnerState.performance,
      credited: partnerState.credited,
    })
    .from(partners)
    .leftJoin(partnerState, eq(partnerState.partnerId, partners.partnerId))
    .orderBy(asc(partners.partnerId));
  return found.map((r) => ({
    partnerId: r.partnerId,
    name: r.name,
    country: r.country,
    total: r.total === null ? 0 : Number(r.total),
    performance: r.performance,
    credited: r.credited,
  }));
}
