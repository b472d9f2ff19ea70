// The Tier page's points breakdown (points per client, sold and managed, by deal type and
// market type) and sold points over time (per month, and per client within a month).

import { validationError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { addMonths, type IsoDate, monthEnd } from '../../domain/dates.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import type { Points } from '../../domain/money.ts';
import { clientFigures } from '../clients/figures.ts';
import { currentClients } from '../clients/repository.ts';
import { SOLD_CATEGORIES, type SoldCategory, soldSums } from '../point-changes/repository.ts';
import { pointsOf, pts } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { clientNames } from './repository.ts';
import type { BreakdownQuery } from './schemas.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export async function getBreakdown(db: Queryable, partnerId: string, on: IsoDate, query: BreakdownQuery) {
  const program = await currentProgram(db);
  const found = await currentClients(db, partnerId, on, {
    dealType: query.dealType,
    q: query.q,
    growth: true,
  });
  const figures = await clientFigures(db, program, partnerId, on, found);
  let rows = found.map((c) => {
    const f = figures.get(c.clientId)!;
    const sourced = pointsOf(c.sourced);
    const assisted = pointsOf(c.assisted);
    return {
      clientId: c.clientId,
      name: c.name,
      country: c.country,
      growthMarket: c.soldGrowth || f.managedGrowth,
      sold: { sourced: pts(sourced), assisted: pts(assisted), total: pts(sourced + assisted) },
      managed: pts(f.managed),
      managers: f.managers,
      total: pts(sourced + assisted + f.managed),
      raw: { sold: sourced + assisted, managed: f.managed },
    };
  });
  if (query.market) rows = rows.filter((r) => r.growthMarket === (query.market === 'growth'));
  const value = (r: (typeof rows)[number]) =>
    query.sort === 'sold'
      ? r.raw.sold
      : query.sort === 'managed'
        ? r.raw.managed
        : r.raw.sold + r.raw.managed;
  const sign = query.dir === 'asc' ? 1 : -1;
  rows.sort(
    (a, b) =>
      (query.sort === 'client' ? sign * collator.compare(a.name, b.name) : sign * (value(a) - value(b))) ||
      collator.compare(a.name, b.name) ||
      compareCodePoints(a.clientId, b.clientId),
  );
  const totals = rows.reduce((t, r) => ({ sold: t.sold + r.raw.sold, managed: t.managed + r.raw.managed }), {
    sold: 0,
    managed: 0,
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    on,
    totals: {
      sold: pts(totals.sold),
      managed: pts(totals.managed),
      total: pts(totals.sold + totals.managed),
    },
    page: query.page,
    pageSize: query.pageSize,
    total: rows.length,
    items: rows.slice(start, start + query.pageSize).map(({ raw: _raw, ...r }) => r),
  };
}

type Figures = Record<SoldCategory, Points>;
const emptyFigures = (): Figures => Object.fromEntries(SOLD_CATEGORIES.map((c) => [c, 0])) as Figures;

function figuresJson(f: Figures) {
  return {
    newSold: pts(f.newSold),
    increasedSold: pts(f.increasedSold),
    expiredSold: pts(f.expiredSold),
    declinedSold: pts(f.declinedSold),
    decreasedSold: pts(f.decreasedSold),
    won: pts(f.newSold + f.increasedSold),
    lost: pts(f.expiredSold + f.declinedSold + f.decreasedSold),
  };
}

/** Months 'YYYY-MM' from `from` to `to`, inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from}-01`; d.slice(0, 7) <= to; d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}

export async function getSoldOverTime(
  db: Queryable,
  partnerId: string,
  request: { from?: string | undefined; to?: string | undefined; today: IsoDate },
) {
  const to = request.to ?? request.today.slice(0, 7);
  const from = request.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
  if (from > to)
    throw validationError([{ in: 'querystring', path: 'from', message: 'must not be after `to`' }]);
  const months = monthsBetween(from, to);
  if (months.length > 120)
    throw validationError([
      { in: 'querystring', path: 'from', message: 'the range may span at most 120 months' },
    ]);
  const sums = await soldSums(
    db,
    partnerId,
    { from: `${from}-01`, to: monthEnd(`${to}-01`) },
    { month: true },
  );
  const byMonth = new Map(months.map((m) => [m, emptyFigures()]));
  for (const s of sums) {
    const f = byMonth.get(s.month!);
    if (f) f[s.category] += pointsOf(s.points);
  }
  return { from, to, months: months.map((month) => ({ month, ...figuresJson(byMonth.get(month)!) })) };
}

export async function getSoldMonthClients(
  db: Queryable,
  partnerId: string,
  month: string,
  tab: 'total' | 'won' | 'lost',
) {
  const sums = await soldSums(
    db,
    partnerId,
    { from: `${month}-01`, to: monthEnd(`${month}-01`) },
    { client: true },
  );
  const byClient = new Map<string, Figures>();
  for (const s of sums) {
    let f = byClient.get(s.clientId!);
    if (!f) byClient.set(s.clientId!, (f = emptyFigures()));
    f[s.category] += pointsOf(s.points);
  }
  const names = await clientNames(db, [...byClient.keys()]);
  const clients = [...byClient.entries()]
    .map(([clientId, f]) => ({ clientId, clientName: names.get(clientId) ?? clientId, ...figuresJson(f) }))
    .filter((c) => (tab === 'won' ? c.won > 0 : tab === 'lost' ? c.lost > 0 : true))
    .sort(
      (a, b) => collator.compare(a.clientName, b.clientName) || compareCodePoints(a.clientId, b.clientId),
    );
  return { month, tab, clients };
}
