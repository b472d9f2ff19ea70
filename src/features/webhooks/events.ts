// Webhook events, enqueued in the transaction of the change that causes them: a partner's
// points or credited tier changed by a recompute (import or ingestion), a renewal whose
// decision deadline has arrived (a periodic check), or a deal registration whose status or
// protection changed (features/deal-registrations). Each event gets one delivery per
// endpoint subscribed to its type at that moment; an event no endpoint wants is not stored.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, rows } from '../../db/client.ts';
import { addDays } from '../../domain/dates.ts';
import type { Program } from '../../domain/program.ts';
import type { StandingChange } from '../points/service.ts';

export const WEBHOOK_EVENT_TYPES = [
  'tier.changed',
  'points.changed',
  'renewal.due',
  'deal.registration.changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent only when an operator asks for it, to that one endpoint; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
/** What a delivery may carry: a subscribed event, or the test event. */
export const DELIVERED_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT] as const;
export type DeliveredEventType = (typeof DELIVERED_EVENT_TYPES)[number];

export interface NewEvent {
  /** Given when the caller needs it; else a new one. */
  id?: string;
  type: WebhookEventType;
  partnerId: string | null;
  data: Record<string, unknown>;
}

/** The event types some endpoint is subscribed to. */
async function subscribedTypes(db: Queryable): Promise<Set<string>> {
  const found = await rows<{ type: string }>(
    db,
    sql`select distinct unnest(events) as type from webhook_endpoints`,
  );
  return new Set(found.map((r) => r.type));
}

/**
 * Stores the events and their deliveries (one per subscribed endpoint, due at once), in
 * the caller's transaction. Returns the events stored.
 */
export async function enqueueEvents(db: Queryable, events: readonly NewEvent[], at: Date): Promise<number> {
  if (events.length === 0) return 0;
  const subscribed = await subscribedTypes(db);
  const wanted = events.filter((e) => subscribed.has(e.type));
  if (wanted.length === 0) return 0;
  const ids = wanted.map((e) => e.id ?? randomUUID());
  const when = at.toISOString();
  await db.execute(
    sql`insert into webhook_events (id, type, partner_id, data, created_at)
        select id, type, partner_id, data::jsonb, ${when}::timestamptz
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(wanted.map((e) => e.type))}::text[],
                    ${sql.param(wanted.map((e) => e.partnerId))}::text[],
                    ${sql.param(wanted.map((e) => JSON.stringify(e.data)))}::text[])
          as e(id, type, partner_id, data)`,
  );
  await db.execute(
    sql`insert into webhook_deliveries (id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
        select gen_random_uuid(), p.id, e.id, 'pending', 0, ${when}::timestamptz, ${when}::timestamptz
        from webhook_events e join webhook_endpoints p on e.type = any(p.events)
        where e.id = any(${sql.param(ids)}::uuid[])`,
  );
  return wanted.length;
}

/** tier.changed when the credited tier changed; points.changed when sold, managed or total did. */
export function standingEvents(changes: readonly StandingChange[]): NewEvent[] {
  const out: NewEvent[] = [];
  for (const { partnerId, asOf, before, after } of changes) {
    const from = before?.credited ?? null;
    if (from !== after.credited) {
      out.push({
        type: 'tier.changed',
        partnerId,
        data: { partnerId, asOf, from, to: after.credited, performance: after.performance },
      });
    }
    const points = (s: typeof before) => s && { sold: s.sold, managed: s.managed, total: s.total };
    const b = points(before) ?? { sold: 0, managed: 0, total: 0 };
    const a = points(after)!;
    if (b.sold !== a.sold || b.managed !== a.managed || b.total !== a.total) {
      out.push({ type: 'points.changed', partnerId, data: { partnerId, asOf, before: b, after: a } });
    }
  }
  return out;
}

/**
 * The recompute hook of imports and ingestion: their standing changes, as events. Undefined
 * while no endpoint wants tier.changed or points.changed (the recompute then skips the
 * comparison altogether).
 */
export async function standingEventsHook(
  db: Queryable,
  at: Date,
): Promise<((changes: StandingChange[]) => Promise<void>) | undefined> {
  const subscribed = await subscribedTypes(db);
  if (!subscribed.has('tier.changed') && !subscribed.has('points.changed')) return undefined;
  return async (changes) => {
    await enqueueEvents(db, standingEvents(changes), at);
  };
}

interface DueRenewal {
  client_id: string;
  client_name: string;
  product: string;
  renewal_date: string;
  status: string;
  projected_mrr_change: string | null;
  renewal_manager: string | null;
  communication_owner: string | null;
  partner_ids: string[];
}

/**
 * renewal.due: renewals awaiting a decision (pending or cancellation requested) whose
 * decision deadline (renewal date minus the program's decisionLeadDays) has arrived and
 * whose renewal date has not passed, each announced once (webhook_renewal_notices). The
 * partners are those managing the client on `today` or holding a won deal with it. Any
 * instance may run it: the notices' key and an advisory lock keep each renewal to one event.
 * Nothing is marked while no endpoint wants renewal.due, so a new endpoint hears of the
 * renewals still due.
 */
export async function announceDueRenewals(
  db: Db,
  options: { program: Program; today: string; now: Date; limit?: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtextextended('tierwise:renewal-due', 0)) as locked`,
    );
    if (!lock?.locked) return 0;
    if (!(await subscribedTypes(tx)).has('renewal.due')) return 0;
    const lead = options.program.renewals.decisionLeadDays;
    const today = options.today;
    const due = await rows<DueRenewal>(
      tx,
      sql`select r.client_id, c.name as client_name, r.product, r.renewal_date::text as renewal_date, r.status,
                 r.projected_mrr_change::text as projected_mrr_change, r.renewal_manager, r.communication_owner,
                 array(select partner_id from managements m
                        where m.client_id = r.client_id and m.start_date <= ${today}::date
                          and (m.end_date is null or m.end_date > ${today}::date)
                       union select partner_id from deals d
                        where d.client_id = r.client_id and d.stage = 'closed_won'
                       order by 1) as partner_ids
          from renewals r join clients c using (client_id)
          where r.status in ('pending', 'cancellation_requested')
            and r.renewal_date >= ${today}::date
            and r.renewal_date <= ${today}::date + ${lead}::int
            and not exists (select 1 from webhook_renewal_notices n where n.client_id = r.client_id
                            and n.product = r.product and n.renewal_date = r.renewal_date)
          order by r.renewal_date, r.client_id, r.product
          limit ${options.limit ?? 1000}`,
    );
    if (due.length === 0) return 0;
    const events: NewEvent[] = due.map((r) => ({
      id: randomUUID(),
      type: 'renewal.due',
      partnerId: null,
      data: {
        clientId: r.client_id,
        clientName: r.client_name,
        product: r.product,
        renewalDate: r.renewal_date,
        decisionDeadline: addDays(r.renewal_date, -lead),
        status: r.status,
        projectedMrrChange: r.projected_mrr_change === null ? null : Number(r.projected_mrr_change),
        renewalManager: r.renewal_manager,
        communicationOwner: r.communication_owner,
        partnerIds: r.partner_ids,
      },
    }));
    await enqueueEvents(tx, events, options.now);
    const column = (f: (r: DueRenewal) => string) => sql.param(due.map(f));
    await tx.execute(
      sql`insert into webhook_renewal_notices (client_id, product, renewal_date, event_id, announced_at)
          select client_id, product, renewal_date::date, event_id, ${options.now.toISOString()}::timestamptz
          from unnest(${column((r) => r.client_id)}::text[], ${column((r) => r.product)}::text[],
                      ${column((r) => r.renewal_date)}::text[], ${sql.param(events.map((e) => e.id!))}::uuid[])
            as n(client_id, product, renewal_date, event_id)
          on conflict do nothing`,
    );
    return due.length;
  });
}
