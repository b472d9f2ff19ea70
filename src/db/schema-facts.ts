// Facts (what the vendor told us) and derived state (a cache of the engine's output,
// rebuilt per partner inside the transaction that changes its facts).
// Money as numeric(20,4), points as numeric(16,2), dates as date.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';

const money = (name: string) => numeric(name, { precision: 20, scale: 4 });
const points = (name: string) => numeric(name, { precision: 16, scale: 2 });
const day = (name: string) => date(name, { mode: 'string' });

// ---- Facts ---------------------------------------------------------------------------
// A fact's partner, client or deal is checked by the writers (features/import/validate.ts,
// used by the import and the ingestion API, under the fact-writes lock; facts are never
// deleted), not by foreign keys: their per-row triggers took a quarter of a large import.

export const partners = pgTable('partners', {
  partnerId: text('partner_id').primaryKey(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  currency: text('currency').notNull(),
  website: text('website'),
});

export const certifications = pgTable(
  'certifications',
  {
    partnerId: text('partner_id').notNull(),
    name: text('name').notNull(),
    validFrom: day('valid_from').notNull(),
    validUntil: day('valid_until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.name, t.validFrom] })],
);

export const teamContacts = pgTable(
  'team_contacts',
  {
    partnerId: text('partner_id').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.email] })],
);

export const clients = pgTable('clients', {
  clientId: text('client_id').primaryKey(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  currency: text('currency').notNull(),
  domain: text('domain'),
  industry: text('industry'),
  employees: integer('employees'),
  contactTier: text('contact_tier'),
  emailTier: text('email_tier'),
  accountUrl: text('account_url'),
  crmUrl: text('crm_url'),
});

export const managements = pgTable(
  'managements',
  {
    partnerId: text('partner_id').notNull(),
    clientId: text('client_id').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.clientId, t.startDate] }),
    index('managements_client').on(t.clientId),
  ],
);

export const deals = pgTable(
  'deals',
  {
    dealId: text('deal_id').primaryKey(),
    partnerId: text('partner_id').notNull(),
    clientId: text('client_id').notNull(),
    type: text('type').notNull(),
    stage: text('stage').notNull(),
    createdOn: day('created_on').notNull(),
    closedOn: day('closed_on'),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    name: text('name'),
  },
  (t) => [index('deals_client').on(t.clientId), index('deals_partner').on(t.partnerId)],
);

export const mrrChanges = pgTable(
  'mrr_changes',
  {
    changeId: text('change_id').primaryKey(),
    clientId: text('client_id').notNull(),
    product: text('product').notNull(),
    date: day('date').notNull(),
    mrrAfter: money('mrr_after').notNull(),
    currency: text('currency').notNull(),
    dealId: text('deal_id'),
    reason: text('reason'),
  },
  (t) => [index('mrr_changes_client').on(t.clientId, t.product, t.date)],
);

export const renewals = pgTable(
  'renewals',
  {
    clientId: text('client_id').notNull(),
    product: text('product').notNull(),
    renewalDate: day('renewal_date').notNull(),
    status: text('status').notNull(),
    projectedMrrChange: money('projected_mrr_change'),
    renewalManager: text('renewal_manager'),
    communicationOwner: text('communication_owner'),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.product, t.renewalDate] })],
);

export const usage = pgTable(
  'usage',
  {
    clientId: text('client_id').notNull(),
    month: text('month').notNull(),
    toolsUsed: integer('tools_used').notNull(),
    engagementScore: integer('engagement_score'),
    productsUsed: text('products_used').array().notNull().default(sql`'{}'::text[]`),
    appsUsed: text('apps_used').array().notNull().default(sql`'{}'::text[]`),
    lastActiveUser: text('last_active_user'),
    lastActiveOn: day('last_active_on'),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.month] })],
);

export const payments = pgTable(
  'payments',
  {
    partnerId: text('partner_id').notNull(),
    paidOn: day('paid_on').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    reference: text('reference').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.reference] })],
);

// ---- Derived state -------------------------------------------------------------------

/** Sold entries credited to a partner, each with the rule behind its points. */
export const soldEntries = pgTable(
  'sold_entries',
  {
    partnerId: text('partner_id').notNull(),
    entryId: text('entry_id').notNull(),
    clientId: text('client_id').notNull(),
    product: text('product').notNull(),
    changeId: text('change_id').notNull(),
    dealId: text('deal_id').notNull(),
    creditedVia: text('credited_via').notNull(),
    dealType: text('deal_type').notNull(),
    kind: text('kind').notNull(),
    delta: money('delta').notNull(),
    points: points('points').notNull(),
    remainingBacking: money('remaining_backing').notNull(),
    remainingPoints: points('remaining_points').notNull(),
    earnedOn: day('earned_on').notNull(),
    expiresOn: day('expires_on').notNull(),
    originDate: day('origin_date').notNull(),
    explanation: jsonb('explanation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.entryId] }),
    index('sold_entries_client').on(t.partnerId, t.clientId),
  ],
);

/** Points lost by an entry to a downgrade (decreased) or churn (declined). */
export const pointLosses = pgTable(
  'point_losses',
  {
    partnerId: text('partner_id').notNull(),
    entryId: text('entry_id').notNull(),
    changeId: text('change_id').notNull(),
    clientId: text('client_id').notNull(),
    product: text('product').notNull(),
    date: day('date').notNull(),
    kind: text('kind').notNull(),
    dealType: text('deal_type').notNull(),
    points: points('points').notNull(),
    backing: money('backing').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.entryId, t.changeId] })],
);

/** Points and tiers of a partner at every month end. */
export const partnerSnapshots = pgTable(
  'partner_snapshots',
  {
    partnerId: text('partner_id').notNull(),
    monthEnd: day('month_end').notNull(),
    sourced: points('sourced').notNull(),
    assisted: points('assisted').notNull(),
    sold: points('sold').notNull(),
    managed: points('managed').notNull(),
    total: points('total').notNull(),
    certified: boolean('certified').notNull(),
    performance: text('performance'),
    credited: text('credited'),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.monthEnd] })],
);

/** Every change of a partner's credited tier. */
export const tierHistory = pgTable(
  'tier_history',
  {
    partnerId: text('partner_id').notNull(),
    date: day('date').notNull(),
    fromTier: text('from_tier'),
    toTier: text('to_tier'),
    reason: text('reason').notNull(),
    performance: text('performance'),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.date] })],
);

/** The partner's points and tiers as of the derivation date: what lists and the dashboard read. */
export const partnerState = pgTable(
  'partner_state',
  {
    partnerId: text('partner_id').primaryKey(),
    asOf: day('as_of').notNull(),
    sourced: points('sourced').notNull(),
    assisted: points('assisted').notNull(),
    sold: points('sold').notNull(),
    managed: points('managed').notNull(),
    total: points('total').notNull(),
    certified: boolean('certified').notNull(),
    performance: text('performance'),
    credited: text('credited'),
    /** Program progress figures on as_of (PROGRAM_RULES §7), as JSON numbers. */
    metrics: jsonb('metrics').notNull().default(sql`'{}'::jsonb`),
    /** Points to keep / reach tiers, upcoming expirations, three-month projection. */
    insights: jsonb('insights').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    // The operator's partners table reads these columns of every partner: an index-only scan
    // instead of the wide rows (metrics and insights), ~10x faster over 10,000 partners.
    index('partner_state_table').on(
      t.partnerId,
      t.total,
      t.sold,
      t.managed,
      t.credited,
      t.performance,
      t.certified,
    ),
  ],
);
