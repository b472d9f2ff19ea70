// zod schemas of the Tier page.
import { z } from 'zod';
import { sellerTrackSchema, standingQuery } from '../dashboard/schemas.ts';
import {
  dirSchema,
  isoDateSchema,
  moneySchema,
  onQuery,
  paged,
  pageQuery,
  pointsSchema,
  pointsSummarySchema,
  tierRefSchema,
  tierTargetSchema,
  tierThresholdsSchema,
} from '../portal/schemas.ts';

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .describe('A month, YYYY-MM');

export const tierQuery = standingQuery;

const projectedSchema = pointsSummarySchema.extend({ date: isoDateSchema, tier: tierRefSchema.nullable() });

const forecastLineSchema = z.object({
  points: z
    .array(pointsSummarySchema.extend({ date: isoDateSchema }))
    .describe('The points on each of the forecast dates'),
  reviewDayTier: tierRefSchema
    .nullable()
    .describe('The tier these points perform at on the review day (null: none)'),
});

export const forecastSchema = z
  .object({
    reviewDay: isoDateSchema.describe('The next tier review day (tierReview.reviewDays) after asOf'),
    dates: z.array(isoDateSchema).describe('asOf, every month end before the review day, and the review day'),
    lines: z.object({
      baseline: forecastLineSchema.describe(
        'If nothing else happens: sold entries expire on schedule, managed points stay, and the renewals at risk end their lines on their renewal dates',
      ),
      pipeline: forecastLineSchema.describe(
        'If the pipeline closes as expected: the baseline plus each approved registration and open deal counted as sold points from its close date, times its stage probability',
      ),
    }),
    atRisk: z
      .array(
        z.object({
          clientId: z.string(),
          clientName: z.string(),
          product: z.string(),
          status: z
            .enum(['cancellation_requested', 'pending'])
            .describe('cancellation_requested, or pending past its decision deadline'),
          renewalDate: isoDateSchema.describe('The day the line ends in the baseline'),
          decisionDeadline: isoDateSchema.describe('Renewal date minus renewals.decisionLeadDays'),
          sold: pointsSchema.describe("The line's sold points still active on the review day"),
          managed: pointsSchema.describe("The line's share of the client's managed points on the review day"),
          points: pointsSchema.describe('sold + managed: what the renewal would take away'),
        }),
      )
      .describe('The renewals at risk before the review day, most points first'),
    pipeline: z
      .array(
        z.object({
          kind: z.enum(['registration', 'deal']),
          id: z.string().describe("The registration's id or the deal's id"),
          name: z.string().describe("The registration's client name, or the deal's name"),
          clientId: z.string().nullable(),
          clientName: z.string().nullable(),
          dealType: z.enum(['sourced', 'assisted']),
          stage: z.string().describe('approved (registrations) or open (deals)'),
          probability: z
            .number()
            .describe('dealRegistration.stageProbabilities of the stage in the program, 0 to 1'),
          expectedMrr: moneySchema,
          closeDate: isoDateSchema.describe(
            'The expected close date it counts from (the day after asOf when unknown or past)',
          ),
          points: pointsSchema.describe('Sold points if it closes (PROGRAM_RULES §3.1)'),
          weightedPoints: pointsSchema.describe('points × probability: its part of the pipeline line'),
        }),
      )
      .describe(
        'The approved registrations and open deals closing by the review day, most weighted points first (an open deal registered is counted once, as its registration)',
      ),
  })
  .describe('The projection run to the next review day as two lines, and what lies between them');

export const tierSchema = z.object({
  asOf: isoDateSchema,
  partner: z.object({ partnerId: z.string(), name: z.string(), country: z.string(), currency: z.string() }),
  credited: tierRefSchema.nullable(),
  creditedSince: isoDateSchema.nullable(),
  performance: tierRefSchema.nullable(),
  certified: z.boolean(),
  points: pointsSummarySchema,
  sellerTrack: sellerTrackSchema,
  tierPerformance: z
    .object({
      tier: tierThresholdsSchema.extend(tierTargetSchema.shape).nullable(),
      seller: pointsSchema,
      managed: pointsSchema,
      total: pointsSchema,
    })
    .describe(
      'How the seller track and managed points add up to the credited tier (or the performance tier)',
    ),
  tiers: z
    .array(tierThresholdsSchema.extend(tierTargetSchema.shape))
    .describe('Every tier in force, lowest first'),
  insights: z.object({
    keep: tierTargetSchema.nullable().describe('Points still missing to keep the credited tier'),
    next: tierTargetSchema.nullable().describe('Points still missing to reach the next tier'),
    expirations: z.array(
      z.object({
        monthEnd: isoDateSchema,
        sourced: pointsSchema,
        assisted: pointsSchema,
        total: pointsSchema,
      }),
    ),
    projection: z.array(projectedSchema).describe('The next three month ends if nothing new is sold'),
  }),
  accountPerformance: z.object({
    medianToolUsage: z.object({ month: z.string(), median: z.number() }).nullable(),
    certification: z
      .object({ name: z.string(), validFrom: isoDateSchema, validUntil: isoDateSchema, valid: z.boolean() })
      .nullable(),
  }),
  forecast: forecastSchema.nullable().describe('null: the program has no review days'),
});

export const progressChartQuery = z.object({
  from: isoDateSchema.optional().describe('Default: 24 month ends up to `to`'),
  to: isoDateSchema.optional().describe('Default: today'),
});

export const progressChartSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  months: z.array(
    pointsSummarySchema.extend({
      monthEnd: isoDateSchema,
      sellerTrack: sellerTrackSchema,
      performance: tierRefSchema.nullable(),
      credited: tierRefSchema.nullable(),
      next: tierThresholdsSchema
        .nullable()
        .describe('The tier above the credited one, as in force that month'),
    }),
  ),
});

export const breakdownQuery = onQuery.extend(pageQuery.shape).extend({
  dealType: z
    .enum(['sourced', 'assisted'])
    .optional()
    .describe('Only sold points of this deal type (and their clients)'),
  market: z
    .enum(['growth', 'other'])
    .optional()
    .describe('growth: clients where the growth multiplier applied'),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['total', 'sold', 'managed', 'client']).default('total'),
  dir: dirSchema.default('desc'),
});
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

export const breakdownSchema = paged(
  z.object({
    clientId: z.string(),
    name: z.string(),
    country: z.string(),
    growthMarket: z.boolean().describe('The growth multiplier applied to some of these points'),
    sold: z.object({ sourced: pointsSchema, assisted: pointsSchema, total: pointsSchema }),
    managed: pointsSchema,
    managers: z.number().int(),
    total: pointsSchema,
  }),
).extend({
  on: isoDateSchema,
  totals: z.object({ sold: pointsSchema, managed: pointsSchema, total: pointsSchema }),
});

const soldFigures = z.object({
  newSold: pointsSchema,
  increasedSold: pointsSchema,
  expiredSold: pointsSchema,
  declinedSold: pointsSchema,
  decreasedSold: pointsSchema,
  won: pointsSchema.describe('new + increased'),
  lost: pointsSchema.describe('expired + declined + decreased'),
});

export const soldOverTimeQuery = z.object({
  from: monthSchema.optional().describe('First month (default: 11 months before `to`)'),
  to: monthSchema.optional().describe("Last month (default: today's)"),
});

export const soldOverTimeSchema = z.object({
  from: monthSchema,
  to: monthSchema,
  months: z.array(soldFigures.extend({ month: monthSchema })),
});

export const monthClientsParams = z.object({ partnerId: z.string().min(1).max(100), month: monthSchema });
export const monthClientsQuery = z.object({ tab: z.enum(['total', 'won', 'lost']).default('total') });

export const monthClientsSchema = z.object({
  month: monthSchema,
  tab: z.enum(['total', 'won', 'lost']),
  clients: z.array(soldFigures.extend({ clientId: z.string(), clientName: z.string() })),
});
