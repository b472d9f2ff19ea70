// What a pass of fact writes changed, shared by the folder import and live ingestion: the
// clients and partners whose derived state is stale, the clients whose own row changed
// (their currency is checked against their stored MRR changes), and the recompute that
// ends the transaction, enqueuing webhook events for the partners whose standing moved, and
// settling the deal registrations that a closed deal now matches.
import type { Tx } from '../../db/client.ts';
import type { Program } from '../../domain/program.ts';
import { settleRegistrations } from '../deal-registrations/lifecycle.ts';
import { recomputeForClients } from '../points/service.ts';
import { standingEventsHook } from '../webhooks/events.ts';
import { changesInOtherCurrency, type UpsertResult } from './repository.ts';
import { clientsFile, type FileSpec } from './schemas.ts';
import { StringIndex } from './string-index.ts';

export class FactChanges {
  // Compact sets (string-index.ts): a first import changes every client.
  private readonly clients = new StringIndex();
  private readonly partners = new StringIndex();
  private readonly updatedClients = new StringIndex();

  record(spec: FileSpec, result: UpsertResult): void {
    for (const id of result.clientIds) this.clients.add(id);
    for (const id of result.partnerIds) this.partners.add(id);
    if (spec === clientsFile) for (const id of result.updatedClientIds) this.updatedClients.add(id);
  }

  /**
   * Clients whose currency changed while they keep stored MRR changes in the old one (the
   * engine reads every change of a client in its currency): one such change per client.
   * Checked once everything is written, inside the transaction.
   */
  async currencyConflicts(tx: Tx) {
    if (this.updatedClients.size === 0) return [];
    return changesInOtherCurrency(tx, this.updatedClients.all());
  }

  /** Derived state of every partner whose facts really changed; returns how many were recomputed. */
  async recompute(tx: Tx, options: { program: Program; asOf: string; now: Date }): Promise<number> {
    if (this.clients.size === 0 && this.partners.size === 0) return 0;
    const onChanged = await standingEventsHook(tx, options.now);
    const result = await recomputeForClients(tx, {
      program: options.program,
      clientIds: this.clients.all(),
      partnerIds: this.partners.all(),
      asOf: options.asOf,
      ...(onChanged ? { onChanged } : {}),
    });
    // Approved deal registrations that a closed deal now settles (won or lost).
    await settleRegistrations(tx, { today: options.asOf, now: options.now });
    return result.partners;
  }
}

/** `verb`: what the caller does with facts ('import', 'send'). */
export function currencyConflictMessage(
  m: { client_id: string; currency: string; change_id: string; change_currency: string },
  verb: string,
): string {
  return (
    `client ${m.client_id} is now in ${m.currency}, but its MRR change ${m.change_id} is in ` +
    `${m.change_currency}; ${verb} the client's MRR changes in ${m.currency} too`
  );
}
