// zod pieces every portal route shares: dates, ranges, pages, money, tiers, parameters.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { partnerIdSchema } from '../auth/schemas.ts';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isIsoDate, 'is not a calendar date')
  .describe('A date, YYYY-MM-DD');

export const onQuery = z.object({
  on: isoDateSchema.optional().describe('The day to answer for (default: today)'),
});

export const rangeQuery = z.object({
  from: isoDateSchema.optional().describe('First day of the range (default: 29 days before `to`)'),
  to: isoDateSchema.optional().describe('Last day of the range, inclusive (default: today)'),
});

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
});

export const dirSchema = z.enum(['asc', 'desc']).default('asc');

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Rows matching the filters, over all pages. */
    total: z.number().int(),
    items: z.array(item),
  });
}

export const moneySchema = z
  .object({ amount: z.number(), currency: z.string().length(3) })
  .describe("An amount at its currency's minor unit");

export const pointsSchema = z.number().describe('Points, at most 2 decimals');

export const tierRefSchema = z.object({ id: z.string(), name: z.string() });

export const partnerParams = z.object({ partnerId: partnerIdSchema });
export const clientParams = z.object({
  partnerId: partnerIdSchema,
  clientId: z.string().min(1).max(200),
});

export const pointsSummarySchema = z.object({
  sourced: pointsSchema,
  assisted: pointsSchema,
  sold: pointsSchema,
  managed: pointsSchema,
  total: pointsSchema,
});

export const trackMissingSchema = z.object({
  total: pointsSchema,
  seller: pointsSchema,
  managed: pointsSchema,
});

export const tierTargetSchema = z.object({
  tierId: z.string(),
  tierName: z.string(),
  met: z.boolean().describe('Whether the current points meet every threshold (certification aside)'),
  missing: trackMissingSchema.describe('Points still missing per track: max(0, threshold - current)'),
});

export const tierThresholdsSchema = z.object({
  id: z.string(),
  name: z.string(),
  total: pointsSchema,
  sellerMinimum: pointsSchema,
  managedMinimum: pointsSchema,
});

/** The rule behind a sold entry's points (portal/json.ts entryRule). */
export const entryRuleSchema = z.object({
  rateRuleSetId: z.string().describe('Rule set in force on the origin date'),
  rate: z.number().describe('Points per 100 of the base currency'),
  currencyRuleSetId: z.string().describe('Rule set in force on the change date'),
  currency: z.string(),
  currencyPer100: z.number().describe('Amount of the currency worth 100 of the base currency'),
  baseCurrency: z.string(),
  country: z.string(),
  growthMarket: z.boolean(),
  multiplier: z.number(),
});
