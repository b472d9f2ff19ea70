// The authentication hook, run on every request before body parsing and validation:
// resolves the caller (bearer API token, else session cookie), enforces the route's access
// rule, CSRF on cookie-authenticated writes, and partner tenancy for `/partners/:partnerId`
// routes. Partner tenancy is checked before roles, so another partner's id is always 404.
// One prepared query reads the caller and whether the URL's partner exists (and, on a route
// with config.preload, the route's own data): one round trip per request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import { checkAccess, type Principal, requirePartnerAccess } from './access.ts';
import { resolveApiToken } from './api-tokens.ts';
import { safeEqual } from './secrets.ts';
import { resolveSession, SESSION_COOKIE, type SessionPreload } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
  return m[1];
}

interface Resolved {
  principal: Principal;
  /** Whether the URL's partner exists (false when the route has no partner). */
  partnerExists: boolean;
  /** The route's preload, read with the session (cookie sessions only). */
  preload?: unknown;
}

/** The caller, and in the same query whether `partnerId` (the URL's partner, if any) exists. */
async function resolvePrincipal(
  deps: AppDeps,
  request: FastifyRequest,
  partnerId: string | undefined,
): Promise<Resolved | null> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    const resolved = await resolveApiToken(deps, bearer, partnerId);
    if (!resolved)
      throw new AppError('unauthorized', 'The API token is not valid, has expired or was revoked');
    return resolved;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const preload = request.routeOptions.config.preload;
  const session = await resolveSession(deps.db, cookie, deps.clock.now(), partnerId, preload);
  if (!session) return null;
  return {
    principal: {
      kind: 'user',
      user: session.user,
      session: { id: session.sessionId, csrfToken: session.csrfToken },
    },
    partnerExists: session.partnerExists,
    preload: session.preload,
  };
}

export function authenticationHook(deps: AppDeps) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const access = request.routeOptions.config.access;
    // Routes outside /api/v1 (health, docs, the web app's files) declare no rule: public.
    if (!access || 'public' in access) return;
    const params = request.params as Record<string, string | undefined> | undefined;
    const partnerId = request.routeOptions.url?.includes('/partners/:partnerId')
      ? (params?.partnerId ?? '')
      : undefined;
    const resolved = await resolvePrincipal(deps, request, partnerId);
    if (!resolved) throw new AppError('unauthorized', 'Sign in first');
    const { principal } = resolved;
    request.principal = principal;
    // Every later line of this request's log says who made it.
    request.log = request.log.child(
      principal.kind === 'user' ? { userId: principal.user.id } : { tokenId: principal.token.id },
    );
    reply.log = request.log;
    if (principal.kind === 'user' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.session.csrfToken)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if (partnerId !== undefined) requirePartnerAccess(principal, partnerId, resolved.partnerExists);
    checkAccess(access, principal, request.method);
    // Only now, with every check passed, may the handler see what was read with the session.
    const preload = request.routeOptions.config.preload;
    if (preload && 'preload' in resolved) request.preloaded = { by: preload, value: resolved.preload };
  };
}

/**
 * What the route's preload (config.preload) read in the session lookup, once the caller
 * passed the checks; undefined when it did not run (e.g. an API token): query it then.
 */
export function preloaded<T>(request: FastifyRequest, preload: SessionPreload<T>): T | undefined {
  const found = request.preloaded;
  return found && found.by === preload ? (found.value as T) : undefined;
}
