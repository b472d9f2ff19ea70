// The partner portal's own state: preview features defined by operators and the opt-ins
// of users (or of a whole partner, by a partner admin). Facts and derived state live in
// ./schema-facts.ts; accounts in ./schema-auth.ts.
import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { partners } from './schema-facts.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A preview feature: opt-in only, after accepting its terms. */
export const previews = pgTable('previews', {
  /** A stable slug the web app keys the feature on, e.g. 'three-month-projection'. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  terms: text('terms').notNull(),
  /** The operator who defined it; null for the previews the migrations seed. */
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * One opt-in: a user's own (scope 'user'), or a partner admin's for every user of the
 * partner, present and future (scope 'partner'). Opting out deletes the row.
 */
export const previewOptins = pgTable(
  'preview_optins',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    previewId: text('preview_id')
      .notNull()
      .references(() => previews.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ['user', 'partner'] }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').references(() => partners.partnerId),
    /** Who opted in (the user, or the partner admin or operator acting for the partner). */
    optedInBy: uuid('opted_in_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the terms were accepted: an opt-in always accepts them. */
    acceptedTermsAt: at('accepted_terms_at').notNull(),
  },
  (t) => [
    uniqueIndex('preview_optins_user').on(t.previewId, t.userId).where(sql`${t.scope} = 'user'`),
    uniqueIndex('preview_optins_partner').on(t.previewId, t.partnerId).where(sql`${t.scope} = 'partner'`),
    index('preview_optins_user_lookup').on(t.userId),
    index('preview_optins_partner_lookup').on(t.partnerId),
    check('preview_optins_scope', sql`${t.scope} in ('user', 'partner')`),
    check(
      'preview_optins_target',
      sql`(${t.scope} = 'user' and ${t.userId} is not null and ${t.partnerId} is null)
          or (${t.scope} = 'partner' and ${t.partnerId} is not null and ${t.userId} is null)`,
    ),
  ],
);
