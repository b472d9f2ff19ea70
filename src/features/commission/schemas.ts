// zod schemas of the commission view.
import { z } from 'zod';
import { isoDateSchema, moneySchema } from '../portal/schemas.ts';

export const commissionQuery = z.object({
  on: isoDateSchema.optional().describe('Payouts dated on or before this day are past (default: today)'),
  accruals: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Include the monthly accruals of every payout (the full commission view)'),
});

export const accrualSchema = z.object({
  dealId: z.string(),
  clientId: z.string(),
  date: isoDateSchema.describe('The month of service it pays for'),
  backing: moneySchema.describe('Remaining backing MRR the rate applies to'),
  amount: moneySchema,
  amountBase: moneySchema,
});

export const payoutSchema = z.object({
  quarter: z.string().describe('YYYY-Qn of the accruals it pays'),
  payoutDate: isoDateSchema,
  amount: moneySchema,
  status: z.enum(['paid', 'upcoming']).describe('upcoming: an estimate'),
  deals: z.number().int(),
  accruals: z.array(accrualSchema).optional(),
});

export const commissionSchema = z.object({
  on: isoDateSchema,
  rate: z.number().describe('Commission rate on the remaining backing MRR'),
  paidTotal: moneySchema,
  upcomingTotal: moneySchema,
  past: z.array(payoutSchema).describe('Newest first'),
  upcoming: z.array(payoutSchema).describe('Soonest first'),
  payments: z
    .array(z.object({ paidOn: isoDateSchema, amount: moneySchema, reference: z.string() }))
    .describe('Payments recorded by the vendor, newest first'),
});
