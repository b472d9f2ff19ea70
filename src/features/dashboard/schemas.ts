// zod schemas of the dashboard summary and the tier-progress panel.
import { z } from 'zod';
import {
  isoDateSchema,
  moneySchema,
  pointsSchema,
  pointsSummarySchema,
  tierRefSchema,
  tierTargetSchema,
  tierThresholdsSchema,
} from '../portal/schemas.ts';

export const standingQuery = z.object({
  on: isoDateSchema
    .optional()
    .describe('Answer for this day (computed by the engine); default: the derived state, as of its asOf'),
});

export const sellerTrackSchema = z.object({
  counts: z.enum(['sold', 'sourced']).describe('Which points the seller minimum counts (rule set in force)'),
  points: pointsSchema,
});

export const summarySchema = z.object({
  partner: z.object({ partnerId: z.string(), name: z.string(), country: z.string(), currency: z.string() }),
  today: isoDateSchema,
  asOf: isoDateSchema.describe('The day the points, tiers and metrics are computed for'),
  source: z.enum(['derived', 'computed']),
  credited: tierRefSchema.nullable().describe('The tier the partner holds; null: no tier ("Partner")'),
  performance: tierRefSchema.nullable().describe('The tier the points qualify for on asOf'),
  certified: z.boolean(),
  points: pointsSummarySchema,
  sellerTrack: sellerTrackSchema,
  nextTier: tierTargetSchema
    .nullable()
    .describe('The tier above the credited one and the points it still needs'),
  metrics: z.object({
    sourcedDollars12m: moneySchema.nullable(),
    sourcedMrrRolling12m: moneySchema.nullable(),
    customerDollarRetention12m: z.number().nullable().describe('A fraction: 1 = no churn'),
    revenueRetentionAnnualized: z.number().nullable(),
  }),
  alerts: z.object({
    renewals: z.number().int().describe('Renewals awaiting a decision whose deadline is within the horizon'),
  }),
});

export const tierProgressQuery = standingQuery.extend({
  tier: z.string().min(1).max(100).optional().describe('Tier id (default: the next tier up)'),
});

export const tierProgressSchema = z.object({
  asOf: isoDateSchema,
  points: pointsSummarySchema,
  sellerTrack: sellerTrackSchema,
  credited: tierRefSchema.nullable(),
  tiers: z.array(tierThresholdsSchema).describe('Tiers in force, lowest first (the "Go to" picker)'),
  selected: tierTargetSchema.extend({ thresholds: tierThresholdsSchema }),
});
