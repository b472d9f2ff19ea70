// zod schemas of the clients routes: the clients table, the client panel's tabs, a
// client's points history and ending services.
import { z } from 'zod';
import {
  dirSchema,
  entryRuleSchema,
  isoDateSchema,
  moneySchema,
  onQuery,
  paged,
  pageQuery,
  pointsSchema,
} from '../portal/schemas.ts';

export const RELATIONSHIPS = ['sold', 'managed', 'both'] as const;
export const relationshipSchema = z.enum(RELATIONSHIPS);
export const CLIENT_SORTS = [
  'client',
  'relationship',
  'products',
  'usage',
  'mrr',
  'soldPoints',
  'managedPoints',
  'totalPoints',
] as const;

export const clientListQuery = onQuery.extend(pageQuery.shape).extend({
  sort: z.enum(CLIENT_SORTS).default('client'),
  dir: dirSchema,
  q: z.string().trim().max(200).optional().describe("Part of the client's name or id"),
  relationship: relationshipSchema.optional(),
});

export const clientPointsSchema = z.object({
  sourced: pointsSchema,
  assisted: pointsSchema,
  sold: pointsSchema,
  managed: pointsSchema,
  total: pointsSchema,
});

export const usageMonthSchema = z.object({
  month: z.string().describe('YYYY-MM'),
  toolsUsed: z.number().int(),
  engagementScore: z.number().int().nullable(),
  productsUsed: z.array(z.string()),
  appsUsed: z.array(z.string()),
  lastActiveUser: z.string().nullable(),
  lastActiveOn: isoDateSchema.nullable(),
});

export const clientRowSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  country: z.string(),
  currency: z.string(),
  relationship: relationshipSchema,
  products: z.array(z.string()).describe('Product lines with MRR above zero'),
  usage: usageMonthSchema.nullable().describe('The latest usage month'),
  mrr: moneySchema.describe("In the client's currency"),
  mrrBase: moneySchema.describe("In the program's base currency"),
  managers: z.number().int().describe('Partners managing the client (managed points are split between them)'),
  points: clientPointsSchema,
  accountUrl: z.string().nullable().describe("The client's account in the vendor's product"),
  crmUrl: z.string().nullable().describe("The client's company record in the vendor's CRM"),
});

export const clientListSchema = paged(clientRowSchema).extend({ on: isoDateSchema });

export const subscriptionSchema = z.object({
  product: z.string(),
  mrr: moneySchema,
  since: isoDateSchema.describe('The date the line last rose from zero'),
  lastChangedOn: isoDateSchema,
});

export const clientDetailSchema = z.object({
  on: isoDateSchema,
  client: z.object({
    clientId: z.string(),
    name: z.string(),
    country: z.string(),
    currency: z.string(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    employees: z.number().int().nullable(),
    contactTier: z.string().nullable(),
    emailTier: z.string().nullable(),
    accountUrl: z.string().nullable(),
    crmUrl: z.string().nullable(),
  }),
  relationship: relationshipSchema.nullable().describe('On the day; null for a former client'),
  managedByPartner: z.boolean(),
  managements: z
    .array(z.object({ startDate: isoDateSchema, endDate: isoDateSchema.nullable() }))
    .describe("The partner's management periods (end date: the first day without management)"),
  subscriptions: z.array(subscriptionSchema),
  mrr: moneySchema,
  mrrBase: moneySchema,
});

export const clientRenewalSchema = z.object({
  product: z.string(),
  renewalDate: isoDateSchema,
  status: z.enum(['pending', 'confirmed', 'renewed', 'cancellation_requested']),
  communicationOwner: z.string().nullable(),
  renewalManager: z.string().nullable(),
  currentMrr: moneySchema.describe("The line's MRR on the day"),
  projectedMrrChange: moneySchema.nullable(),
  renewalMrr: moneySchema.describe('Current MRR plus the projected change'),
  daysToRenewal: z.number().int(),
  decisionDeadline: isoDateSchema,
  awaitingDecision: z.boolean(),
});

export const clientRenewalsSchema = z.object({
  on: isoDateSchema,
  renewals: z.array(clientRenewalSchema),
});

export const clientUsageSchema = z.object({
  latest: usageMonthSchema.nullable(),
  history: z.array(usageMonthSchema).describe('Newest first, at most 24 months'),
});

export const bandSchema = z.enum(['low', 'medium', 'high']);

export const engagementSchema = z.object({
  month: z.string().nullable(),
  score: z.number().int().nullable().describe('0-10'),
  band: bandSchema.nullable().describe('Low 0-3, Medium 4-6, High 7-10'),
  history: z.array(z.object({ month: z.string(), score: z.number().int(), band: bandSchema })),
});

export const endServicesSchema = z.object({
  clientId: z.string(),
  endedOn: isoDateSchema.describe('The first day without management'),
  managementsEnded: z.number().int(),
  points: clientPointsSchema.describe("The partner's points after the change (as of endedOn)"),
});

export type ClientListQuery = z.infer<typeof clientListQuery>;
export type ClientRow = z.infer<typeof clientRowSchema>;
export type ClientPoints = z.infer<typeof clientPointsSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;

export const entryDecreaseSchema = z.object({
  date: isoDateSchema,
  changeId: z.string(),
  kind: z.enum(['decreased', 'declined']).describe('declined: churn (a decrease to zero)'),
  points: pointsSchema.describe('Points lost'),
  backing: moneySchema.describe('Backing MRR consumed'),
});

export const historyEntrySchema = z.object({
  entryId: z.string(),
  product: z.string(),
  changeId: z.string().describe('The MRR change that created the entry'),
  reason: z.string().nullable(),
  dealId: z.string(),
  dealName: z.string().nullable(),
  creditedVia: z.enum(['deal', 'seller_of_record']),
  dealType: z.enum(['sourced', 'assisted']),
  kind: z.enum(['new', 'increased']),
  delta: moneySchema.describe('The MRR increase the entry is backed by'),
  points: pointsSchema.describe('Points at creation'),
  remainingPoints: pointsSchema.describe('On the day'),
  remainingBacking: moneySchema,
  earnedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  originDate: isoDateSchema.describe("The line's origin date: it fixes the rate (the rate lock)"),
  status: z.enum(['active', 'consumed', 'expired', 'future']),
  rule: entryRuleSchema,
  decreases: z.array(entryDecreaseSchema),
});

export const managedMonthSchema = z.object({
  date: isoDateSchema.describe('A month end, or the day itself last'),
  managedByPartner: z.boolean(),
  mrr: moneySchema,
  managers: z
    .number()
    .int()
    .describe('Partners managing the client that day (the credit is split between them)'),
  points: pointsSchema,
});

export const clientHistorySchema = z.object({
  on: isoDateSchema,
  clientId: z.string(),
  name: z.string(),
  totals: z.object({
    activeSold: pointsSchema.describe('Remaining points of the active entries'),
    expiredSold: pointsSchema.describe('Points the expired entries held when they expired'),
    lostSold: pointsSchema.describe('Points lost to downgrades and churn'),
    managed: pointsSchema.describe('Managed points on the day'),
  }),
  entries: z.array(historyEntrySchema),
  managed: z.array(managedMonthSchema),
});
