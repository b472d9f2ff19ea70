// Deal registrations (issue 14): a partner's claim on a deal before it closes, checked for
// conflicts with other partners' clients and registrations, decided by an operator, protected
// for a window of days (the program's dealRegistration), and won when a matching deal closes.
// The domain and name key are stored normalised (domain/matching.ts), for the checks.
import { sql } from 'drizzle-orm';
import { date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { partners } from './schema-facts.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const REGISTRATION_STATUSES = ['submitted', 'approved', 'rejected', 'expired', 'won', 'lost'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const EXTENSION_STATUSES = ['requested', 'granted', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const dealRegistrations = pgTable(
  'deal_registrations',
  {
    id: uuid('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.partnerId),
    /** An existing client of the partner, when the registration names one. */
    clientId: text('client_id'),
    clientName: text('client_name').notNull(),
    /** Normalised (acme.se; IDN as punycode); null when only a client id was given without one. */
    domain: text('domain'),
    /** The company name's matching key (legal forms dropped, accents folded). */
    nameKey: text('name_key').notNull(),
    country: text('country').notNull(),
    currency: text('currency').notNull(),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    expectedMrr: numeric('expected_mrr', { precision: 20, scale: 4 }).notNull(),
    expectedCloseDate: day('expected_close_date').notNull(),
    dealType: text('deal_type').notNull(),
    notes: text('notes'),
    /** submitted, approved, rejected, expired, won, lost. */
    status: text('status').notNull(),
    rejectionReason: text('rejection_reason'),
    /** The user who submitted it (null: an API token). */
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: at('submitted_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    /** The last day the registration protects the deal. */
    protectionEndsOn: day('protection_ends_on').notNull(),
    /** null, requested, granted, refused. */
    extensionStatus: text('extension_status'),
    extensionReason: text('extension_reason'),
    /** The vendor's deal: given at submission to match on, or the deal that won it. */
    dealId: text('deal_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('deal_registrations_partner').on(t.partnerId, t.status),
    index('deal_registrations_status').on(t.status, t.protectionEndsOn),
    index('deal_registrations_domain').on(t.domain),
  ],
);
