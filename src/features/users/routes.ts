// User management: operators for everyone, partner admins for their own partner.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, OPERATOR, PARTNER_ADMIN, type Principal, principalOf } from '../auth/access.ts';
import { inviteUser, type Manager, resendInvitation, updateUser } from './admin.ts';
import {
  createdUserSchema,
  createPartnerUserBody,
  createUserBody,
  invitationSchema,
  partnerParams,
  partnerUserParams,
  updatePartnerUserBody,
  updateUserBody,
  userInfoSchema,
  userParams,
} from './schemas.ts';
import { listAllUsers, listPartnerUsers } from './service.ts';

const tags = ['users'];
const ADMIN = { ...OPERATOR, token: 'admin' } as const;
const PARTNER_USERS = { ...PARTNER_ADMIN, token: 'admin' } as const;

/** The caller as a manager of users; a partner admin is limited to `partnerId`. */
function managerOf(principal: Principal, partnerId?: string): Manager {
  return {
    actor: actorOf(principal),
    partnerId,
    selfId: principal.kind === 'user' ? principal.user.id : undefined,
  };
}

function register(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/users',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Invite a user of any role: a one-time set-password link, emailed when SMTP is configured',
        body: createUserBody,
        response: { 201: createdUserSchema },
      },
    },
    async (request, reply) => {
      const created = await inviteUser(deps, { ...request.body, actor: actorOf(principalOf(request)) });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Every user', response: { 200: z.array(userInfoSchema) } },
    },
    async () => listAllUsers(deps.db, deps.clock.now()),
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Change a user’s role (and partner), or deactivate/reactivate them',
        description:
          'Deactivating revokes the user’s sessions and stops the API tokens they created at once. ' +
          'Changing between operator and a partner role needs partnerId (null for an operator).',
        params: userParams,
        body: updateUserBody,
        response: { 200: userInfoSchema },
      },
    },
    async (request) =>
      updateUser(deps, {
        userId: request.params.userId,
        changes: request.body,
        manager: managerOf(principalOf(request)),
      }),
  );

  app.post(
    '/api/v1/users/:userId/invitation',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Resend an invitation: a fresh set-password link (the previous one stops working)',
        params: userParams,
        response: { 200: invitationSchema },
      },
    },
    async (request) =>
      resendInvitation(deps, { userId: request.params.userId, manager: managerOf(principalOf(request)) }),
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
    async (request) => listPartnerUsers(deps.db, request.params.partnerId, deps.clock.now()),
  );

  app.post(
    '/api/v1/partners/:partnerId/users',
    {
      config: { access: PARTNER_USERS },
      schema: {
        tags,
        summary:
          'Invite a user of the partner: a one-time set-password link, emailed when SMTP is configured',
        params: partnerParams,
        body: createPartnerUserBody,
        response: { 201: createdUserSchema },
      },
    },
    async (request, reply) => {
      const created = await inviteUser(deps, {
        ...request.body,
        partnerId: request.params.partnerId,
        actor: actorOf(principalOf(request)),
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/v1/partners/:partnerId/users/:userId',
    {
      config: { access: PARTNER_USERS },
      schema: {
        tags,
        summary:
          'Change a partner user’s role (partner admin or partner user), or deactivate/reactivate them',
        description: 'Nobody can deactivate or demote themselves here, so a partner always keeps an admin.',
        params: partnerUserParams,
        body: updatePartnerUserBody,
        response: { 200: userInfoSchema },
      },
    },
    async (request) =>
      updateUser(deps, {
        userId: request.params.userId,
        changes: request.body,
        manager: managerOf(principalOf(request), request.params.partnerId),
      }),
  );

  app.post(
    '/api/v1/partners/:partnerId/users/:userId/invitation',
    {
      config: { access: PARTNER_USERS },
      schema: {
        tags,
        summary: 'Resend an invitation to a user of the partner (the previous link stops working)',
        params: partnerUserParams,
        response: { 200: invitationSchema },
      },
    },
    async (request) =>
      resendInvitation(deps, {
        userId: request.params.userId,
        manager: managerOf(principalOf(request), request.params.partnerId),
      }),
  );
}

export const userRoutes: RouteModule = { name: 'users', register };
