// zod schemas of the webhook routes.
import { z } from 'zod';
import { timestampSchema } from '../auth/schemas.ts';
import { DELIVERED_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from './events.ts';

export const eventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const createWebhookBody = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).max(2000),
    events: z
      .array(eventTypeSchema)
      .min(1)
      .describe('The events to send: tier.changed, points.changed, renewal.due, deal.registration.changed'),
    description: z.string().trim().max(200).optional(),
  })
  .strict();

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(eventTypeSchema),
  description: z.string().nullable(),
  createdAt: timestampSchema,
});

export const createdWebhookSchema = webhookSchema.extend({
  secret: z
    .string()
    .describe(
      'The signing secret, shown this once. Each delivery carries Tierwise-Signature: t=<unix seconds>,' +
        'v1=<hex HMAC-SHA256 of "<t>.<body>" with this secret>',
    ),
});

export const webhookParams = z.object({ id: z.uuid() });
export const deliveryParams = webhookParams.extend({ deliveryId: z.uuid() });

export const manualDeliverySchema = z.object({
  eventId: z.uuid(),
  deliveryId: z.uuid().describe('The new delivery, due at once; follow it in the delivery log'),
});

export const deliveriesQuery = z.object({
  status: z.enum(['pending', 'sending', 'delivered', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const deliverySchema = z.object({
  id: z.uuid().describe('Sent as Tierwise-Delivery: receivers deduplicate on it'),
  eventId: z.uuid(),
  event: z.enum(DELIVERED_EVENT_TYPES),
  partnerId: z.string().nullable(),
  status: z
    .enum(['pending', 'sending', 'delivered', 'failed'])
    .describe('pending: waiting for its next attempt; sending: being delivered; failed: gave up'),
  attempts: z.number().int(),
  nextAttemptAt: timestampSchema.nullable(),
  lastAttemptAt: timestampSchema.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
