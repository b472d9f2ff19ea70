// Deal registration (issue 14). Partner side under /partners/:partnerId (its users and
// operators; the hook has checked the caller's access to the partner): the conflict check,
// register, list, read, ask for an extension. Operator side under /deal-registrations: the
// queue with conflict evidence, the decision, the extension decision. Thin: the service does it.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { errorBodySchema } from '../../core/errors.ts';
import { actorOf, OPERATOR, PARTNER_MEMBER, principalOf } from '../auth/access.ts';
import { partnerParams } from '../portal/schemas.ts';
import {
  checkAnswerSchema,
  checkBody,
  createBody,
  decisionBody,
  extensionBody,
  extensionDecisionBody,
  operatorRegistrationParams,
  queueSchema,
  registrationListSchema,
  registrationParams,
  registrationSchema,
  statusQuery,
} from './schemas.ts';
import {
  checkRegistration,
  createRegistration,
  decideExtension,
  decideRegistration,
  getRegistration,
  listRegistrations,
  registrationQueue,
  requestExtension,
} from './service.ts';

const tags = ['deal registrations'];
const MINE = '/api/v1/partners/:partnerId/deal-registrations';
const ONE = `${MINE}/:registrationId`;
const QUEUE = '/api/v1/deal-registrations';

function register(app: App, deps: AppDeps): void {
  const actor = (request: Parameters<typeof principalOf>[0]) => actorOf(principalOf(request));

  app.post(
    `${MINE}/check`,
    {
      // Reads only: an API token with the read scope may check.
      config: { access: { roles: 'any', token: 'read' } },
      schema: {
        tags,
        summary:
          "The conflict check as the partner types: whether the company is another partner's client or protected registration (never whose), or the partner's own active one",
        params: partnerParams,
        body: checkBody,
        response: { 200: checkAnswerSchema },
      },
    },
    async (request) => checkRegistration(deps, request.params.partnerId, request.body),
  );

  app.post(
    MINE,
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary:
          "Register a deal: submitted for an operator's decision, protected for the program's protectionDays; 409 registration_conflict (another partner's client or registration, never whose) or registration_duplicate (the partner's own)",
        params: partnerParams,
        body: createBody,
        response: { 201: registrationSchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => {
      const created = await createRegistration(deps, request.params.partnerId, request.body, actor(request));
      return reply
        .status(201)
        .header(
          'location',
          `/api/v1/partners/${encodeURIComponent(created.partnerId)}/deal-registrations/${created.id}`,
        )
        .send(created);
    },
  );

  app.get(
    MINE,
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary: "The partner's deal registrations, newest first, with status, protection end and won points",
        params: partnerParams,
        querystring: statusQuery,
        response: { 200: registrationListSchema },
      },
    },
    async (request) => listRegistrations(deps, request.params.partnerId, request.query),
  );

  app.get(
    ONE,
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary: 'One deal registration of the partner',
        params: registrationParams,
        response: { 200: registrationSchema },
      },
    },
    async (request) => getRegistration(deps, request.params.partnerId, request.params.registrationId),
  );

  app.post(
    `${ONE}/extension`,
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary:
          "Ask to extend an approved registration's protection (once, while it protects); 409 otherwise",
        params: registrationParams,
        body: extensionBody,
        response: { 200: registrationSchema },
      },
    },
    async (request) =>
      requestExtension(
        deps,
        request.params.partnerId,
        request.params.registrationId,
        request.body.reason,
        actor(request),
      ),
  );

  app.get(
    QUEUE,
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary:
          "The operators' registration queue: every partner's registrations (of a status), newest first, each with the other partners' clients and registrations it matches today",
        querystring: statusQuery,
        response: { 200: queueSchema },
      },
    },
    async (request) => registrationQueue(deps, request.query),
  );

  app.post(
    `${QUEUE}/:registrationId/decision`,
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary:
          'Approve or reject a submitted registration (a reason is required to reject); 409 if decided',
        params: operatorRegistrationParams,
        body: decisionBody,
        response: { 200: registrationSchema },
      },
    },
    async (request) => decideRegistration(deps, request.params.registrationId, request.body, actor(request)),
  );

  app.post(
    `${QUEUE}/:registrationId/extension/decision`,
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: "Grant (adds the program's extensionDays to the protection) or refuse a requested extension",
        params: operatorRegistrationParams,
        body: extensionDecisionBody,
        response: { 200: registrationSchema },
      },
    },
    async (request) => decideExtension(deps, request.params.registrationId, request.body, actor(request)),
  );
}

export const dealRegistrationRoutes: RouteModule = { name: 'deal-registrations', register };
