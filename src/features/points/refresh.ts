// The daily refresh: derived state is computed as of a date, and points expire and
// projections move as days pass without any new fact. Partners whose state is older than
// today (or that have none) are recomputed in the background, a batch per transaction,
// by one instance at a time (a transaction-scoped advisory lock; others skip the round).
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { rows } from '../../db/client.ts';
import { getProgram } from '../program/service.ts';
import { standingEventsHook } from '../webhooks/events.ts';
import { recomputePartners } from './service.ts';

export async function refreshStalePartners(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { limit?: number } = {},
): Promise<{ partners: number }> {
  const today = deps.clock.today();
  const limit = options.limit ?? 200;
  return deps.db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtextextended('tierwise:refresh', 0)) as ok`,
    );
    if (!lock?.ok) return { partners: 0 };
    const stale = await rows<{ partner_id: string }>(
      tx,
      sql`select p.partner_id from partners p left join partner_state s using (partner_id)
          where s.partner_id is null or s.as_of < ${today}::date
          order by p.partner_id limit ${limit}`,
    );
    if (stale.length === 0) return { partners: 0 };
    const onChanged = await standingEventsHook(tx, deps.clock.now());
    return recomputePartners(tx, {
      program: await getProgram(tx),
      partnerIds: stale.map((r) => r.partner_id),
      asOf: today,
      ...(onChanged ? { onChanged } : {}),
    });
  });
}

/** Refreshes until nothing is stale (each round its own transaction). */
export async function refreshAllStale(deps: Pick<AppDeps, 'db' | 'clock'>, limit = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const { partners } = await refreshStalePartners(deps, { limit });
    total += partners;
    if (partners < limit) return total;
  }
}
