// zod schemas of tier point changes and their drill-down.
import { z } from 'zod';
import type { ChangeCategory } from '../../domain/changes.ts';
import {
  entryRuleSchema,
  isoDateSchema,
  paged,
  pageQuery,
  pointsSchema,
  rangeQuery,
} from '../portal/schemas.ts';

export const categorySchema = z.enum([
  'newSold',
  'increasedSold',
  'expiredSold',
  'decreasedSold',
  'declinedSold',
  'newManaged',
  'lostManaged',
] satisfies readonly ChangeCategory[]);

export const pointChangesSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  newSold: pointsSchema.describe('Entries that took a line from zero (new line, cross-sell)'),
  increasedSold: pointsSchema.describe('Other entries: upsells, increases without a deal'),
  expiredSold: pointsSchema,
  decreasedSold: pointsSchema.describe('Lost to downgrades'),
  declinedSold: pointsSchema.describe('Lost to churn'),
  newManaged: pointsSchema,
  lostManaged: pointsSchema,
  wonSold: pointsSchema.describe('newSold + increasedSold'),
  lostSold: pointsSchema.describe('expiredSold + decreasedSold + declinedSold'),
});

export const itemsQuery = rangeQuery.extend(pageQuery.shape).extend({ category: categorySchema });

export const changeItemSchema = z.object({
  category: categorySchema,
  clientId: z.string(),
  clientName: z.string(),
  date: isoDateSchema,
  points: pointsSchema.describe('Positive: the size of the change'),
  product: z.string().nullable(),
  entryId: z.string().nullable(),
  changeId: z.string().nullable(),
  dealId: z.string().nullable(),
  dealType: z.enum(['sourced', 'assisted']).nullable(),
  before: pointsSchema
    .nullable()
    .describe("Managed items: the client's managed points the day before the range"),
  after: pointsSchema.nullable().describe('Managed items: on the last day of the range'),
  rule: entryRuleSchema.nullable().describe("Sold items: the rule behind the entry's points"),
});

export const changeItemsSchema = paged(changeItemSchema).extend({
  from: isoDateSchema,
  to: isoDateSchema,
  category: categorySchema,
  points: pointsSchema.describe('The figure: the sum of every item over all pages'),
});
