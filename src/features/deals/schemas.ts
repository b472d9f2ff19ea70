// zod schemas of shared sales and their deal reports.
import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../../db/schema-registrations.ts';
import { isoDateSchema, moneySchema, paged, pageQuery, rangeQuery } from '../portal/schemas.ts';
import { SALES_CATEGORIES } from './repository.ts';

export const salesCategorySchema = z.enum(SALES_CATEGORIES);

const figure = z.object({
  deals: z.number().int(),
  mrr: moneySchema.describe("Sum of the deals' MRR in the base currency"),
});

export const sharedSalesSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  created: figure.describe('Deals created in the range'),
  inFlight: figure.describe('Open sourced deals created by the end of the range'),
  closedWon: figure.describe('Deals closed-won in the range'),
  registered: figure.describe('Deal registrations submitted in the range, in any status (expected MRR)'),
});

export const salesItemsQuery = rangeQuery.extend(pageQuery.shape).extend({ category: salesCategorySchema });

export const dealSchema = z.object({
  dealId: z.string(),
  name: z.string().nullable(),
  clientId: z.string().nullable().describe('null: a registered company that is not yet a client'),
  clientName: z.string(),
  type: z.enum(['sourced', 'assisted']),
  stage: z.enum(['open', 'closed_won', 'closed_lost']),
  createdOn: isoDateSchema,
  closedOn: isoDateSchema.nullable(),
  products: z.array(z.string()),
  amount: moneySchema.describe('MRR in the deal currency'),
  amountBase: moneySchema,
  registration: z
    .object({
      id: z.string(),
      status: z.enum(REGISTRATION_STATUSES),
      expectedCloseDate: isoDateSchema,
    })
    .nullable()
    .describe('The deal registration behind a row of the registered category; null for a deal'),
});

export const salesItemsSchema = paged(dealSchema).extend({
  from: isoDateSchema,
  to: isoDateSchema,
  category: salesCategorySchema,
});
