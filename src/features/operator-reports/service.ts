// The operator's cross-partner report (issue 13): one point-change figure (a metric, or
// several summed, e.g. lost sold points) per partner over a date range, sorted by the
// figure, with the clients behind it. Sold figures are read for every partner in one query;
// managed figures compare managed points partner by partner, as the per-partner figures do
// (point-changes/service.ts), so each partner's row equals its own
// GET /partners/{id}/point-changes figure.
import type { AppDeps } from '../../core/app.ts';
import { AppError, validationError } from '../../core/errors.ts';
import type { ChangeCategory } from '../../domain/changes.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import type { Points } from '../../domain/money.ts';
import { CHANGE_METRICS } from '../export/reports.ts';
import type { SoldCategory } from '../point-changes/repository.ts';
import { managedChanges } from '../point-changes/service.ts';
import { type DateRange, paginate } from '../portal/dates.ts';
import { pointsOf, pts } from '../portal/json.ts';
import { partnerNames, soldSumsByPartner } from './repository.ts';

/** The metrics of a comma-separated `metric`, checked: each one known, none twice. */
export function parseMetrics(text: string): string[] {
  const metrics = text
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
  const unknown = metrics.filter((m) => !(m in CHANGE_METRICS));
  if (metrics.length === 0 || unknown.length > 0)
    throw validationError([
      {
        in: 'querystring',
        path: 'metric',
        message: `unknown metric "${unknown[0] ?? text}"; one or more (comma-separated) of ${Object.keys(CHANGE_METRICS).join(', ')}`,
      },
    ]);
  return [...new Set(metrics)];
}

interface Acc {
  points: Points;
  clients: Set<string>;
  byMetric: Map<string, Points>;
}

const MANAGED_CONCURRENCY = 8;

export async function partnerFigures(
  deps: Pick<AppDeps, 'db'>,
  range: DateRange,
  metrics: readonly string[],
  options: { partnerId: string | null; page: number; pageSize: number },
) {
  const { db } = deps;
  const names = await partnerNames(db, options.partnerId);
  if (options.partnerId !== null && !names.has(options.partnerId))
    throw new AppError('not_found', `No partner ${options.partnerId}`);
  const categories = metrics.map((m) => CHANGE_METRICS[m]!);
  const metricOf = new Map(metrics.map((m) => [CHANGE_METRICS[m]!, m]));
  const acc = new Map<string, Acc>();
  const add = (partnerId: string, clientId: string, category: ChangeCategory, points: Points) => {
    if (points === 0) return;
    let a = acc.get(partnerId);
    if (!a) acc.set(partnerId, (a = { points: 0, clients: new Set(), byMetric: new Map() }));
    a.points += points;
    a.clients.add(clientId);
    const metric = metricOf.get(category)!;
    a.byMetric.set(metric, (a.byMetric.get(metric) ?? 0) + points);
  };

  const sold = categories.filter((c): c is SoldCategory => c !== 'newManaged' && c !== 'lostManaged');
  for (const s of await soldSumsByPartner(db, range, sold, options.partnerId))
    if (names.has(s.partnerId)) add(s.partnerId, s.clientId, s.category, pointsOf(s.points));

  const gained = categories.includes('newManaged');
  const lost = categories.includes('lostManaged');
  if (gained || lost) {
    const partners = [...names.keys()];
    for (let i = 0; i < partners.length; i += MANAGED_CONCURRENCY)
      await Promise.all(
        partners.slice(i, i + MANAGED_CONCURRENCY).map(async (partnerId) => {
          for (const m of await managedChanges(db, partnerId, range)) {
            if (gained && m.after > m.before) add(partnerId, m.clientId, 'newManaged', m.after - m.before);
            if (lost && m.after < m.before) add(partnerId, m.clientId, 'lostManaged', m.before - m.after);
          }
        }),
      );
  }

  const all = [...acc.entries()]
    .map(([partnerId, a]) => ({ partnerId, ...a }))
    .sort((x, y) => y.points - x.points || compareCodePoints(x.partnerId, y.partnerId));
  let points: Points = 0;
  let clients = 0;
  for (const a of all) {
    points += a.points;
    clients += a.clients.size;
  }
  const page = paginate(all, options.page, options.pageSize);
  return {
    from: range.from,
    to: range.to,
    metrics: [...metrics],
    points: pts(points),
    clients,
    ...page,
    items: page.items.map((a) => ({
      partnerId: a.partnerId,
      name: names.get(a.partnerId)!,
      points: pts(a.points),
      clients: a.clients.size,
      byMetric: Object.fromEntries(metrics.map((m) => [m, pts(a.byMetric.get(m) ?? 0)])),
    })),
  };
}
