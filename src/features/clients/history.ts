// A client's points history for one partner: every sold entry with the rule behind it and
// the decreases that touched it, and the managed points month by month. Runs the engine
// on this one client's facts only (its lines, deals and managements): sold entries are
// derived per product line and managed credit per client, so the result is exact.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { addDays, type IsoDate, monthEndsBetween } from '../../domain/dates.ts';
import type { DealFact, MrrChangeFact, PartnerFacts } from '../../domain/facts.ts';
import { clientMrrOn, deriveLedger, managedOn, managersOn } from '../../domain/ledger.ts';
import { entryStateOn } from '../../domain/sold.ts';
import { entryRule, money, pts, scaledOf } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { clientNotFound, requirePartnerClient } from './service.ts';

async function clientFacts(db: Queryable, partnerId: string, clientId: string) {
  const [clients, changes, deals, managements] = await Promise.all([
    db.select().from(s.clients).where(eq(s.clients.clientId, clientId)),
    db.select().from(s.mrrChanges).where(eq(s.mrrChanges.clientId, clientId)),
    db.select().from(s.deals).where(eq(s.deals.clientId, clientId)),
    db.select().from(s.managements).where(eq(s.managements.clientId, clientId)),
  ]);
  const client = clients[0];
  if (!client) throw clientNotFound();
  const facts: PartnerFacts = {
    partnerId,
    clients: [{ clientId, name: client.name, country: client.country, currency: client.currency }],
    changes: changes.map(
      (c): MrrChangeFact => ({
        changeId: c.changeId,
        clientId,
        product: c.product,
        date: c.date,
        mrrAfter: scaledOf(c.mrrAfter),
        dealId: c.dealId,
        reason: c.reason as MrrChangeFact['reason'],
      }),
    ),
    deals: deals.map(
      (d): DealFact => ({
        dealId: d.dealId,
        partnerId: d.partnerId,
        clientId,
        type: d.type as DealFact['type'],
        stage: d.stage as DealFact['stage'],
        createdOn: d.createdOn,
        closedOn: d.closedOn,
        amount: scaledOf(d.amount),
        currency: d.currency,
        name: d.name,
      }),
    ),
    managements: managements.map((m) => ({ ...m })),
    certifications: [],
  };
  return { client, facts };
}

export async function getClientHistory(db: Queryable, partnerId: string, clientId: string, on: IsoDate) {
  await requirePartnerClient(db, partnerId, clientId);
  const program = await currentProgram(db);
  const { client, facts } = await clientFacts(db, partnerId, clientId);
  const ledger = deriveLedger(program, facts);
  const currency = client.currency;

  let activeSold = 0;
  let expiredSold = 0;
  let lostSold = 0;
  const entries = ledger.entries.map((e) => {
    const now = entryStateOn(e, on);
    const status =
      e.earnedOn > on ? 'future' : on >= e.expiresOn ? 'expired' : now.points === 0 ? 'consumed' : 'active';
    if (status === 'active') activeSold += now.points;
    if (status === 'expired') expiredSold += entryStateOn(e, addDays(e.expiresOn, -1)).points;
    const decreases = ledger.losses
      .filter((l) => l.entryId === e.entryId && l.date <= on)
      .map((l) => {
        lostSold += l.points;
        return {
          date: l.date,
          changeId: l.changeId,
          kind: l.kind,
          points: pts(l.points),
          backing: money(l.backing, currency),
        };
      });
    return {
      entryId: e.entryId,
      product: e.product,
      changeId: e.changeId,
      reason: e.reason,
      dealId: e.dealId,
      dealName: ledger.deals.get(e.dealId)?.name ?? null,
      creditedVia: e.creditedVia,
      dealType: e.dealType,
      kind: e.kind,
      delta: money(e.delta, currency),
      points: pts(e.points),
      remainingPoints: pts(status === 'expired' || status === 'future' ? 0 : now.points),
      remainingBacking: money(status === 'expired' || status === 'future' ? 0 : now.backing, currency),
      earnedOn: e.earnedOn,
      expiresOn: e.expiresOn,
      originDate: e.originDate,
      status,
      rule: entryRule(e.explanation, program.baseCurrency),
      decreases,
    } as const;
  });

  // Managed points at every month end from the partner's first management of the client.
  const starts = facts.managements.filter((m) => m.partnerId === partnerId).map((m) => m.startDate);
  const first = starts.sort()[0];
  const dates = first && first <= on ? monthEndsBetween(first, on) : [];
  if (first && first <= on && dates[dates.length - 1] !== on) dates.push(on);
  const managed = dates.map((date) => {
    const managers = managersOn(ledger, clientId, date);
    const points = managedOn(ledger, date).find((c) => c.clientId === clientId)?.points ?? 0;
    return {
      date,
      managedByPartner: managers.includes(partnerId),
      mrr: money(clientMrrOn(ledger, clientId, date), currency),
      managers: managers.length,
      points: pts(points),
    };
  });
  const today = managedOn(ledger, on).find((c) => c.clientId === clientId)?.points ?? 0;
  return {
    on,
    clientId,
    name: client.name,
    totals: {
      activeSold: pts(activeSold),
      expiredSold: pts(expiredSold),
      lostSold: pts(lostSold),
      managed: pts(today),
    },
    entries,
    managed,
  };
}
