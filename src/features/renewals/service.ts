// Upcoming renewals (rules §10): within the program's horizon, with the decision deadline
// and the days to renewal from the engine; sortable and paginated on the server.
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import { upcomingRenewals } from '../../domain/renewals.ts';
import { lineLevels } from '../clients/repository.ts';
import { money, scaledOf } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { type RenewalRow, upcomingRenewalRows } from './repository.ts';
import type { RenewalListQuery } from './schemas.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const key = (r: { clientId: string; product: string; renewalDate: string }) =>
  `${r.clientId}\u0000${r.product}\u0000${r.renewalDate}`;

export async function listRenewals(db: Queryable, partnerId: string, on: IsoDate, query: RenewalListQuery) {
  const program = await currentProgram(db);
  const found = await upcomingRenewalRows(db, partnerId, on, program.renewals.horizonDays);
  const byKey = new Map<string, RenewalRow>(found.map((r) => [key(r), r]));
  const facts = found.map((r) => ({
    clientId: r.clientId,
    product: r.product,
    renewalDate: r.renewalDate,
    status: r.status,
  }));
  const upcoming = upcomingRenewals(program, facts, on).map((u) => {
    const r = byKey.get(key(u))!;
    const change = r.projectedMrrChange === null ? null : scaledOf(r.projectedMrrChange);
    return {
      clientId: r.clientId,
      clientName: r.clientName,
      product: r.product,
      renewalDate: u.renewalDate,
      status: r.status,
      currency: r.currency,
      mrrChange: change === null ? null : money(change, r.currency),
      lastActiveUser: r.lastActiveUser,
      lastActiveOn: r.lastActiveOn,
      renewalManager: r.renewalManager,
      communicationOwner: r.communicationOwner,
      daysToRenewal: u.daysToRenewal,
      decisionDeadline: u.decisionDeadline,
      awaitingDecision: u.awaitingDecision,
    };
  });
  type Row = (typeof upcoming)[number];
  const value = (r: Row): string | number | null => {
    switch (query.sort) {
      case 'client':
        return r.clientName;
      case 'product':
        return r.product;
      case 'mrrChange':
        return r.mrrChange?.amount ?? null;
      case 'lastActiveUser':
        return r.lastActiveUser;
      case 'renewalManager':
        return r.renewalManager;
      case 'status':
        return r.status;
      case 'decisionDeadline':
        return r.decisionDeadline;
      case 'timeToRenewal':
        return r.daysToRenewal;
    }
  };
  const sign = query.dir === 'asc' ? 1 : -1;
  upcoming.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Empty values last, whatever the direction.
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const c = typeof va === 'number' ? va - (vb as number) : collator.compare(va, vb as string);
    return (
      sign * c ||
      a.daysToRenewal - b.daysToRenewal ||
      collator.compare(a.clientName, b.clientName) ||
      compareCodePoints(a.product, b.product)
    );
  });
  const start = (query.page - 1) * query.pageSize;
  // The lines' current MRR for the page alone: no sort key needs it.
  const page = upcoming.slice(start, start + query.pageSize);
  const levels = await lineLevels(db, [...new Set(page.map((r) => r.clientId))], on);
  const lineMrr = new Map(levels.map((l) => [`${l.clientId}\u0000${l.product}`, scaledOf(l.mrr)]));
  return {
    on,
    horizonDays: program.renewals.horizonDays,
    page: query.page,
    pageSize: query.pageSize,
    total: upcoming.length,
    items: page.map(({ currency, ...r }) => ({
      ...r,
      currentMrr: money(lineMrr.get(`${r.clientId}\u0000${r.product}`) ?? 0, currency),
    })),
  };
}
