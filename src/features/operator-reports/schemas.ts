// zod schemas of the operator's cross-partner report: one point-change figure per partner.
import { z } from 'zod';
import { isoDateSchema, paged, pageQuery, pointsSchema, rangeQuery } from '../portal/schemas.ts';

export const partnerFiguresQuery = rangeQuery.extend(pageQuery.shape).extend({
  metric: z
    .string()
    .min(1)
    .describe(
      'One point-change metric or several, comma-separated, summed: new-sold, increased-sold, expired-sold, ' +
        'decreased-sold, declined-sold, new-managed, lost-managed (lost sold points: expired-sold,decreased-sold,declined-sold)',
    ),
  partnerId: z.string().min(1).max(200).optional().describe('Only this partner'),
});

export const partnerFigureSchema = z.object({
  partnerId: z.string(),
  name: z.string(),
  points: pointsSchema.describe("The figure: the partner's points of the metrics in the range"),
  clients: z.number().int().describe('The clients behind the figure'),
  byMetric: z.record(z.string(), pointsSchema).describe('The figure per metric'),
});

export const partnerFiguresSchema = paged(partnerFigureSchema).extend({
  from: isoDateSchema,
  to: isoDateSchema,
  metrics: z.array(z.string()),
  points: pointsSchema.describe('The sum of every partner’s figure'),
  clients: z.number().int().describe('The sum of every partner’s clients behind its figure'),
});
