// Use cases of tier point changes over a date range (rules §6) and their drill-down.
// Sold figures come from the derived tables; managed figures compare each client's managed
// points on the day before the range and on its last day, computed from a few queries
// with the engine's formula (clients/figures.ts). Items of a category sum to its figure.
import type { Queryable } from '../../db/client.ts';
import { CHANGE_CATEGORIES, type ChangeCategory } from '../../domain/changes.ts';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import type { Points } from '../../domain/money.ts';
import { clientFigures } from '../clients/figures.ts';
import type { DateRange } from '../portal/dates.ts';
import { entryRule, pointsOf, pts } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { managedClientsOn, type SoldCategory, soldItems, soldSums } from './repository.ts';

export interface ManagedChange {
  clientId: string;
  name: string;
  before: Points;
  after: Points;
}

/** Per client, managed points on the day before `from` and on `to`, where they differ. */
export async function managedChanges(
  db: Queryable,
  partnerId: string,
  range: DateRange,
): Promise<ManagedChange[]> {
  const program = await currentProgram(db);
  const dayBefore = addDays(range.from, -1);
  const [beforeClients, afterClients] = await Promise.all([
    managedClientsOn(db, partnerId, dayBefore),
    managedClientsOn(db, partnerId, range.to),
  ]);
  const [before, after] = await Promise.all([
    clientFigures(db, program, partnerId, dayBefore, beforeClients),
    clientFigures(db, program, partnerId, range.to, afterClients),
  ]);
  const names = new Map([...beforeClients, ...afterClients].map((c) => [c.clientId, c.name]));
  const out: ManagedChange[] = [];
  for (const [clientId, name] of names) {
    const b = before.get(clientId)?.managed ?? 0;
    const a = after.get(clientId)?.managed ?? 0;
    if (a !== b) out.push({ clientId, name, before: b, after: a });
  }
  return out.sort((x, y) => compareCodePoints(x.clientId, y.clientId));
}

export async function getPointChanges(db: Queryable, partnerId: string, range: DateRange) {
  const [sums, managed] = await Promise.all([
    soldSums(db, partnerId, range),
    managedChanges(db, partnerId, range),
  ]);
  const totals = Object.fromEntries(CHANGE_CATEGORIES.map((c) => [c, 0])) as Record<ChangeCategory, Points>;
  for (const s of sums) totals[s.category] += pointsOf(s.points);
  for (const m of managed) {
    if (m.after > m.before) totals.newManaged += m.after - m.before;
    else totals.lostManaged += m.before - m.after;
  }
  const json = Object.fromEntries(CHANGE_CATEGORIES.map((c) => [c, pts(totals[c])])) as Record<
    ChangeCategory,
    number
  >;
  return {
    from: range.from,
    to: range.to,
    ...json,
    wonSold: pts(totals.newSold + totals.increasedSold),
    lostSold: pts(totals.expiredSold + totals.decreasedSold + totals.declinedSold),
  };
}

export interface ChangeItemJson {
  category: ChangeCategory;
  clientId: string;
  clientName: string;
  date: IsoDate;
  points: number;
  product: string | null;
  entryId: string | null;
  changeId: string | null;
  dealId: string | null;
  dealType: 'sourced' | 'assisted' | null;
  before: number | null;
  after: number | null;
  rule: ReturnType<typeof entryRule> | null;
}

/** Every item behind one figure, in date, client and entry order. */
export async function getPointChangeItems(
  db: Queryable,
  partnerId: string,
  range: DateRange,
  category: ChangeCategory,
  page: { page: number; pageSize: number },
) {
  let items: ChangeItemJson[];
  let total: Points = 0;
  if (category === 'newManaged' || category === 'lostManaged') {
    const changes = (await managedChanges(db, partnerId, range)).filter((m) =>
      category === 'newManaged' ? m.after > m.before : m.after < m.before,
    );
    items = changes.map((m) => {
      total += Math.abs(m.after - m.before);
      return {
        category,
        clientId: m.clientId,
        clientName: m.name,
        date: range.to,
        points: pts(Math.abs(m.after - m.before)),
        product: null,
        entryId: null,
        changeId: null,
        dealId: null,
        dealType: null,
        before: pts(m.before),
        after: pts(m.after),
        rule: null,
      };
    });
  } else {
    const { baseCurrency } = await currentProgram(db);
    const found = await soldItems(db, partnerId, range, category as SoldCategory);
    found.sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        compareCodePoints(a.clientId, b.clientId) ||
        compareCodePoints(a.entryId, b.entryId) ||
        compareCodePoints(a.changeId ?? '', b.changeId ?? ''),
    );
    items = found.map((r) => {
      const points = pointsOf(r.points);
      total += points;
      return {
        category,
        clientId: r.clientId,
        clientName: r.clientName,
        date: r.date,
        points: pts(points),
        product: r.product,
        entryId: r.entryId,
        changeId: r.changeId,
        dealId: r.dealId,
        dealType: r.dealType,
        before: null,
        after: null,
        rule: entryRule(r.explanation, baseCurrency),
      };
    });
  }
  const start = (page.page - 1) * page.pageSize;
  return {
    from: range.from,
    to: range.to,
    category,
    points: pts(total),
    page: page.page,
    pageSize: page.pageSize,
    total: items.length,
    items: items.slice(start, start + page.pageSize),
  };
}
