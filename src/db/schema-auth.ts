// Accounts and security: users, sessions, one-time password links, login attempts (the
// rate limiter's memory), API tokens and the audit log. Every secret is stored as its
// SHA-256 hash (passwords as argon2id PHC strings); all state lives here, not in memory,
// so any number of app instances share it. Times are written from the server's clock.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { partners } from './schema-facts.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lowercased; unique without regard to case. */
    email: text('email').notNull(),
    role: text('role', { enum: ['operator', 'partner-admin', 'partner-user'] }).notNull(),
    partnerId: text('partner_id').references(() => partners.partnerId),
    /** argon2id PHC string; null until the user sets a password through a link. */
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['en', 'sv', 'nl'] })
      .notNull()
      .default('en'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_lower').on(sql`lower(${t.email})`),
    index('users_partner').on(t.partnerId),
    check('users_role', sql`${t.role} in ('operator', 'partner-admin', 'partner-user')`),
    check('users_locale', sql`${t.locale} in ('en', 'sv', 'nl')`),
    // Operators belong to no partner; partner users to exactly one.
    check('users_role_partner', sql`(${t.role} = 'operator') = (${t.partnerId} is null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 (hex) of the cookie's token. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash').on(t.tokenHash), index('sessions_user').on(t.userId)],
);

/** One-time links: 'set' (a new user's first password) and 'reset' (forgotten password). */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['set', 'reset'] }).notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [
    uniqueIndex('password_tokens_token_hash').on(t.tokenHash),
    index('password_tokens_user').on(t.userId),
    check('password_tokens_purpose', sql`${t.purpose} in ('set', 'reset')`),
  ],
);

/** Every sign-in attempt: the rate limiter counts failures per email and per address. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    /** Lowercased as typed, whether or not a user has it. */
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    /** success, failure, or blocked (refused by the limiter; never counted as a failure). */
    outcome: text('outcome', { enum: ['success', 'failure', 'blocked'] }).notNull(),
  },
  (t) => [
    index('login_attempts_email_at').on(t.email, t.at),
    index('login_attempts_ip_at').on(t.ip, t.at),
    check('login_attempts_outcome', sql`${t.outcome} in ('success', 'failure', 'blocked')`),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The first characters of the token, to recognise it in lists (not enough to use it). */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    lastUsedAt: at('last_used_at'),
    /** After this the token is refused (null: never expires). */
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash').on(t.tokenHash),
    check(
      'api_tokens_scopes',
      sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['read', 'ingest', 'admin']::text[]`,
    ),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    /** user, token, or system (the command line). */
    actorKind: text('actor_kind', { enum: ['user', 'token', 'system'] }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorTokenId: uuid('actor_token_id').references(() => apiTokens.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    partnerId: text('partner_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_partner').on(t.partnerId, t.at),
    index('audit_log_actor').on(t.actorUserId, t.at),
    index('audit_log_action').on(t.action, t.at),
    check('audit_log_actor_kind', sql`${t.actorKind} in ('user', 'token', 'system')`),
  ],
);
