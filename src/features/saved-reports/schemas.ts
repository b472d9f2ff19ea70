// zod schemas of saved reports and dashboard cards. A definition names one of the
// exportable reports (features/export/reports.ts), its metric, a date range (fixed, or
// relative: the last N days up to the day it is read), filters and the columns shown.
import { z } from 'zod';
import { REPORT_NAMES } from '../export/reports.ts';
import { isoDateSchema, partnerParams } from '../portal/schemas.ts';

export const rangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), from: isoDateSchema, to: isoDateSchema }).strict(),
  z
    .object({
      kind: z.literal('relative'),
      days: z.number().int().min(1).max(3660).describe('The last N days, ending on the day it is read'),
    })
    .strict(),
]);

export const filtersSchema = z
  .object({
    dealType: z.enum(['sourced', 'assisted']).optional(),
    marketType: z
      .enum(['growth', 'standard'])
      .optional()
      .describe("The client's market: a growth market or not"),
  })
  .strict();

export const definitionSchema = z
  .object({
    report: z.enum(REPORT_NAMES),
    metric: z.string().optional(),
    range: rangeSchema.default({ kind: 'relative', days: 30 }),
    filters: filtersSchema.default({}),
    columns: z.array(z.string()).max(60).optional().describe("The report's columns shown (default: all)"),
  })
  .strict();

const nameSchema = z
  .string()
  .trim()
  .min(1, 'a name for the report (1 to 200 characters)')
  .max(200, 'at most 200 characters');

export const createReportBody = z.object({ name: nameSchema, definition: definitionSchema }).strict();
export const patchReportBody = z
  .object({ name: nameSchema.optional(), definition: definitionSchema.optional() })
  .strict();

export const reportParams = partnerParams.extend({ reportId: z.uuid('a report id (a UUID)') });

export const figureSchema = z.object({
  value: z.number().describe('The sum of the points of its rows, or their count for a report without points'),
  unit: z.enum(['points', 'rows']),
  rows: z.number().int(),
  from: isoDateSchema,
  to: isoDateSchema,
  on: isoDateSchema,
});

export const savedReportSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  name: z.string(),
  definition: definitionSchema,
  owner: z.object({ userId: z.string().nullable(), email: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const savedReportWithFigureSchema = savedReportSchema.extend({ figure: figureSchema });
export const savedReportListSchema = z.object({ reports: z.array(savedReportSchema) });

export const cardSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  report: savedReportWithFigureSchema,
});
export const cardListSchema = z.object({ cards: z.array(cardSchema) });
export const addCardBody = z.object({ reportId: z.uuid('a report id (a UUID)') }).strict();
export const cardParams = z.object({ cardId: z.uuid('a card id (a UUID)') });
export const orderCardsBody = z
  .object({ cardIds: z.array(z.uuid()).max(100).describe('Every card of the user, in the new order') })
  .strict();

export type Definition = z.infer<typeof definitionSchema>;
export type SavedReport = z.infer<typeof savedReportSchema>;
export type Figure = z.infer<typeof figureSchema>;

export const catalogSchema = z.object({
  reports: z.array(
    z.object({
      report: z.enum(REPORT_NAMES),
      metrics: z.array(z.string()).describe('The metrics it takes (none: it takes no metric)'),
      uses: z.enum(['range', 'day']).describe('Whether it reads a date range or a day'),
      dealType: z.boolean().describe('Its rows can be filtered by deal type'),
      marketType: z.boolean().describe('Its rows can be filtered by market type'),
      columns: z.array(z.string()).describe('Its column headers, in order'),
    }),
  ),
});
