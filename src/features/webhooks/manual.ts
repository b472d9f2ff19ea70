// What an operator does by hand on an endpoint: send it a test event (to check the URL and
// the signature check of the receiver) and deliver an event again after the receiver was
// fixed. Both create a new delivery, due at once, which the worker sends like any other:
// the log keeps the original attempt, and a receiver that deduplicates on
// Tierwise-Delivery still takes the new one. Both are audited.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { WEBHOOK_TEST_EVENT } from './events.ts';

export interface ManualDelivery {
  eventId: string;
  deliveryId: string;
}

async function endpointOrNotFound(tx: Queryable, id: string) {
  const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!endpoint) throw new AppError('not_found', 'No such webhook');
  return endpoint;
}

async function addDelivery(tx: Queryable, endpointId: string, eventId: string, now: Date): Promise<string> {
  const id = randomUUID();
  await tx.insert(webhookDeliveries).values({
    id,
    endpointId,
    eventId,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  return id;
}

/** A `webhook.test` event for this endpoint alone, whatever it subscribes to. */
export async function sendTestEvent(
  deps: AppDeps,
  options: { id: string; actor: Actor },
): Promise<ManualDelivery> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const endpoint = await endpointOrNotFound(tx, options.id);
    const eventId = randomUUID();
    await tx.insert(webhookEvents).values({
      id: eventId,
      type: WEBHOOK_TEST_EVENT,
      partnerId: null,
      data: { webhookId: endpoint.id, message: 'A test event from Tierwise: no partner changed.' },
      createdAt: now,
    });
    const deliveryId = await addDelivery(tx, endpoint.id, eventId, now);
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'webhook.test',
      entity: 'webhook',
      entityId: endpoint.id,
      after: { eventId, deliveryId },
    });
    return { eventId, deliveryId };
  });
}

/** The event of a finished delivery (delivered or failed), delivered again. */
export async function redeliver(
  deps: AppDeps,
  options: { id: string; deliveryId: string; actor: Actor },
): Promise<ManualDelivery> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await endpointOrNotFound(tx, options.id);
    // The route's schema has checked that deliveryId is a UUID.
    const [original] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, options.deliveryId), eq(webhookDeliveries.endpointId, options.id)));
    if (!original) throw new AppError('not_found', 'No such delivery of this webhook');
    if (original.status === 'pending' || original.status === 'sending') {
      throw new AppError(
        'conflict',
        `Delivery ${original.id} is still ${original.status === 'pending' ? 'waiting for its next attempt' : 'being sent'}; deliver it again once it has been delivered or has failed`,
      );
    }
    const deliveryId = await addDelivery(tx, options.id, original.eventId, now);
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'webhook.redeliver',
      entity: 'webhook',
      entityId: options.id,
      before: { deliveryId: original.id, status: original.status },
      after: { eventId: original.eventId, deliveryId },
    });
    return { eventId: original.eventId, deliveryId };
  });
}
