// Webhook endpoints (operators configure them; the secret is shown once) and their
// delivery log. Deleting an endpoint drops its pending deliveries with it.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { DeliveredEventType, WebhookEventType } from './events.ts';
import { newWebhookSecret } from './signature.ts';

export interface WebhookInfo {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  createdAt: string;
}

type EndpointRow = typeof webhookEndpoints.$inferSelect;

function info(row: EndpointRow): WebhookInfo {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createWebhook(
  deps: AppDeps,
  options: { url: string; events: WebhookEventType[]; description?: string | undefined; actor: Actor },
): Promise<WebhookInfo & { secret: string }> {
  const secret = newWebhookSecret();
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({
        id: randomUUID(),
        url: options.url,
        events: [...new Set(options.events)].sort(),
        secret,
        description: options.description ?? null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'webhook.create',
      entity: 'webhook',
      entityId: created!.id,
      after: info(created!),
    });
    return created!;
  });
  return { ...info(row), secret };
}

export async function listWebhooks(db: Queryable): Promise<WebhookInfo[]> {
  const found = await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt));
  return found.map(info);
}

function notFound(): AppError {
  return new AppError('not_found', 'No such webhook');
}

export async function deleteWebhook(deps: AppDeps, options: { id: string; actor: Actor }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, options.id))
      .returning();
    if (!deleted) throw notFound();
    await recordAudit(tx, {
      actor: options.actor,
      at: deps.clock.now(),
      action: 'webhook.delete',
      entity: 'webhook',
      entityId: deleted.id,
      before: info(deleted),
    });
  });
}

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface DeliveryInfo {
  id: string;
  eventId: string;
  event: DeliveredEventType;
  partnerId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(
  db: Queryable,
  options: { webhookId: string; status?: DeliveryStatus | undefined; limit: number },
): Promise<DeliveryInfo[]> {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, options.webhookId));
  if (!endpoint) throw notFound();
  const where: SQL[] = [eq(webhookDeliveries.endpointId, options.webhookId)];
  if (options.status) where.push(eq(webhookDeliveries.status, options.status));
  const found = await db
    .select({ d: webhookDeliveries, type: webhookEvents.type, partnerId: webhookEvents.partnerId })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(options.limit);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return found.map(({ d, type, partnerId }) => ({
    id: d.id,
    eventId: d.eventId,
    event: type as DeliveredEventType,
    partnerId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.status === 'pending' || d.status === 'sending' ? d.nextAttemptAt : null),
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  }));
}
