// zod shapes of the partners table, its export and a partner's admin page.
import { z } from 'zod';
import { pointsSchema } from '../portal/schemas.ts';
import { SORT_KEYS } from './table.ts';

const tierParam = z.string().min(1).max(100).describe("A tier id, or 'none' for partners without one");

/** The filters the table and its export share (the overview's figures link with them). */
export const filterQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Search in partner id and name'),
  credited: tierParam.optional(),
  performing: tierParam.optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .optional(),
  movement: z.enum(['up', 'down']).optional().describe('Credited tier moved up/down this month'),
  atRisk: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Performing below the credited tier'),
  renewalsWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .optional()
    .describe('A renewal awaiting a decision within this many days'),
  totalMin: z.coerce.number().optional().describe('Total points at least'),
  totalMax: z.coerce.number().optional().describe('Total points below'),
  sort: z.enum(SORT_KEYS).default('partnerId'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

export const tableQuery = filterQuery.extend({
  page: z.coerce.number().int().min(1).optional().describe('Default 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('Default: every matching partner on one page (the partner switcher reads them all)'),
});

export const partnerRowSchema = z.object({
  partnerId: z.string(),
  name: z.string(),
  country: z.string(),
  total: pointsSchema.describe('Total points in the derived state'),
  sold: pointsSchema,
  managed: pointsSchema,
  performance: z.string().nullable().describe('Tier id the points qualify for'),
  credited: z.string().nullable().describe('Tier id the partner holds'),
  certified: z.boolean().describe('A certification is valid today'),
  change: pointsSchema.describe('Total points now minus at the last month end'),
});

export const tableResponse = z.object({
  partners: z.array(partnerRowSchema),
  total: z.number().int().describe('Partners matching the filters, over all pages'),
  page: z.number().int(),
  pageSize: z.number().int(),
});
