// Static lists of clients ("Use in lists"): a partner's named sets of its clients, shared by
// every user of the partner. Members name clients without a foreign key to the facts (the
// clients table is rewritten by imports, whose per-row triggers a key would slow down); the
// lists service admits only the partner's clients.
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { partners } from './schema-facts.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const clientLists = pgTable(
  'client_lists',
  {
    id: uuid('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.partnerId),
    name: text('name').notNull(),
    /** The user who created it (null: an API token). */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('client_lists_partner').on(t.partnerId)],
);

export const clientListMembers = pgTable(
  'client_list_members',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => clientLists.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    addedAt: at('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.clientId] })],
);
