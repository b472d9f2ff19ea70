// Single sign-on (OpenID Connect): the one identity provider an operator configures, and
// which email domains map to which partner and role. The client secret is kept as given
// (the app must send it to the provider); the API shows only its last characters. The flow
// key signs the short-lived cookie that carries PKCE verifier, state and nonce.
import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { partners } from './schema-facts.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ssoConfig = pgTable(
  'sso_config',
  {
    /** Always 'default': one provider per installation. */
    id: text('id').primaryKey(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret').notNull(),
    /** Random, server-only: the HMAC key of the sign-in flow cookie. */
    flowKey: text('flow_key').notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [check('sso_config_single', sql`${t.id} = 'default'`)],
);

export const ssoDomains = pgTable(
  'sso_domains',
  {
    /** Lowercased, e.g. acme.example */
    domain: text('domain').primaryKey(),
    partnerId: text('partner_id').references(() => partners.partnerId),
    role: text('role', { enum: ['operator', 'partner-admin', 'partner-user'] }).notNull(),
  },
  (t) => [
    check('sso_domains_role', sql`${t.role} in ('operator', 'partner-admin', 'partner-user')`),
    check('sso_domains_role_partner', sql`(${t.role} = 'operator') = (${t.partnerId} is null)`),
    check('sso_domains_lower', sql`${t.domain} = lower(${t.domain})`),
  ],
);
