// The clients table, the client panel's tabs, a client's points history, and ending
// services. Thin: the hook has checked the caller's access to the partner; the services
// check that the client is the partner's.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, PARTNER_MEMBER, principalOf } from '../auth/access.ts';
import { dayOf } from '../portal/dates.ts';
import { clientParams, onQuery, partnerParams } from '../portal/schemas.ts';
import { endServices } from './end-services.ts';
import { getClientHistory } from './history.ts';
import {
  clientDetailSchema,
  clientHistorySchema,
  clientListQuery,
  clientListSchema,
  clientRenewalsSchema,
  clientUsageSchema,
  endServicesSchema,
  engagementSchema,
} from './schemas.ts';
import { getClient, getClientEngagement, getClientRenewals, getClientUsage, listClients } from './service.ts';

const tags = ['clients'];
const access = PARTNER_MEMBER;
const CLIENT = '/api/v1/partners/:partnerId/clients/:clientId';

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/clients',
    {
      config: { access },
      schema: {
        tags,
        summary:
          "The partner's clients: products, relationship, usage, MRR and points; sorted, filtered, paginated",
        params: partnerParams,
        querystring: clientListQuery,
        response: { 200: clientListSchema },
      },
    },
    async (request) =>
      listClients(deps.db, request.params.partnerId, dayOf(deps, request.query.on), request.query),
  );

  app.get(
    CLIENT,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Client info: company details, subscriptions, contact and email tiers, links',
        params: clientParams,
        querystring: onQuery,
        response: { 200: clientDetailSchema },
      },
    },
    async (request) =>
      getClient(deps.db, request.params.partnerId, request.params.clientId, dayOf(deps, request.query.on)),
  );

  app.get(
    `${CLIENT}/renewals`,
    {
      config: { access },
      schema: {
        tags,
        summary: "The client's renewals: owners, current and renewal subscription",
        params: clientParams,
        querystring: onQuery,
        response: { 200: clientRenewalsSchema },
      },
    },
    async (request) =>
      getClientRenewals(
        deps.db,
        request.params.partnerId,
        request.params.clientId,
        dayOf(deps, request.query.on),
      ),
  );

  app.get(
    `${CLIENT}/usage`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Portal usage: products and apps used, latest month and history',
        params: clientParams,
        response: { 200: clientUsageSchema },
      },
    },
    async (request) => getClientUsage(deps.db, request.params.partnerId, request.params.clientId),
  );

  app.get(
    `${CLIENT}/engagement`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Platform engagement: score and band (Low 0-3, Medium 4-6, High 7-10)',
        params: clientParams,
        response: { 200: engagementSchema },
      },
    },
    async (request) => getClientEngagement(deps.db, request.params.partnerId, request.params.clientId),
  );

  app.get(
    `${CLIENT}/history`,
    {
      config: { access },
      schema: {
        tags,
        summary:
          "The partner's points on the client: every sold entry with its rule, managed points by month",
        params: clientParams,
        querystring: onQuery,
        response: { 200: clientHistorySchema },
      },
    },
    async (request) =>
      getClientHistory(
        deps.db,
        request.params.partnerId,
        request.params.clientId,
        dayOf(deps, request.query.on),
      ),
  );

  app.post(
    `${CLIENT}/end-services`,
    {
      config: { access },
      schema: {
        tags,
        summary: "End the partner's management of the client today (audited); 409 when already ended",
        params: clientParams,
        body: z.object({}).strict().optional(),
        response: { 200: endServicesSchema },
      },
    },
    async (request) =>
      endServices(deps, {
        partnerId: request.params.partnerId,
        clientId: request.params.clientId,
        actor: actorOf(principalOf(request)),
      }),
  );
}

export const clientRoutes: RouteModule = { name: 'clients', register };
