// The overview's answer. `filters` are the partners table's query parameters that open the
// partners behind a figure (GET /api/v1/partners?..., /operator/partners?... in the web app).
import { z } from 'zod';

const filters = z.record(z.string(), z.string()).describe('Partners table filters behind this figure');
const count = z.number().int();
const mover = z.object({ partnerId: z.string(), name: z.string(), change: z.number(), total: z.number() });

export const overviewSchema = z.object({
  today: z.string(),
  partners: count,
  tiers: z
    .array(
      z.object({
        tierId: z.string().nullable().describe('null: no tier'),
        name: z.string().nullable(),
        credited: count,
        performing: count,
        creditedFilters: filters,
        performingFilters: filters,
      }),
    )
    .describe('Program tier order, lowest first, then none'),
  distribution: z.object({
    bucketWidth: z.number(),
    buckets: z.array(z.object({ from: z.number(), to: z.number(), partners: count, filters })),
  }),
  movers: z.object({
    since: z.string().describe('The month end the changes are counted from'),
    tierUp: z.object({ partners: count, filters }),
    tierDown: z.object({ partners: count, filters }),
    gains: z.object({ partners: z.array(mover), filters }),
    losses: z.object({ partners: z.array(mover), filters }),
  }),
  atRisk: z.object({
    reviewDay: z.string().nullable(),
    partners: count,
    filters,
    list: z.array(
      z.object({
        partnerId: z.string(),
        name: z.string(),
        credited: z.string().nullable(),
        performance: z.string().nullable(),
        pointsShort: z.object({ total: z.number(), seller: z.number(), managed: z.number() }),
      }),
    ),
  }),
  renewals: z.object({
    days: count,
    renewals: count,
    partners: count,
    filters,
    list: z.array(
      z.object({
        partnerId: z.string(),
        partnerName: z.string(),
        clientId: z.string(),
        clientName: z.string(),
        product: z.string(),
        renewalDate: z.string(),
        status: z.string(),
      }),
    ),
  }),
  freshness: z.object({
    lastImport: z.object({ status: z.string(), at: z.string() }).nullable(),
    programLoadedAt: z.string().nullable(),
    lastLiveChangeAt: z.string().nullable().describe('Newest batch received at POST /api/v1/mrr-changes'),
    latestMrrChangeDate: z.string().nullable().describe('Newest MRR change date in the facts'),
    derivedAsOf: z.string().nullable(),
  }),
});
