// Use cases of shared sales: counts and MRR (in the base currency, at the program's
// currency table on the range's last day) of deals created, in flight and closed-won, and of
// the deal registrations submitted.
import type { Queryable } from '../../db/client.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import { toBase } from '../../domain/metrics.ts';
import type { DateRange } from '../portal/dates.ts';
import { money, scaledOf } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { type SalesCategory, salesDeals, salesSums } from './repository.ts';

export async function getSharedSales(db: Queryable, partnerId: string, range: DateRange) {
  const program = await currentProgram(db);
  const sums = await salesSums(db, partnerId, range);
  const figure = (category: SalesCategory) => {
    const amounts = new Map<string, number>();
    let deals = 0;
    for (const s of sums.filter((x) => x.category === category)) {
      deals += s.deals;
      amounts.set(s.currency, (amounts.get(s.currency) ?? 0) + scaledOf(s.amount));
    }
    return { deals, mrr: money(toBase(program, range.to, amounts), program.baseCurrency) };
  };
  return {
    from: range.from,
    to: range.to,
    created: figure('created'),
    inFlight: figure('inFlight'),
    closedWon: figure('closedWon'),
    registered: figure('registered'),
  };
}

export async function getSharedSalesItems(
  db: Queryable,
  partnerId: string,
  range: DateRange,
  category: SalesCategory,
  page: { page: number; pageSize: number },
) {
  const program = await currentProgram(db);
  const deals = await salesDeals(db, partnerId, range, category);
  const dateOf = (d: (typeof deals)[number]) => (category === 'closedWon' ? d.closedOn! : d.createdOn);
  // Newest first.
  deals.sort((a, b) =>
    dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : compareCodePoints(a.dealId, b.dealId),
  );
  const items = deals.map((d) => {
    const amount = scaledOf(d.amount);
    const base = toBase(program, range.to, new Map([[d.currency, amount]]));
    return {
      dealId: d.dealId,
      name: d.name,
      clientId: d.clientId,
      clientName: d.clientName,
      type: d.type,
      stage: d.stage,
      createdOn: d.createdOn,
      closedOn: d.closedOn,
      products: d.products ?? [],
      amount: money(amount, d.currency),
      amountBase: money(base, program.baseCurrency),
      registration: d.registrationId
        ? { id: d.registrationId, status: d.registrationStatus!, expectedCloseDate: d.expectedCloseDate! }
        : null,
    };
  });
  const start = (page.page - 1) * page.pageSize;
  return {
    from: range.from,
    to: range.to,
    category,
    page: page.page,
    pageSize: page.pageSize,
    total: items.length,
    items: items.slice(start, start + page.pageSize),
  };
}
