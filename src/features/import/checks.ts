// The checks a row needs beyond its own columns: the partners, clients and deals it names
// (in this import or already in the database) and the program's currency tables.

import type { Tx } from '../../db/client.ts';
import { type Program, ruleSetOn } from '../../domain/program.ts';
import { findClients, findDeals, findPartners } from './repository.ts';
import { type Entity, type FileSpec, mrrChangesFile, type Row } from './schemas.ts';
import { StringMap } from './string-index.ts';

export interface RowProblem {
  column: string;
  message: string;
}

/** What resolving a reference found. `info`: a client's currency, a deal's client. */
type Resolved =
  | { kind: 'ok'; info: string | null }
  | { kind: 'rejected'; where: string }
  | { kind: 'unknown' };

/**
 * What the import knows about partners, clients and deals: the rows accepted so far in
 * this import (they win over the database, being written in the same transaction), the
 * rows rejected, and a cache of database lookups. Only entity ids are kept, never rows
 * of the large fact files.
 */
export class References {
  // Compact maps (string-index.ts): an import can bring hundreds of thousands of ids.
  private readonly imported: Record<Entity, StringMap> = {
    partner: new StringMap(),
    client: new StringMap(),
    deal: new StringMap(),
  };
  private readonly rejected: Record<Entity, Map<string, string>> = {
    partner: new Map(),
    client: new Map(),
    deal: new Map(),
  };
  /** Database lookups; null: not in the database. */
  private readonly stored: Record<Entity, StringMap> = {
    partner: new StringMap(),
    client: new StringMap(),
    deal: new StringMap(),
  };
  /** Entities whose file could not be read to the end: unknown ids of them may be in the unread part. */
  private readonly broken = new Set<Entity>();

  accept(entity: Entity, id: string, info: string | null): void {
    this.imported[entity].set(id, info);
    const rejected = this.rejected[entity];
    if (rejected.size > 0) rejected.delete(id);
  }

  reject(entity: Entity, id: string, where: string): void {
    if (!this.imported[entity].has(id)) this.rejected[entity].set(id, where);
  }

  markBroken(entity: Entity): void {
    this.broken.add(entity);
  }

  isBroken(entity: Entity): boolean {
    return this.broken.has(entity);
  }

  /** The ids of a batch that neither the import nor the cache knows: they need a database lookup. */
  unknownIds(wanted: Record<Entity, Set<string>>): Record<Entity, string[]> | null {
    let any = false;
    const out = { partner: [] as string[], client: [] as string[], deal: [] as string[] };
    for (const entity of ['partner', 'client', 'deal'] as const) {
      for (const id of wanted[entity]) {
        if (this.imported[entity].has(id) || this.rejected[entity].has(id) || this.stored[entity].has(id))
          continue;
        out[entity].push(id);
        any = true;
      }
    }
    return any ? out : null;
  }

  /** Looks the ids up, in one query per entity, and caches what was found and what was not. */
  async lookUp(tx: Tx, ids: Record<Entity, string[]>): Promise<void> {
    if (ids.partner.length > 0) {
      const found = await findPartners(tx, ids.partner);
      for (const id of ids.partner) this.stored.partner.set(id, found.has(id) ? '' : null);
    }
    for (const entity of ['client', 'deal'] as const) {
      if (ids[entity].length === 0) continue;
      const found = entity === 'client' ? await findClients(tx, ids.client) : await findDeals(tx, ids.deal);
      for (const id of ids[entity]) this.stored[entity].set(id, found.get(id) ?? null);
    }
  }

  resolve(entity: Entity, id: string): Resolved {
    const info = this.imported[entity].get(id);
    if (info !== undefined) return { kind: 'ok', info };
    const where = this.rejected[entity].get(id);
    if (where !== undefined) return { kind: 'rejected', where };
    const stored = this.stored[entity].get(id);
    return stored === undefined || stored === null ? { kind: 'unknown' } : { kind: 'ok', info: stored };
  }
}

/** The ids a batch of rows names, per entity. */
export function wantedIds(spec: FileSpec, rows: readonly Row[]): Record<Entity, Set<string>> {
  const wanted: Record<Entity, Set<string>> = { partner: new Set(), client: new Set(), deal: new Set() };
  for (const row of rows) {
    for (const [column, entity] of spec.refList) {
      const id = row[column];
      if (id) wanted[entity].add(id);
    }
  }
  return wanted;
}

export interface RowCheck {
  problems: RowProblem[];
  /** Set when the row names a rejected row: it is rejected with it, but is not a problem of its own. */
  dependsOnRejected: string | null;
}

/** Currencies that some rule set's table lists: the only ones a partner or client may use. */
export function programCurrencies(program: Program): Set<string> {
  const out = new Set<string>();
  for (const ruleSet of program.ruleSets)
    for (const code of Object.keys(ruleSet.currencyPer100)) out.add(code);
  return out;
}

export function checkRow(
  spec: FileSpec,
  row: Row,
  refs: References,
  program: Program,
  currencies: ReadonlySet<string>,
): RowCheck {
  const problems: RowProblem[] = [];
  let dependsOnRejected: string | null = null;
  let clientCurrency: string | null = null;
  let dealClient: string | null = null;

  for (const [column, entity] of spec.refList) {
    const id = row[column];
    if (!id) continue;
    const r = refs.resolve(entity, id);
    if (r.kind === 'ok') {
      if (entity === 'client') clientCurrency = r.info;
      else if (entity === 'deal') dealClient = r.info;
    } else if (r.kind === 'rejected') dependsOnRejected ??= `${entity} ${id} is rejected (${r.where})`;
    else if (refs.isBroken(entity))
      dependsOnRejected ??= `${entity} ${id} may be in the unreadable part of its file`;
    else
      problems.push({
        column,
        message: `unknown ${entity} "${id}" (neither in the database nor in this import)`,
      });
  }

  const currency = row.currency;
  if (currency) {
    if (spec.currencyOn) {
      const on = spec.currencyOn(row as never);
      const ruleSet = ruleSetOn(program, on);
      if (ruleSet.currencyPer100[currency] === undefined) {
        problems.push({
          column: 'currency',
          message: `${currency} is not in the currency table (currencyPer100) of rule set ${ruleSet.id}, in force on ${on}`,
        });
      }
    } else if (!currencies.has(currency)) {
      problems.push({
        column: 'currency',
        message: `${currency} is in no currency table (currencyPer100) of the program`,
      });
    }
  }

  if (spec === mrrChangesFile) {
    if (clientCurrency && currency && clientCurrency !== currency) {
      problems.push({
        column: 'currency',
        message: `must be the currency of client ${row.client_id} (${clientCurrency}), got "${currency}"`,
      });
    }
    if (dealClient && dealClient !== row.client_id) {
      problems.push({
        column: 'deal_id',
        message: `deal ${row.deal_id} belongs to client ${dealClient}, not to ${row.client_id}`,
      });
    }
  }
  return { problems, dependsOnRejected };
}
