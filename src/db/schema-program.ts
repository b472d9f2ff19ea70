// The program: every published version (the newest is in force) and the drafts operators
// edit before publishing one. A draft's document may be invalid; a version's never is.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const programVersions = pgTable('program_versions', {
  version: serial('version').primaryKey(),
  name: text('name').notNull(),
  document: jsonb('document').notNull(),
  loadedAt: at('loaded_at').notNull().defaultNow(),
  /** What changed and why, as the publisher wrote it (null: loaded by the command line). */
  note: text('note'),
  /** Who published it (null: the command line). */
  createdBy: uuid('created_by').references(() => users.id),
  /** The older version this one restored. */
  restoredFrom: integer('restored_from'),
});

export const programDrafts = pgTable(
  'program_drafts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** As the operator last saved it: any JSON, valid or not. */
    document: jsonb('document').notNull(),
    basedOn: integer('based_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('program_drafts_updated').on(sql`${t.updatedAt} desc`)],
);
