// The session, the signed-in user, and password links. Thin: parse, call the service, answer.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { sendLinkMail } from '../mail/mailer.ts';
import { PUBLIC, SIGNED_IN, userOf } from './access.ts';
import { usePasswordLink } from './password-links.ts';
import { meSchema, resetRequestBody, setPasswordBody, signInBody, updateMeBody } from './schemas.ts';
import { requestPasswordReset, signIn, signOut, updateMyLocale } from './service.ts';
import { getMe, type NewSession, SESSION_COOKIE } from './sessions.ts';

const tags = ['session'];

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // request.protocol honours X-Forwarded-Proto only when the app trusts its proxy.
    secure: request.protocol === 'https',
    expires: session.expiresAt,
  });
}

function register(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/session',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Sign in: sets the session cookie and returns the user and a CSRF token',
        body: signInBody,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { session, me } = await signIn(deps, {
        ...request.body,
        ip: request.ip,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(request, reply, session);
      return { ...me, csrfToken: session.csrfToken };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Sign out: revokes the session', response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      const { user, session } = userOf(request);
      await signOut(deps, { sessionId: session.id, user });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'The signed-in user', response: { 200: meSchema } },
    },
    async (request) => {
      const { user, session } = userOf(request);
      return { ...(await getMe(deps.db, user)), csrfToken: session.csrfToken };
    },
  );

  app.patch(
    '/api/v1/me',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: "Change the signed-in user's settings",
        body: updateMeBody,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const { user, session } = userOf(request);
      const me = await updateMyLocale(deps, { user, locale: request.body.locale });
      return { ...me, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/password/set',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Set a password with a one-time link (works once, expires); signs the user out everywhere',
        body: setPasswordBody,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await usePasswordLink(deps, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/password/reset-request',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Request a password reset link; the answer never says whether the email has a user',
        body: resetRequestBody,
        response: { 202: z.undefined() },
      },
    },
    async (request, reply) => {
      const link = await requestPasswordReset(deps, {
        email: request.body.email,
        // Without SMTP the operator finds the link in the server log.
        log: (created) => {
          if (!deps.config.smtpUrl)
            request.log.info({ passwordReset: created }, 'password reset link created');
        },
      });
      // Sent after answering, so the answer's timing does not tell whether the email has a user.
      if (link && deps.config.smtpUrl) {
        void sendLinkMail(deps.config, { kind: 'reset', to: link.email, locale: link.locale, link }).then(
          (outcome) => {
            if (outcome.emailSent === false)
              request.log.warn(
                { passwordReset: link, error: outcome.emailError },
                'password reset email failed',
              );
          },
        );
      }
      return reply.status(202).send();
    },
  );
}

export const authRoutes: RouteModule = { name: 'auth', register };
