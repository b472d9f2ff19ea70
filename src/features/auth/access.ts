// Who is calling and what a route allows. Every /api/v1 route declares its access in its
// route config; the authentication hook (./hook.ts) enforces it before validation, so a
// handler only runs for a caller it admits.

import type { FastifyRequest } from 'fastify';
import type { Access, Principal } from '../../core/access.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../audit/service.ts';

export * from '../../core/access.ts';

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
