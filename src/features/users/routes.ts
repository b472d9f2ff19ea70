// User management: operators for everyone, partner admins for their own partner.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, OPERATOR, PARTNER_ADMIN, principalOf } from '../auth/access.ts';
import {
  createdUserSchema,
  createPartnerUserBody,
  createUserBody,
  partnerParams,
  userInfoSchema,
} from './schemas.ts';
import { createUser, listAllUsers, listPartnerUsers } from './service.ts';

const tags = ['users'];
const ADMIN = { ...OPERATOR, token: 'admin' } as const;
const PARTNER_USERS = { ...PARTNER_ADMIN, token: 'admin' } as const;

function register(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/users',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Create a user of any role; answers a one-time set-password link',
        body: createUserBody,
        response: { 201: createdUserSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(deps, { ...request.body, actor: actorOf(principalOf(request)) });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Every user', response: { 200: z.array(userInfoSchema) } },
    },
    async () => listAllUsers(deps.db),
  );

  app.get(
    '/api/v1/partners/:partnerId/users',
    {
      config: { access: PARTNER_USERS },
      schema: {
        tags,
        summary: "The partner's users (partner admins: their own partner only)",
        params: partnerParams,
        response: { 200: z.array(userInfoSchema) },
      },
    },
    // The hook has checked the caller's access to this partner id before we get here.
    async (request) => listPartnerUsers(deps.db, request.params.partnerId),
  );

  app.post(
    '/api/v1/partners/:partnerId/users',
    {
      config: { access: PARTNER_USERS },
      schema: {
        tags,
        summary: 'Create a user of the partner; answers a one-time set-password link',
        params: partnerParams,
        body: createPartnerUserBody,
        response: { 201: createdUserSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(deps, {
        ...request.body,
        partnerId: request.params.partnerId,
        actor: actorOf(principalOf(request)),
      });
      return reply.status(201).send(created);
    },
  );
}

export const userRoutes: RouteModule = { name: 'users', register };
