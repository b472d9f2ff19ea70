// Per-client figures on a day: MRR (client and base currency), product lines, managers and
// the partner's managed points, computed with the engine's own formula (units.ts) from a
// few indexed queries, so lists never re-derive the whole partner.
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import { toBase } from '../../domain/metrics.ts';
import type { Points, Scaled } from '../../domain/money.ts';
import { type Program, ruleSetOn } from '../../domain/program.ts';
import { managedPointsFor } from '../../domain/units.ts';
import { scaledOf } from '../portal/json.ts';
import { lineLevels, managerCounts } from './repository.ts';

export interface ClientRef {
  clientId: string;
  country: string;
  currency: string;
}

export interface ClientFigures {
  /** Client currency. */
  mrr: Scaled;
  /** Program base currency, rounded to its minor unit. */
  mrrBase: Scaled;
  /** Lines with MRR above zero, by product name. */
  lines: { product: string; mrr: Scaled }[];
  /** Partners managing the client on the day. */
  managers: number;
  /** The partner's managed points for the client (0 when it does not manage it). */
  managed: Points;
  /** The growth multiplier applied to the managed points. */
  managedGrowth: boolean;
}

export async function clientFigures(
  db: Queryable,
  program: Program,
  partnerId: string,
  on: IsoDate,
  clients: readonly ClientRef[],
): Promise<Map<string, ClientFigures>> {
  const ids = clients.map((c) => c.clientId);
  const [levels, counts] = await Promise.all([
    lineLevels(db, ids, on),
    managerCounts(db, partnerId, ids, on),
  ]);
  const lines = new Map<string, { product: string; mrr: Scaled }[]>();
  for (const l of levels) {
    let list = lines.get(l.clientId);
    if (!list) lines.set(l.clientId, (list = []));
    list.push({ product: l.product, mrr: scaledOf(l.mrr) });
  }
  const managers = new Map(counts.map((c) => [c.clientId, c]));
  const ruleSet = ruleSetOn(program, on);
  const out = new Map<string, ClientFigures>();
  for (const c of clients) {
    const list = (lines.get(c.clientId) ?? []).sort((a, b) => compareCodePoints(a.product, b.product));
    const mrr = list.reduce((sum, l) => sum + l.mrr, 0);
    const count = managers.get(c.clientId);
    const manages = count?.includesPartner === true && mrr > 0;
    const managed = manages
      ? managedPointsFor({ mrr, currency: c.currency, country: c.country, ruleSet, managers: count.managers })
      : 0;
    out.set(c.clientId, {
      mrr,
      mrrBase: toBase(program, on, new Map([[c.currency, mrr]])),
      lines: list,
      managers: count?.managers ?? 0,
      managed,
      managedGrowth: managed > 0 && ruleSet.growthMarkets.has(c.country),
    });
  }
  return out;
}
