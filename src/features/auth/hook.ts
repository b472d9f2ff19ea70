// The authentication hook, run on every request before body parsing and validation:
// resolves the caller (bearer API token, else session cookie), enforces the route's access
// rule, CSRF on cookie-authenticated writes, and partner tenancy for `/partners/:partnerId`
// routes. Partner tenancy is checked before roles, so another partner's id is always 404.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.ts';
import type { AppDeps } from '../../server/types.ts';
import { checkAccess, type Principal, requirePartnerAccess } from './access.ts';
import { resolveApiToken } from './api-tokens.ts';
import { safeEqual } from './secrets.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
  return m[1];
}

async function resolvePrincipal(deps: AppDeps, request: FastifyRequest): Promise<Principal | null> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    const principal = await resolveApiToken(deps, bearer);
    if (!principal) throw new AppError('unauthorized', 'The API token is not valid or was revoked');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await resolveSession(deps.db, cookie, deps.clock.now());
  if (!session) return null;
  return {
    kind: 'user',
    user: session.user,
    session: { id: session.sessionId, csrfToken: session.csrfToken },
  };
}

export function authenticationHook(deps: AppDeps) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const access = request.routeOptions.config.access;
    // Routes outside /api/v1 (health, docs, the web app's files) declare no rule: public.
    if (!access || 'public' in access) return;
    const principal = await resolvePrincipal(deps, request);
    if (!principal) throw new AppError('unauthorized', 'Sign in first');
    request.principal = principal;
    if (principal.kind === 'user' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.session.csrfToken)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    const params = request.params as Record<string, string | undefined> | undefined;
    if (request.routeOptions.url?.includes('/partners/:partnerId')) {
      await requirePartnerAccess(request, params?.partnerId ?? '');
    }
    checkAccess(access, principal, request.method);
  };
}
