// Use cases of static lists: a partner's named lists of its clients, shared by every user of
// the partner (and operators). Another partner's list id answers 404 like one that does not
// exist; a member must be the partner's client (the clients feature's rule), all or nothing.
// Every write and its audit record commit in one transaction.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { compareCodePoints } from '../../domain/facts.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { partnerClientIds } from '../clients/repository.ts';
import { clientSummaries } from '../clients/service.ts';
import * as repo from './repository.ts';
import type { ListMember, ListSummary } from './schemas.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export function listNotFound(): AppError {
  return new AppError('not_found', 'No such list');
}

function view(r: repo.ListRow): ListSummary {
  return {
    id: r.id,
    partnerId: r.partnerId,
    name: r.name,
    owner: { userId: r.ownerId, email: r.ownerEmail },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    size: r.size,
  };
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
const unique = (ids: readonly string[]) => [...new Set(ids)];

async function requireList(db: Queryable, partnerId: string, listId: string): Promise<repo.ListRow> {
  const row = await repo.findList(db, partnerId, listId);
  if (!row) throw listNotFound();
  return row;
}

/** Locks the list for the transaction, or 404. */
async function lockList(db: Queryable, partnerId: string, listId: string): Promise<repo.ListRow> {
  if (!(await repo.lockList(db, partnerId, listId))) throw listNotFound();
  return requireList(db, partnerId, listId);
}

/** 400 naming every id that is not the partner's client; nothing is written. */
async function requirePartnerClients(db: Queryable, partnerId: string, clientIds: readonly string[]) {
  const known = await partnerClientIds(db, partnerId, clientIds);
  const refused = unique(clientIds).filter((id) => !known.has(id));
  if (refused.length === 0) return;
  const shown = refused.slice(0, 20).join(', ');
  throw new AppError(
    'validation_failed',
    `${refused.length === 1 ? 'This id is not a client' : `${refused.length} ids are not clients`} of the partner: ${shown}${refused.length > 20 ? ', ...' : ''}`,
    {
      details: {
        issues: [{ in: 'body', path: 'clientIds', message: "must be the partner's clients" }],
        clientIds: refused,
      },
    },
  );
}

export async function listLists(db: Queryable, partnerId: string): Promise<{ lists: ListSummary[] }> {
  return { lists: (await repo.findLists(db, partnerId)).map(view) };
}

export async function getList(db: Queryable, options: { partnerId: string; listId: string; on: IsoDate }) {
  const list = await requireList(db, options.partnerId, options.listId);
  const found = await repo.findMembers(db, options.partnerId, options.listId);
  // Facts are never deleted, so a member's client exists; 'XXX' (no currency) if not.
  const refs = found.map((m) => ({
    clientId: m.clientId,
    name: m.name ?? m.clientId,
    country: m.country ?? '',
    currency: m.currency ?? 'XXX',
    addedAt: m.addedAt,
  }));
  const summaries = await clientSummaries(db, options.partnerId, options.on, refs);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const members: ListMember[] = refs
    .map((m) => {
      const s = summaries.get(m.clientId)!;
      return {
        clientId: m.clientId,
        name: m.name,
        country: m.country,
        currency: m.currency,
        relationship: s.relationship,
        mrr: s.mrr,
        mrrBase: s.mrrBase,
        points: s.points,
        addedAt: m.addedAt.toISOString(),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || compareCodePoints(a.clientId, b.clientId));
  return { ...view(list), on: options.on, members };
}

export async function createList(
  deps: Deps,
  options: { partnerId: string; name: string; clientIds?: readonly string[]; actor: Actor },
): Promise<ListSummary> {
  const now = deps.clock.now();
  const id = randomUUID();
  const clientIds = unique(options.clientIds ?? []);
  await deps.db.transaction(async (tx) => {
    await requirePartnerClients(tx, options.partnerId, clientIds);
    await repo.insertList(tx, options.partnerId, {
      id,
      name: options.name,
      ownerId: userOf(options.actor),
      at: now,
    });
    await repo.insertMembers(tx, options.partnerId, id, clientIds, now);
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'list.create',
      entity: 'list',
      entityId: id,
      partnerId: options.partnerId,
      after: { name: options.name, size: clientIds.length, clientIds },
    });
  });
  return view(await requireList(deps.db, options.partnerId, id));
}

export async function renameList(
  deps: Deps,
  options: { partnerId: string; listId: string; name: string; actor: Actor },
): Promise<ListSummary> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await lockList(tx, options.partnerId, options.listId);
    await repo.renameList(tx, options.partnerId, options.listId, options.name, now);
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'list.update',
      entity: 'list',
      entityId: options.listId,
      partnerId: options.partnerId,
      before: { name: before.name },
      after: { name: options.name },
    });
  });
  return view(await requireList(deps.db, options.partnerId, options.listId));
}

export async function deleteList(
  deps: Deps,
  options: { partnerId: string; listId: string; actor: Actor },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await lockList(tx, options.partnerId, options.listId);
    await repo.deleteList(tx, options.partnerId, options.listId);
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'list.delete',
      entity: 'list',
      entityId: options.listId,
      partnerId: options.partnerId,
      before: { name: before.name, size: before.size },
    });
  });
}

/** Adds the clients; those already in the list are ignored (not counted in `added`). */
export async function addMembers(
  deps: Deps,
  options: { partnerId: string; listId: string; clientIds: readonly string[]; actor: Actor },
): Promise<{ added: number; size: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await lockList(tx, options.partnerId, options.listId);
    await requirePartnerClients(tx, options.partnerId, options.clientIds);
    const added = await repo.insertMembers(tx, options.partnerId, options.listId, options.clientIds, now);
    const size = before.size + added.length;
    if (added.length > 0) {
      await repo.touchList(tx, options.partnerId, options.listId, now);
      await recordAudit(tx, {
        actor: options.actor,
        at: now,
        action: 'list.members.add',
        entity: 'list',
        entityId: options.listId,
        partnerId: options.partnerId,
        before: { size: before.size },
        after: { size, clientIds: added },
      });
    }
    return { added: added.length, size };
  });
}

/** Removes the clients; ids not in the list are ignored (not counted in `removed`). */
export async function removeMembers(
  deps: Deps,
  options: { partnerId: string; listId: string; clientIds: readonly string[]; actor: Actor },
): Promise<{ removed: number; size: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await lockList(tx, options.partnerId, options.listId);
    const removed = await repo.deleteMembers(
      tx,
      options.partnerId,
      options.listId,
      unique(options.clientIds),
    );
    const size = before.size - removed.length;
    if (removed.length > 0) {
      await repo.touchList(tx, options.partnerId, options.listId, now);
      await recordAudit(tx, {
        actor: options.actor,
        at: now,
        action: 'list.members.remove',
        entity: 'list',
        entityId: options.listId,
        partnerId: options.partnerId,
        before: { size: before.size, clientIds: removed },
        after: { size },
      });
    }
    return { removed: removed.length, size };
  });
}
