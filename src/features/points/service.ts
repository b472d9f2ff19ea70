// Use cases of points and tiers: keeping derived state current, and answering from the
// database with the engine (the same code the calculator and the dashboard use).
import { asc, eq } from 'drizzle-orm';
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

export interface RecomputeOptions {
  program: Program;
  partnerIds: readonly string[];
  asOf: string;
}

/** Re-derives partners and rewrites their derived rows, inside the caller's transaction. */
export async function recomputePartners(tx: Tx, options: RecomputeOptions): Promise<{ partners: number }> {
  const ids = [...new Set(options.partnerIds)].sort();
  await lockPartners(tx, ids);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const facts = await loadPartnerFacts(tx, batch);
    const derivations = batch.map((id) => derivePartner(options.program, facts.get(id)!, options.asOf));
    await writeDerivations(tx, batch, derivations);
  }
  return { partners: ids.length };
}

/** Recomputes every partner whose derived state depends on these clients. */
export async function recomputeForClients(
  tx: Tx,
  options: { program: Program; clientIds: readonly string[]; asOf: string; partnerIds?: readonly string[] },
): Promise<{ partners: number }> {
  const affected = await partnersOfClients(tx, options.clientIds);
  return recomputePartners(tx, {
    program: options.program,
    partnerIds: [...affected, ...(options.partnerIds ?? [])],
    asOf: options.asOf,
  });
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
