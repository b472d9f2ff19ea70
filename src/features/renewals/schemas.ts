// zod schemas of the upcoming-renewals table.
import { z } from 'zod';
import { dirSchema, isoDateSchema, moneySchema, onQuery, paged, pageQuery } from '../portal/schemas.ts';

export const RENEWAL_SORTS = [
  'timeToRenewal',
  'client',
  'product',
  'mrrChange',
  'lastActiveUser',
  'renewalManager',
  'status',
  'decisionDeadline',
] as const;

export const renewalListQuery = onQuery.extend(pageQuery.shape).extend({
  sort: z.enum(RENEWAL_SORTS).default('timeToRenewal'),
  dir: dirSchema,
});
export type RenewalListQuery = z.infer<typeof renewalListQuery>;

export const renewalRowSchema = z.object({
  clientId: z.string(),
  clientName: z.string(),
  product: z.string(),
  renewalDate: isoDateSchema,
  status: z.enum(['pending', 'confirmed', 'renewed', 'cancellation_requested']),
  currentMrr: moneySchema,
  mrrChange: moneySchema.nullable().describe('Projected MRR change at renewal'),
  lastActiveUser: z.string().nullable(),
  lastActiveOn: isoDateSchema.nullable(),
  renewalManager: z.string().nullable(),
  communicationOwner: z.string().nullable(),
  daysToRenewal: z.number().int(),
  decisionDeadline: isoDateSchema.describe('Renewal date minus the decision lead time'),
  awaitingDecision: z.boolean().describe('pending or cancellation requested'),
});

export const renewalListSchema = paged(renewalRowSchema).extend({
  on: isoDateSchema,
  horizonDays: z.number().int(),
});
