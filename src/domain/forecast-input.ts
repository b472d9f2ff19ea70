// The forecast's inputs from a partner's ledger (forecast.ts): for tests, the derivation
// (which stores the baseline) and a day the derived tables do not hold.
import type { IsoDate } from './dates.ts';
import type { ForecastEntry, ForecastInput, ForecastManagedClient, PipelineCandidate } from './forecast.ts';
import { type Ledger, managerCount } from './ledger.ts';
import { entryStateOn, isActive, lineMrrOn } from './sold.ts';

/**
 * The forecast's inputs from a partner's ledger on `on` (tests, and a day the derived tables
 * do not hold): its active entries, managed clients, renewals, open deals; plus its
 * registrations (not facts of the engine: the caller reads them).
 */
export function forecastInputFromLedger(
  ledger: Ledger,
  on: IsoDate,
  registrations: readonly PipelineCandidate[] = [],
): ForecastInput {
  const entries: ForecastEntry[] = [];
  for (const e of ledger.entries) {
    if (e.earnedOn > on) break;
    if (!isActive(e, on)) continue;
    const { points } = entryStateOn(e, on);
    if (points !== 0)
      entries.push({
        clientId: e.clientId,
        product: e.product,
        dealType: e.dealType,
        points,
        expiresOn: e.expiresOn,
      });
  }
  const managed: ForecastManagedClient[] = [];
  for (const clientId of ledger.managedClientIds) {
    const managers = managerCount(ledger, clientId, on, ledger.partnerId);
    const client = ledger.clients.get(clientId);
    if (managers === 0 || !client) continue;
    const lines = (ledger.linesByClient.get(clientId) ?? [])
      .map((l) => ({ product: l.product, mrr: lineMrrOn(l, on) }))
      .filter((l) => l.mrr !== 0);
    managed.push({ clientId, currency: client.currency, country: client.country, managers, lines });
  }
  const deals: PipelineCandidate[] = [];
  for (const d of ledger.deals.values()) {
    if (d.partnerId !== ledger.partnerId || d.stage !== 'open') continue;
    deals.push({
      kind: 'deal',
      id: d.dealId,
      name: d.name ?? d.dealId,
      clientId: d.clientId,
      clientName: ledger.clients.get(d.clientId)?.name ?? null,
      country: ledger.clients.get(d.clientId)?.country ?? '',
      currency: d.currency,
      mrr: d.amount,
      expectedCloseDate: d.closedOn ?? null,
      dealType: d.type,
      stage: 'open',
    });
  }
  return {
    program: ledger.program,
    on,
    entries,
    managed,
    renewals: ledger.renewals,
    pipeline: [...registrations, ...deals],
    certifications: ledger.certifications,
  };
}
