// Preview features: the caller's previews and opt-ins; partner-wide opt-ins by partner
// admins; operators define previews. Users only (an API token has no user to opt in).
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { type Access, actorOf, SIGNED_IN, userOf } from '../auth/access.ts';
import { partnerParams } from '../portal/schemas.ts';
import {
  acceptTermsBody,
  definePreviewBody,
  myPreviewSchema,
  myPreviewsSchema,
  partnerOptinSchema,
  partnerPreviewParams,
  partnerPreviewsSchema,
  previewParams,
  previewSchema,
} from './schemas.ts';
import {
  definePreview,
  listMyPreviews,
  optIn,
  optInPartner,
  optOut,
  optOutPartner,
  partnerPreviews,
} from './service.ts';

const tags = ['previews'];
const OPERATOR_USER: Access = { roles: ['operator'], token: false };
const PARTNER_ADMIN_USER: Access = { roles: ['operator', 'partner-admin'], token: false };

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/previews',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Preview features with my opt-in state', response: { 200: myPreviewsSchema } },
    },
    async (request) => listMyPreviews(deps.db, userOf(request).user),
  );

  app.post(
    '/api/v1/previews',
    {
      config: { access: OPERATOR_USER },
      schema: {
        tags,
        summary: 'Define a preview feature and its terms (operators)',
        body: definePreviewBody,
        response: { 201: previewSchema },
      },
    },
    async (request, reply) => {
      const principal = userOf(request);
      const created = await definePreview(deps, request.body, principal.user, actorOf(principal));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/previews/:previewId/opt-in',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'Opt in to a preview, accepting its terms',
        params: previewParams,
        body: acceptTermsBody,
        response: { 200: myPreviewSchema },
      },
    },
    async (request) => {
      const principal = userOf(request);
      return optIn(deps, request.params.previewId, principal.user, actorOf(principal));
    },
  );

  app.delete(
    '/api/v1/previews/:previewId/opt-in',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'Opt out of a preview (a partner-wide opt-in still applies)',
        params: previewParams,
        response: { 200: myPreviewSchema },
      },
    },
    async (request) => {
      const principal = userOf(request);
      return optOut(deps, request.params.previewId, principal.user, actorOf(principal));
    },
  );

  app.get(
    '/api/v1/partners/:partnerId/previews',
    {
      config: { access: PARTNER_ADMIN_USER },
      schema: {
        tags,
        summary: "The partner's opt-ins per preview (partner admins)",
        params: partnerParams,
        response: { 200: partnerPreviewsSchema },
      },
    },
    async (request) => partnerPreviews(deps.db, request.params.partnerId),
  );

  app.post(
    '/api/v1/partners/:partnerId/previews/:previewId/opt-in-all',
    {
      config: { access: PARTNER_ADMIN_USER },
      schema: {
        tags,
        summary: 'Opt in every user of the partner, present and future, accepting the terms (partner admins)',
        params: partnerPreviewParams,
        body: acceptTermsBody,
        response: { 200: partnerOptinSchema },
      },
    },
    async (request) => {
      const principal = userOf(request);
      return optInPartner(deps, {
        ...request.params,
        user: principal.user,
        actor: actorOf(principal),
      });
    },
  );

  app.delete(
    '/api/v1/partners/:partnerId/previews/:previewId/opt-in-all',
    {
      config: { access: PARTNER_ADMIN_USER },
      schema: {
        tags,
        summary: "Withdraw the partner-wide opt-in (users' own opt-ins stay)",
        params: partnerPreviewParams,
        response: { 200: partnerOptinSchema },
      },
    },
    async (request) => optOutPartner(deps, { ...request.params, actor: actorOf(userOf(request)) }),
  );
}

export const previewRoutes: RouteModule = { name: 'previews', register };
