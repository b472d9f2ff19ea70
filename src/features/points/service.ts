// Use cases of points and tiers: keeping derived state current, and answering from the
// database with the engine (the same code the calculator and the dashboard use).
import { asc, eq } from 'drizzle-orm';
import { recomputeDuration, recomputedPartners, secondsSince } from '../../core/metrics.ts';
import { type Db, lockPartners, type Queryable, type Tx } from '../../db/client.ts';
import { partnerState, partners } from '../../db/schema.ts';
import { type ChangeTotals, pointChanges } from '../../domain/changes.ts';
import { deriveLedger, type Ledger, pointsOn } from '../../domain/ledger.ts';
import { pointsToNumber } from '../../domain/money.ts';
import { derivePartner, type PartnerDerivation } from '../../domain/partner.ts';
import type { Program } from '../../domain/program.ts';
import { creditedOn, creditedTierHistory, performanceOn } from '../../domain/tiers.ts';
import { BulkFactReader } from './bulk-load.ts';
import {
  allPartnerIds,
  loadPartnerBatch,
  loadPartnerFacts,
  partnersOfClients,
  type StoredStanding,
  writeDerivations,
} from './repository.ts';

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

// Partners derived and written per round trip, and partners whose facts are loaded at once:
// they bound memory on a first import of everything (at 25 and 50 a 10,000-partner import on
// PGlite peaked 50 MB lower than at 50 and 100, in the same time).
const BATCH = 25;
const LOAD_BATCH = 50;
// From this many partners on, facts are read in one pass per table (bulk-load.ts) instead
// of a lookup per batch of partners.
const BULK_FROM = 500;

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
  /** Told after each batch of partners: how many are done, of how many. */
  progress?: (done: number, of: number) => void;
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

function toStanding(r: StoredStanding): PartnerStanding {
  return {
    sold: Number(r.sold),
    managed: Number(r.managed),
    total: Number(r.total),
    performance: r.performance,
    credited: r.credited,
  };
}

/** Runs database work one piece after another, in the order it was handed over. */
class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const p = this.tail.then(work);
    this.tail = p.catch(() => {});
    return p;
  }
}

/** Lets queued queries go out and results come in while the engine works. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Re-derives partners and rewrites their derived rows, inside the caller's transaction.
 * Facts are loaded for many partners at once (a few scans instead of a lookup per client),
 * derived and written in small batches, and pipelined: the next partners' facts load and
 * the previous batch's rows are written while the engine derives.
 */
export async function recomputePartners(tx: Tx, options: RecomputeOptions): Promise<{ partners: number }> {
  const started = performance.now();
  const ids = [...new Set(options.partnerIds)].sort();
  await lockPartners(tx, ids);
  const withStandings = options.onChanged !== undefined;
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += LOAD_BATCH) batches.push(ids.slice(i, i + LOAD_BATCH));
  const bulk = ids.length >= BULK_FROM ? await BulkFactReader.open(tx, batches, withStandings) : null;
  // Loads and writes overlap with the engine, not with each other: one lane of statements
  // (node-postgres would queue them anyway, and is deprecating queueing).
  const lane = new Lane();
  const load = (b: number) => {
    const p = lane.run(() => (bulk ? bulk.next() : loadPartnerBatch(tx, batches[b]!, withStandings)));
    p.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
    return p;
  };
  let next = batches.length > 0 ? load(0) : null;
  let writing: Promise<void> | null = null;
  try {
    for (let b = 0; b < batches.length; b++) {
      const { facts, standings: before } = await next!;
      next = b + 1 < batches.length ? load(b + 1) : null;
      const loaded = batches[b]!;
      for (let j = 0; j < loaded.length; j += BATCH) {
        const batch = loaded.slice(j, j + BATCH);
        const derivations: PartnerDerivation[] = [];
        for (let k = 0; k < batch.length; k++) {
          derivations.push(derivePartner(options.program, facts.get(batch[k]!)!, options.asOf));
          facts.delete(batch[k]!);
          if (k % 10 === 9) await yieldToIo();
        }
        await writing;
        writing = lane.run(() => writeDerivations(tx, batch, derivations, { cleared: bulk !== null }));
        writing.catch(() => {});
        if (options.onChanged) {
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
            const stored = before.get(d.ledger.partnerId);
            const old = stored ? toStanding(stored) : null;
            if (old ? !sameStanding(old, after) : after.total !== 0 || after.credited !== null)
              changes.push({ partnerId: d.ledger.partnerId, asOf: options.asOf, before: old, after });
          }
          if (changes.length > 0) {
            await writing;
            const onChanged = options.onChanged;
            await lane.run(() => onChanged(changes));
          }
        }
      }
      options.progress?.(Math.min(ids.length, (b + 1) * LOAD_BATCH), ids.length);
    }
    await writing;
    await bulk?.close();
  } finally {
    // Nothing may still run on the transaction once this returns or throws.
    await Promise.allSettled([next, writing]);
  }
  recomputeDuration.observe(secondsSince(started));
  recomputedPartners.inc(ids.length);
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

/** Every partner re-derived inside the caller's transaction (a rebuild, a new program version). */
export async function recomputeAll(
  tx: Tx,
  options: Omit<RecomputeOptions, 'partnerIds'>,
): Promise<{ partners: number }> {
  return recomputePartners(tx, { ...options, partnerIds: await allPartnerIds(tx) });
}

/** `tierwise rebuild`: every partner's derived rows from its facts. */
export async function rebuildAll(
  db: Db,
  options: { program: Program; asOf: string },
): Promise<{ partners: number }> {
  return db.transaction((tx) => recomputeAll(tx, options));
}

async function partnerFacts(db: Queryable, partnerId: string) {
  const [partner] = await db
    .select({ id: partners.partnerId })
    .from(partners)
    .where(eq(partners.partnerId, partnerId));
  if (!partner) throw new NotFoundError(`partner ${partnerId} does not exist`);
  return (await loadPartnerFacts(db, [partnerId])).get(partnerId)!;
}

/** A partner's points and tiers on a date, as `tierwise points` prints them. */
export function pointsOfLedger(ledger: Ledger, on: string) {
  const p = pointsOn(ledger, on);
  return {
    sourced: pointsToNumber(p.sourced),
    assisted: pointsToNumber(p.assisted),
    sold: pointsToNumber(p.sold),
    managed: pointsToNumber(p.managed),
    total: pointsToNumber(p.total),
    performance: performanceOn(ledger, on).tier,
    credited: creditedOn(creditedTierHistory(ledger, on), on),
  };
}

/** `tierwise points P --on D`: points and tiers of a partner on a date. */
export async function getPartnerPoints(db: Queryable, program: Program, partnerId: string, on: string) {
  const ledger = deriveLedger(program, await partnerFacts(db, partnerId));
  return { partnerId, on, ...pointsOfLedger(ledger, on) };
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
