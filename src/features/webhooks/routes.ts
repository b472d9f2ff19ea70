// Outgoing webhooks: operators (or admin-scoped API tokens) create, list and delete
// endpoints and read each endpoint's delivery log.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, OPERATOR, principalOf } from '../auth/access.ts';
import { redeliver, sendTestEvent } from './manual.ts';
import {
  createdWebhookSchema,
  createWebhookBody,
  deliveriesQuery,
  deliveryParams,
  deliverySchema,
  manualDeliverySchema,
  webhookParams,
  webhookSchema,
} from './schemas.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from './service.ts';

const tags = ['webhooks'];
const ADMIN = { ...OPERATOR, token: 'admin' } as const;

function register(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/webhooks',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Create a webhook endpoint (its signing secret is in this answer only)',
        description:
          'Events are POSTed as JSON `{ id, type, createdAt, data }` with the headers Tierwise-Event, ' +
          'Tierwise-Delivery, Tierwise-Timestamp and Tierwise-Signature. A 2xx answer within 5 s counts as ' +
          'delivered; anything else is retried after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h, then failed.',
        body: createWebhookBody,
        response: { 201: createdWebhookSchema },
      },
    },
    async (request, reply) => {
      const created = await createWebhook(deps, { ...request.body, actor: actorOf(principalOf(request)) });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/webhooks',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Every webhook endpoint, without secrets',
        response: { 200: z.array(webhookSchema) },
      },
    },
    async () => listWebhooks(deps.db),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Delete a webhook endpoint and its pending deliveries',
        params: webhookParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await deleteWebhook(deps, { id: request.params.id, actor: actorOf(principalOf(request)) });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'The delivery log of an endpoint, newest first',
        params: webhookParams,
        querystring: deliveriesQuery,
        response: { 200: z.array(deliverySchema) },
      },
    },
    async (request) =>
      listDeliveries(deps.db, {
        webhookId: request.params.id,
        status: request.query.status,
        limit: request.query.limit,
      }),
  );

  app.post(
    '/api/v1/webhooks/:id/test',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Send a webhook.test event to this endpoint now (signed like every event)',
        params: webhookParams,
        response: { 202: manualDeliverySchema },
      },
    },
    async (request, reply) => {
      const sent = await sendTestEvent(deps, { id: request.params.id, actor: actorOf(principalOf(request)) });
      return reply.status(202).send(sent);
    },
  );

  app.post(
    '/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Deliver the event of a delivered or failed delivery again, as a new delivery',
        params: deliveryParams,
        response: { 202: manualDeliverySchema },
      },
    },
    async (request, reply) => {
      const sent = await redeliver(deps, { ...request.params, actor: actorOf(principalOf(request)) });
      return reply.status(202).send(sent);
    },
  );
}

export const webhookRoutes: RouteModule = { name: 'webhooks', register };
