// zod schemas of the points calculator (rules §8), the same inputs as `tierwise calc`.
import { z } from 'zod';
import { isCountryCode, isCurrencyCode } from '../../domain/iso.ts';
import { isoDateSchema, moneySchema, pointsSchema } from '../portal/schemas.ts';

const decimal = (digits: number) =>
  z
    .union([
      z.number().nonnegative(),
      z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal number'),
    ])
    .describe(`A non-negative number with at most ${digits} decimals (a JSON number or a decimal string)`);

export const currencySchema = z.string().refine(isCurrencyCode, 'is not an ISO 4217 currency code');
export const countrySchema = z.string().refine(isCountryCode, 'is not an ISO 3166-1 alpha-2 country code');
const dealTypeSchema = z.enum(['sourced', 'assisted']);

export const pointsBody = z
  .object({
    amount: decimal(4).describe('The sold amount (MRR) in the client currency'),
    currency: currencySchema.describe('Client currency (ISO 4217)'),
    country: countrySchema.describe('Client country (ISO 3166-1 alpha-2)'),
    dealType: dealTypeSchema,
    managed: z.boolean().default(false).describe('Does the partner also manage the client?'),
    otherManagers: z.number().int().min(0).max(1000).optional().describe('Other partners managing it'),
    on: isoDateSchema.optional().describe('The day the program is read on (default: today)'),
  })
  .strict();

export const amountBody = z
  .object({
    soldPoints: decimal(2).optional(),
    managedPoints: decimal(2).optional(),
    dealType: dealTypeSchema.optional().describe('Required with soldPoints'),
    currency: currencySchema,
    country: countrySchema,
    on: isoDateSchema.optional(),
  })
  .strict();

export const valueBody = z
  .object({
    kind: z.enum(['sold', 'managed']),
    amount: decimal(4).describe('A sold or managed value in the currency'),
    dealType: dealTypeSchema.optional().describe('Required for sold'),
    currency: currencySchema,
    country: countrySchema,
    on: isoDateSchema.optional(),
  })
  .strict();

const explanation = z.object({
  ruleSetId: z.string(),
  effectiveFrom: isoDateSchema,
  currency: z.string(),
  country: z.string(),
  baseCurrency: z.string(),
  currencyPer100: z.number().describe('Amount of the currency worth 100 of the base currency'),
  growthMarket: z.boolean(),
  growthMultiplier: z.number(),
});

export const pointsResultSchema = z.object({
  on: isoDateSchema,
  sold: pointsSchema,
  managed: pointsSchema,
  total: pointsSchema,
  explanation: explanation.extend({
    dealType: dealTypeSchema,
    soldRate: z.number(),
    managedRate: z.number(),
    managers: z.number().int().describe('Partners sharing the managed points; 0 when not managed'),
  }),
});

const currencyExplanation = explanation.extend({
  kind: z.enum(['sold', 'managed']),
  dealType: dealTypeSchema.optional(),
  rate: z.number(),
  minorUnits: z.number().int(),
});

export const amountResultSchema = moneySchema.extend({
  on: isoDateSchema,
  explanation: currencyExplanation,
});

export const valueResultSchema = z.object({
  on: isoDateSchema,
  points: pointsSchema,
  explanation: currencyExplanation,
});
