// SSO: the operator's configuration (/api/v1/sso-config), the public status the sign-in
// page reads, and the browser flow (/api/auth/oidc/start and /callback, outside /api/v1:
// they answer with redirects, not JSON). A refused sign-in lands on a page of the web app
// that says why (/sign-in/sso-refused?reason=...).
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, OPERATOR, PUBLIC, principalOf } from '../auth/access.ts';
import { setSessionCookie } from '../auth/routes.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { FLOW_COOKIE, FLOW_TTL_MS, finishSsoSignIn, SsoRefused, startSsoSignIn } from './flow.ts';
import { ssoConfigSchema, ssoStatusSchema, updateSsoBody } from './schemas.ts';
import { deleteSsoConfig, getSsoConfig, isSsoEnabled, updateSsoConfig } from './service.ts';

const tags = ['sso'];

function refusedPage(reason: string): string {
  return `/sign-in/sso-refused?reason=${encodeURIComponent(reason)}`;
}

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/sso-config',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'The single sign-on configuration (the secret only as a hint)',
        response: { 200: ssoConfigSchema },
      },
    },
    async () => getSsoConfig(deps),
  );

  app.put(
    '/api/v1/sso-config',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'Configure single sign-on: issuer, client, and email domain → partner and role',
        body: updateSsoBody,
        response: { 200: ssoConfigSchema },
      },
    },
    async (request) => updateSsoConfig(deps, { actor: actorOf(principalOf(request)), body: request.body }),
  );

  app.delete(
    '/api/v1/sso-config',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'Turn single sign-on off (password sign-in stays)',
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await deleteSsoConfig(deps, { actor: actorOf(principalOf(request)) });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/sso/status',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Whether single sign-on is configured (the sign-in page shows its button)',
        response: { 200: ssoStatusSchema },
      },
    },
    async () => ({ enabled: await isSsoEnabled(deps) }),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Begin single sign-on: redirects to the identity provider',
        querystring: z.object({ next: z.string().max(2000).optional() }),
      },
    },
    async (request, reply) => {
      try {
        const { redirectTo, cookie } = await startSsoSignIn(deps, { next: request.query.next });
        reply.setCookie(FLOW_COOKIE, cookie, {
          path: '/api/auth/oidc',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: FLOW_TTL_MS / 1000,
        });
        return reply.redirect(redirectTo, 302);
      } catch (error) {
        if (error instanceof SsoRefused) return reply.redirect(refusedPage(error.reason), 302);
        request.log.warn({ err: { message: (error as Error).message } }, 'single sign-on could not start');
        return reply.redirect(refusedPage('failed'), 302);
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: PUBLIC },
      schema: { tags, summary: "The identity provider's redirect back: signs in and redirects into the app" },
    },
    async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
      try {
        const { session, next } = await finishSsoSignIn(deps, {
          query,
          cookie: request.cookies[FLOW_COOKIE],
          ip: request.ip,
          previousToken: request.cookies[SESSION_COOKIE],
        });
        setSessionCookie(request, reply, session);
        return reply.redirect(next, 302);
      } catch (error) {
        const reason = error instanceof SsoRefused ? error.reason : 'failed';
        request.log.info({ ssoRefused: reason, detail: (error as Error).message }, 'single sign-on refused');
        return reply.redirect(refusedPage(reason), 302);
      }
    },
  );
}

export const ssoRoutes: RouteModule = { name: 'sso', register };
