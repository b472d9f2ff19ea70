// zod schemas of the commission view.
import { z } from 'zod';
import { isoDateSchema, moneySchema } from '../portal/schemas.ts';

export const commissionQuery = z.object({
  on: isoDateSchema.optional().describe('Payouts dated on or before this day are past (default: today)'),
  accruals: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Include the monthly accruals of every payout and of every deal (the full commission view)'),
  status: z
    .enum(['paid', 'upcoming'])
    .optional()
    .describe('Only the payouts (and their quarters and accruals) already paid, or only the estimates'),
  client: z
    .string()
    .trim()
    .min(1, 'a client id')
    .optional()
    .describe("Only this client's deals and accruals (payouts and payments stay the partner's)"),
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

export const dealAccrualsSchema = z.object({
  dealId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  total: moneySchema.describe('Its accruals in the base currency'),
  accruals: z
    .array(accrualSchema.omit({ dealId: true, clientId: true }))
    .describe('One per month of service, oldest first'),
});

export const quarterSchema = z.object({
  quarter: z.string().describe('YYYY-Qn'),
  payoutDate: isoDateSchema,
  status: z.enum(['paid', 'upcoming']),
  accrued: moneySchema.describe("The quarter's accruals (the payout), base currency"),
  paid: moneySchema.describe('The recorded payments matched to the quarter, in the base currency'),
  difference: moneySchema
    .nullable()
    .describe('paid − accrued; null for an upcoming quarter nothing was paid for yet'),
  payments: z.array(z.string()).describe('References of the payments matched to it'),
});

export const commissionSchema = z.object({
  on: isoDateSchema,
  currency: z.string().length(3).describe('The base currency of payouts and quarters'),
  rate: z.number().describe('Commission rate on the remaining backing MRR'),
  months: z.number().int().describe('Months of service a deal accrues for after its close date'),
  payoutLagDays: z.number().int().describe('Days after a quarter ends that its accruals are paid'),
  paidTotal: moneySchema,
  upcomingTotal: moneySchema,
  past: z.array(payoutSchema).describe('Newest first'),
  upcoming: z.array(payoutSchema).describe('Soonest first'),
  quarters: z
    .array(quarterSchema)
    .describe(
      'Accrued against paid, oldest first. A payment pays the quarter its reference names (2025Q3, 2025-Q3), else the quarter of the latest payout due on or before it',
    ),
  totals: z
    .object({
      accrued: moneySchema.describe('Accrued on the paid quarters shown'),
      paid: moneySchema.describe('Paid for the quarters shown'),
      difference: moneySchema.describe('The sum of their differences'),
      upcoming: moneySchema.describe('Accrued on the upcoming quarters shown (the estimate)'),
    })
    .describe('The figures over the quarters shown (the status filter applies)'),
  deals: z
    .array(dealAccrualsSchema)
    .optional()
    .describe('With accruals: every commissionable deal and its accruals per month'),
  payments: z
    .array(
      z.object({
        paidOn: isoDateSchema,
        amount: moneySchema,
        reference: z.string(),
        amountBase: moneySchema,
        quarter: z.string().nullable().describe('The quarter it pays; null: none due yet'),
      }),
    )
    .describe('Payments recorded by the vendor, newest first'),
});
