// Outgoing webhooks: the endpoints operators configure, the events (written in the same
// transaction as the change that causes them), and one delivery per event and endpoint,
// a queue that any number of app instances work through with FOR UPDATE SKIP LOCKED.
// Times are written from the server's clock.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  /** The event types sent to it: tier.changed, points.changed, renewal.due, deal.registration.changed. */
  events: text('events').array().notNull(),
  /**
   * The signing key. Kept as it is (not hashed): every delivery is signed with it. Shown to
   * the operator once, at creation; never in any other answer or in the audit log.
   */
  secret: text('secret').notNull(),
  description: text('description'),
  createdAt: at('created_at').notNull(),
});

export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    partnerId: text('partner_id'),
    /** The `data` of the delivered body. */
    data: jsonb('data').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('webhook_events_partner').on(t.partnerId, t.createdAt)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    /**
     * pending: waiting for next_attempt_at; sending: claimed by a worker until next_attempt_at
     * (a lease: a worker that died leaves it to be claimed again); delivered; failed (gave up).
     */
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    lastAttemptAt: at('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: at('delivered_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('webhook_deliveries_status', sql`${t.status} in ('pending', 'sending', 'delivered', 'failed')`),
    // The queue: only deliveries still to be made are indexed.
    index('webhook_deliveries_due').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index('webhook_deliveries_endpoint').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_event').on(t.eventId),
  ],
);

/** Renewals already announced as renewal.due (each is announced once). */
export const webhookRenewalNotices = pgTable(
  'webhook_renewal_notices',
  {
    clientId: text('client_id').notNull(),
    product: text('product').notNull(),
    renewalDate: date('renewal_date', { mode: 'string' }).notNull(),
    eventId: uuid('event_id').notNull(),
    announcedAt: at('announced_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.product, t.renewalDate] })],
);
