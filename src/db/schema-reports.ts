// Saved reports ("Save as report"): a partner's named report definitions (the report, its
// metric, a fixed or relative date range, filters, the columns shown), shared by every user
// of the partner; and each user's dashboard cards, one per saved report it pinned, in order.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { partners } from './schema-facts.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const savedReports = pgTable(
  'saved_reports',
  {
    id: uuid('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.partnerId),
    name: text('name').notNull(),
    /** The definition (features/saved-reports/schemas.ts definitionSchema), as stored. */
    definition: jsonb('definition').notNull(),
    /** The user who saved it (null: an API token, or a deleted user). */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('saved_reports_partner').on(t.partnerId)],
);

export const dashboardCards = pgTable(
  'dashboard_cards',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => savedReports.id, { onDelete: 'cascade' }),
    /** Order on the user's dashboard, from 0. */
    position: integer('position').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('dashboard_cards_user_report').on(t.userId, t.reportId)],
);
