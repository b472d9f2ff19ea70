// API tokens: operators create (shown once), list and revoke them.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, OPERATOR, principalOf } from './access.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { apiTokenSchema, createApiTokenBody, createdApiTokenSchema, idParams } from './schemas.ts';

const tags = ['api tokens'];
const ADMIN = { ...OPERATOR, token: 'admin' } as const;

function register(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/api-tokens',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Create an API token (the token is in this answer only)',
        body: createApiTokenBody,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps, { ...request.body, actor: actorOf(principalOf(request)) });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/api-tokens',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Every API token, without the tokens',
        response: { 200: z.array(apiTokenSchema) },
      },
    },
    async () => listApiTokens(deps),
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Revoke an API token', params: idParams, response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      await revokeApiToken(deps, { id: request.params.id, actor: actorOf(principalOf(request)) });
      return reply.status(204).send();
    },
  );
}

export const apiTokenRoutes: RouteModule = { name: 'api-tokens', register };
