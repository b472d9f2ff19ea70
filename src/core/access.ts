// Who calls and what a route allows: the roles, scopes and access rules every layer above
// the database shares (the route types in ./app.ts, the features, the server's hook).

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

declare module 'fastify' {
  interface FastifyRequest {
    /** Who calls, set by the authentication hook before validation. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
