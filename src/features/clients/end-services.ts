// End services: the partner stops managing a client today. The open management rows get
// end_date = today (the first day without management, rules §4), every partner whose
// points depend on the client is recomputed, and the change is audited, all in one
// transaction. Like every writer of facts it first takes the fact-writes lock (imports and
// ingestion take it too), so it can neither deadlock with them nor recompute a stale view.
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import * as s from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { lockFactWrites } from '../import/repository.ts';
import { recomputeForClients } from '../points/service.ts';
import { pointsOf, pts } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { standingEventsHook } from '../webhooks/events.ts';
import { clientNotFound } from './service.ts';

export interface EndServicesOptions {
  partnerId: string;
  clientId: string;
  actor: Actor;
}

export async function endServices(deps: AppDeps, options: EndServicesOptions) {
  const { partnerId, clientId } = options;
  const today = deps.clock.today();
  const program = await currentProgram(deps.db);
  return deps.db.transaction(async (tx) => {
    await lockFactWrites(tx);
    const mine = and(eq(s.managements.partnerId, partnerId), eq(s.managements.clientId, clientId));
    const rows = await tx.select().from(s.managements).where(mine);
    if (rows.length === 0) throw clientNotFound();
    const open = rows.filter((m) => m.startDate <= today && (m.endDate === null || m.endDate > today));
    if (open.length === 0)
      throw new AppError('conflict', 'The partner does not manage this client (services already ended)');
    for (const m of open) {
      await tx
        .update(s.managements)
        .set({ endDate: today })
        .where(and(mine, eq(s.managements.startDate, m.startDate)));
    }
    const onChanged = await standingEventsHook(tx, deps.clock.now());
    await recomputeForClients(tx, {
      program,
      clientIds: [clientId],
      asOf: today,
      partnerIds: [partnerId],
      ...(onChanged ? { onChanged } : {}),
    });
    await recordAudit(tx, {
      actor: options.actor,
      at: deps.clock.now(),
      action: 'client.end_services',
      entity: 'management',
      entityId: `${partnerId}/${clientId}`,
      partnerId,
      before: open,
      after: open.map((m) => ({ ...m, endDate: today })),
    });
    const [state] = await tx.select().from(s.partnerState).where(eq(s.partnerState.partnerId, partnerId));
    const sourced = pointsOf(state?.sourced);
    const assisted = pointsOf(state?.assisted);
    const managed = pointsOf(state?.managed);
    return {
      clientId,
      endedOn: today,
      managementsEnded: open.length,
      points: {
        sourced: pts(sourced),
        assisted: pts(assisted),
        sold: pts(sourced + assisted),
        managed: pts(managed),
        total: pts(sourced + assisted + managed),
      },
    };
  });
}
