// What every operation of the OpenAPI document carries without each route repeating it:
// an operationId derived from its method and path (unique, or the app refuses to start),
// and the error answers it can give, each with the error body schema.
import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { errorBodySchema } from '../core/errors.ts';

const ERRORS = {
  400: errorBodySchema.describe('The request is not valid: `details.issues` names each field and problem'),
  401: errorBodySchema.describe('Not signed in, or the token is unknown, expired or revoked'),
  403: errorBodySchema.describe('Signed in, but this role, scope or missing x-csrf-token does not allow it'),
  404: errorBodySchema.describe('No such resource (or a partner this caller may not see)'),
  429: errorBodySchema.describe('Too many attempts: wait for Retry-After seconds'),
  503: errorBodySchema.describe('The database is not answering right now: retry after Retry-After seconds'),
} as const;

const pascal = (words: string) =>
  words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * GET /api/v1/partners/:partnerId/deal-registrations/:registrationId →
 * getPartnersDealRegistrationsByRegistrationId: the path's words, a parameter only when it
 * ends the path ("By…"), so a collection and its items differ.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url
    .replace(/^\/api\/(v1\/)?/, '')
    .split('/')
    .filter(Boolean);
  const words = segments.map((s, i) =>
    s.startsWith(':') ? (i === segments.length - 1 ? `By${pascal(s.slice(1))}` : '') : pascal(s),
  );
  return method.toLowerCase() + words.join('');
}

type Schema = NonNullable<RouteOptions['schema']> & { hide?: boolean; operationId?: string };

/** Refuses a route whose derived operationId another route already has. */
export function checkOperationId(route: RouteOptions, seen: Map<string, string>): void {
  const schema = route.schema as Schema | undefined;
  if (!route.url.startsWith('/api/') || schema?.hide) return;
  for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
    if (method === 'HEAD') continue;
    const id = schema?.operationId ?? operationIdOf(method, route.url);
    const other = seen.get(id);
    if (other !== undefined && other !== `${method} ${route.url}`)
      throw new Error(
        `${method} ${route.url}: operationId ${id} is also ${other}'s: give one an explicit operationId`,
      );
    seen.set(id, `${method} ${route.url}`);
  }
}

/** The route's schema as documented: its operationId, a success answer, the errors it can give. */
export function documented(route: RouteOptions, schema: Schema | undefined): Schema | undefined {
  if (!route.url.startsWith('/api/') || schema?.hide) return schema;
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const access = (route.config as { access?: object } | undefined)?.access;
  const isPublic = !route.url.startsWith('/api/v1/') || Boolean(access && 'public' in access);
  const takesInput = Boolean(schema?.body || schema?.querystring || schema?.params);
  const statuses: (keyof typeof ERRORS)[] = [
    ...(takesInput ? ([400] as const) : []),
    ...(isPublic ? [] : ([401, 403] as const)),
    ...(route.url.includes('/:') ? ([404] as const) : []),
    ...(route.url === '/api/health' ? [] : ([503] as const)),
  ];
  const response = { ...(schema?.response as Record<string, unknown> | undefined) };
  if (!Object.keys(response).some((status) => status.startsWith('2')))
    response[method === 'DELETE' ? 204 : 200] =
      method === 'DELETE'
        ? NO_CONTENT
        : z.unknown().describe('A file download (see the summary for its format)');
  for (const status of statuses) response[status] ??= ERRORS[status];
  return { ...schema, operationId: schema?.operationId ?? operationIdOf(method, route.url), response };
}

const NO_CONTENT = z.null().describe('Done; no body');
