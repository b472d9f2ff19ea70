// What happens to registrations by themselves: protection windows that end (submitted or
// approved → expired, swept before every read and write of registrations and once a minute
// in the background, so every reader sees the same statuses), and approved registrations
// settled by a closed deal of their partner (won or lost) in the transaction of the import
// or ingestion that brings it. Each change is audited and sent as deal.registration.changed.
import type { Db, Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { enqueueEvents, type NewEvent } from '../webhooks/events.ts';
import { domainOf } from './conflicts.ts';
import {
  approvedRegistrationsLocked,
  type ChangedRegistration,
  closedDeals,
  lockDueForExpiry,
  updateRegistration,
} from './repository.ts';

export type RegistrationChange =
  | 'created'
  | 'approved'
  | 'rejected'
  | 'extension_requested'
  | 'extension_granted'
  | 'extension_refused'
  | 'expired'
  | 'won'
  | 'lost';

/** The webhook event of a registration's change (its partner's event). */
export function registrationEvent(
  r: ChangedRegistration,
  change: RegistrationChange,
  previousStatus: string | null,
  at: Date,
): NewEvent {
  return {
    type: 'deal.registration.changed',
    partnerId: r.partnerId,
    data: {
      registrationId: r.id,
      partnerId: r.partnerId,
      change,
      status: r.status,
      previousStatus,
      protectionEndsOn: r.protectionEndsOn,
      extensionStatus: r.extensionStatus,
      dealId: r.dealId,
      at: at.toISOString(),
    },
  };
}

/** Expires what is due on `today`, in the caller's transaction; returns how many. */
export async function expireDue(tx: Queryable, options: { today: IsoDate; now: Date }): Promise<number> {
  const due = await lockDueForExpiry(tx, options.today);
  if (due.length === 0) return 0;
  const events: NewEvent[] = [];
  for (const r of due) {
    await updateRegistration(tx, r.id, { status: 'expired', updatedAt: options.now });
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      at: options.now,
      action: 'deal_registration.expire',
      entity: 'deal_registration',
      entityId: r.id,
      partnerId: r.partnerId,
      before: { status: r.status },
      after: { status: 'expired', protectionEndsOn: r.protectionEndsOn },
    });
    events.push(
      registrationEvent(
        {
          id: r.id,
          partnerId: r.partnerId,
          status: 'expired',
          protectionEndsOn: r.protectionEndsOn,
          extensionStatus: r.extensionStatus,
          dealId: r.dealId,
        },
        'expired',
        r.status,
        options.now,
      ),
    );
  }
  await enqueueEvents(tx, events, options.now);
  return due.length;
}

/** The background sweep: registrations whose protection ended become expired. */
export async function expireRegistrations(deps: {
  db: Db;
  clock: { today(): IsoDate; now(): Date };
}): Promise<number> {
  return deps.db.transaction((tx) => expireDue(tx, { today: deps.clock.today(), now: deps.clock.now() }));
}

/**
 * Approved registrations settled by a closed deal of their partner: the deal given at
 * submission, else a deal with the registration's client (its id, or its normalised domain)
 * closed within its protection (from the day of submission). A won deal settles it as won (its sold points
 * are the rules' own), else a lost one as lost. Each deal settles one registration.
 * In the caller's transaction (the import's or ingestion's, after its recompute).
 */
export async function settleRegistrations(
  tx: Queryable,
  options: { today: IsoDate; now: Date; actor?: Actor },
): Promise<number> {
  const approved = await approvedRegistrationsLocked(tx);
  if (approved.length === 0) return 0;
  const deals = await closedDeals(
    tx,
    approved.map((r) => r.partnerId),
  );
  const used = new Set<string>();
  const events: NewEvent[] = [];
  for (const r of approved) {
    const mine = deals.filter((d) => d.partnerId === r.partnerId && !used.has(d.dealId));
    const fits = (d: (typeof mine)[number]) =>
      r.dealId !== null
        ? d.dealId === r.dealId
        : d.closedOn !== null &&
          d.closedOn >= r.submittedOn &&
          d.closedOn <= r.protectionEndsOn &&
          ((r.clientId !== null && d.clientId === r.clientId) ||
            (r.domain !== null && domainOf(d.clientDomain) === r.domain));
    const deal =
      mine.find((d) => d.stage === 'closed_won' && fits(d)) ??
      mine.find((d) => d.stage === 'closed_lost' && fits(d));
    if (!deal) continue;
    used.add(deal.dealId);
    const status = deal.stage === 'closed_won' ? 'won' : 'lost';
    await updateRegistration(tx, r.id, { status, dealId: deal.dealId, updatedAt: options.now });
    await recordAudit(tx, {
      actor: options.actor ?? SYSTEM_ACTOR,
      at: options.now,
      action: status === 'won' ? 'deal_registration.win' : 'deal_registration.lose',
      entity: 'deal_registration',
      entityId: r.id,
      partnerId: r.partnerId,
      before: { status: 'approved', dealId: r.dealId },
      after: { status, dealId: deal.dealId, closedOn: deal.closedOn },
    });
    events.push(
      registrationEvent(
        {
          id: r.id,
          partnerId: r.partnerId,
          status,
          protectionEndsOn: r.protectionEndsOn,
          extensionStatus: r.extensionStatus,
          dealId: deal.dealId,
        },
        status,
        'approved',
        options.now,
      ),
    );
  }
  await enqueueEvents(tx, events, options.now);
  // What the deals did not settle and whose protection ended expires now, as on any read.
  await expireDue(tx, options);
  return events.length;
}
