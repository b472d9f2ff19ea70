// SQL of a partner's static lists. Partner id first: every query names the partner, so a
// list id of another partner reads as one that does not exist.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import { clientListMembers, clientLists, clients, users } from '../../db/schema.ts';

export interface ListRow {
  id: string;
  partnerId: string;
  name: string;
  ownerId: string | null;
  ownerEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
  size: number;
}

function selectLists(db: Queryable) {
  const size = db
    .select({ listId: clientListMembers.listId, size: count().as('size') })
    .from(clientListMembers)
    .groupBy(clientListMembers.listId)
    .as('list_sizes');
  return db
    .select({
      id: clientLists.id,
      partnerId: clientLists.partnerId,
      name: clientLists.name,
      ownerId: clientLists.ownerId,
      ownerEmail: users.email,
      createdAt: clientLists.createdAt,
      updatedAt: clientLists.updatedAt,
      size: sql<number>`coalesce(${size.size}, 0)::int`,
    })
    .from(clientLists)
    .leftJoin(users, eq(users.id, clientLists.ownerId))
    .leftJoin(size, eq(size.listId, clientLists.id));
}

/** The partner's lists, by name. */
export async function findLists(db: Queryable, partnerId: string): Promise<ListRow[]> {
  return selectLists(db)
    .where(eq(clientLists.partnerId, partnerId))
    .orderBy(asc(clientLists.name), asc(clientLists.createdAt));
}

export async function findList(
  db: Queryable,
  partnerId: string,
  listId: string,
): Promise<ListRow | undefined> {
  const [row] = await selectLists(db).where(
    and(eq(clientLists.partnerId, partnerId), eq(clientLists.id, listId)),
  );
  return row;
}

/** Locks the partner's list row for the rest of the transaction (concurrent member writes queue). */
export async function lockList(db: Queryable, partnerId: string, listId: string): Promise<boolean> {
  const found = await db
    .select({ id: clientLists.id })
    .from(clientLists)
    .where(and(eq(clientLists.partnerId, partnerId), eq(clientLists.id, listId)))
    .for('update');
  return found.length > 0;
}

export async function insertList(
  db: Queryable,
  partnerId: string,
  list: { id: string; name: string; ownerId: string | null; at: Date },
): Promise<void> {
  await db.insert(clientLists).values({
    id: list.id,
    partnerId,
    name: list.name,
    ownerId: list.ownerId,
    createdAt: list.at,
    updatedAt: list.at,
  });
}

export async function renameList(
  db: Queryable,
  partnerId: string,
  listId: string,
  name: string,
  at: Date,
): Promise<void> {
  await db
    .update(clientLists)
    .set({ name, updatedAt: at })
    .where(and(eq(clientLists.partnerId, partnerId), eq(clientLists.id, listId)));
}

export async function touchList(db: Queryable, partnerId: string, listId: string, at: Date): Promise<void> {
  await db
    .update(clientLists)
    .set({ updatedAt: at })
    .where(and(eq(clientLists.partnerId, partnerId), eq(clientLists.id, listId)));
}

/** Deletes the list; its members go with it (on delete cascade). */
export async function deleteList(db: Queryable, partnerId: string, listId: string): Promise<void> {
  await db.delete(clientLists).where(and(eq(clientLists.partnerId, partnerId), eq(clientLists.id, listId)));
}

/** The partner's list, as a condition on a member's list id. */
function ofPartnerList(partnerId: string, listId: string) {
  return and(
    eq(clientListMembers.listId, listId),
    sql`exists (select 1 from client_lists where id = ${listId} and partner_id = ${partnerId})`,
  );
}

/** Adds the clients not in the partner's list yet; the ids of those added. */
export async function insertMembers(
  db: Queryable,
  partnerId: string,
  listId: string,
  clientIds: readonly string[],
  at: Date,
): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const added = await rows<{ clientId: string }>(
    db,
    sql`insert into client_list_members (list_id, client_id, added_at)
        select l.id, x.client_id, ${at.toISOString()}::timestamptz
        from client_lists l, unnest(${sql.param([...new Set(clientIds)])}::text[]) as x(client_id)
        where l.id = ${listId} and l.partner_id = ${partnerId}
        on conflict do nothing
        returning client_id as "clientId"`,
  );
  return added.map((r) => r.clientId);
}

/** Removes these clients from the partner's list; the ids of those that were in it. */
export async function deleteMembers(
  db: Queryable,
  partnerId: string,
  listId: string,
  clientIds: readonly string[],
): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const removed = await db
    .delete(clientListMembers)
    .where(and(ofPartnerList(partnerId, listId), inArray(clientListMembers.clientId, [...clientIds])))
    .returning({ clientId: clientListMembers.clientId });
  return removed.map((r) => r.clientId);
}

export interface MemberRow {
  clientId: string;
  name: string | null;
  country: string | null;
  currency: string | null;
  addedAt: Date;
}

/** The partner's list's members with the client's name, country and currency. */
export async function findMembers(db: Queryable, partnerId: string, listId: string): Promise<MemberRow[]> {
  return db
    .select({
      clientId: clientListMembers.clientId,
      name: clients.name,
      country: clients.country,
      currency: clients.currency,
      addedAt: clientListMembers.addedAt,
    })
    .from(clientListMembers)
    .leftJoin(clients, eq(clients.clientId, clientListMembers.clientId))
    .where(ofPartnerList(partnerId, listId));
}
