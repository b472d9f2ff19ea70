// Who is calling and what a route allows. Every /api/v1 route declares its access in its
// route config; the authentication hook (./hook.ts) enforces it before validation, so a
// handler only runs for a caller it admits.

import type { FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.ts';
import type { Actor } from '../audit/service.ts';

export const ROLES = ['operator', 'partner-admin', 'partner-user'] as const;
export type Role = (typeof ROLES)[number];
export const PARTNER_ROLES = ['partner-admin', 'partner-user'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export const SCOPES = ['read', 'ingest', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
export const LOCALES = ['en', 'sv', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  partnerId: string | null;
  locale: Locale;
}

/** A signed-in user (session cookie) or an integration (bearer API token). */
export type Principal =
  | { kind: 'user'; user: SessionUser; session: { id: string; csrfToken: string } }
  | { kind: 'token'; token: { id: string; name: string; scopes: Scope[] } };

/**
 * A route's access rule. `public`: no caller needed. Otherwise the user roles admitted and
 * the API-token scope needed (default: read for GET/HEAD, admin for writes; false: tokens
 * are refused, e.g. for the session's own routes). Tokens act for the vendor, like an
 * operator, within their scopes.
 */
export type Access = { public: true } | { roles: readonly Role[] | 'any'; token?: Scope | false };

export const PUBLIC: Access = { public: true };
/** Any signed-in user; not API tokens. */
export const SIGNED_IN: Access = { roles: 'any', token: false };
export const OPERATOR: Access = { roles: ['operator'] };
export const PARTNER_ADMIN: Access = { roles: ['operator', 'partner-admin'] };
/** Any user of the partner in the URL (or an operator), or a token with the scope. */
export const PARTNER_MEMBER: Access = { roles: 'any' };

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { kind: 'user', userId: principal.user.id }
    : { kind: 'token', tokenId: principal.token.id };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'Sign in first');
  return request.principal;
}

/** The signed-in user of a session-only route. */
export function userOf(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw new AppError('forbidden', 'This route needs a signed-in user');
  return principal;
}

function notFound(): AppError {
  return new AppError('not_found', 'No such partner');
}

/**
 * The partner a request may act for. A partner's user gets 404 for any other partner id,
 * exactly as for one that does not exist (403 would confirm that the id exists); operators
 * and API tokens may act for any existing partner (`exists`: whether it does, read with the
 * caller's credentials in one query).
 */
export function requirePartnerAccess(principal: Principal, partnerId: string, exists: boolean): string {
  if (principal.kind === 'user' && principal.user.role !== 'operator') {
    if (principal.user.partnerId !== partnerId) throw notFound();
    return partnerId;
  }
  if (!exists) throw notFound();
  return partnerId;
}

/** Throws unless the principal may call a route with this access rule. */
export function checkAccess(
  access: Exclude<Access, { public: true }>,
  principal: Principal,
  method: string,
): void {
  if (principal.kind === 'token') {
    const needed = access.token ?? (method === 'GET' || method === 'HEAD' ? 'read' : 'admin');
    if (needed === false)
      throw new AppError('forbidden', 'This route needs a signed-in user, not an API token');
    if (!principal.token.scopes.includes(needed))
      throw new AppError('forbidden', `This API token lacks the ${needed} scope`);
    return;
  }
  if (access.roles !== 'any' && !access.roles.includes(principal.user.role))
    throw new AppError('forbidden', 'Your role may not do this');
}
