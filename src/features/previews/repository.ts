// SQL of preview features and opt-ins.
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import { previewOptins, previews, users } from '../../db/schema.ts';

export async function listPreviews(db: Queryable) {
  return db.select().from(previews).orderBy(asc(previews.name), asc(previews.id));
}

export async function findPreview(db: Queryable, id: string) {
  const [found] = await db.select().from(previews).where(eq(previews.id, id));
  return found;
}

export async function insertPreview(
  db: Queryable,
  row: {
    id: string;
    name: string;
    description: string;
    terms: string;
    createdBy: string | null;
    createdAt: Date;
  },
) {
  const [created] = await db.insert(previews).values(row).onConflictDoNothing().returning();
  return created;
}

/** Opt-ins that concern a user: its own and its partner's. */
export async function optinsFor(db: Queryable, userId: string, partnerId: string | null) {
  return db
    .select()
    .from(previewOptins)
    .where(
      partnerId === null
        ? eq(previewOptins.userId, userId)
        : sql`${previewOptins.userId} = ${userId} or ${previewOptins.partnerId} = ${partnerId}`,
    );
}

export async function userOptin(db: Queryable, previewId: string, userId: string) {
  const [found] = await db
    .select()
    .from(previewOptins)
    .where(
      and(
        eq(previewOptins.previewId, previewId),
        eq(previewOptins.scope, 'user'),
        eq(previewOptins.userId, userId),
      ),
    );
  return found;
}

export async function partnerOptin(db: Queryable, previewId: string, partnerId: string) {
  const [found] = await db
    .select()
    .from(previewOptins)
    .where(
      and(
        eq(previewOptins.previewId, previewId),
        eq(previewOptins.scope, 'partner'),
        eq(previewOptins.partnerId, partnerId),
      ),
    );
  return found;
}

export async function insertOptin(db: Queryable, row: typeof previewOptins.$inferInsert) {
  await db.insert(previewOptins).values(row).onConflictDoNothing();
}

export async function deleteOptin(db: Queryable, id: number) {
  await db.delete(previewOptins).where(eq(previewOptins.id, id));
}

/** Users of a partner (enabled): those a partner-wide opt-in covers today. */
export async function countPartnerUsers(db: Queryable, partnerId: string): Promise<number> {
  const found = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.disabled, false)));
  return found[0]?.n ?? 0;
}

/** Per preview: the partner-wide opt-in (if any) and how many of the partner's users opted in themselves. */
export async function partnerOptinState(db: Queryable, partnerId: string) {
  return rows<{ previewId: string; partnerOptedIn: boolean; usersOptedIn: number }>(
    db,
    sql`select p.id as "previewId",
               exists (select 1 from preview_optins o
                       where o.preview_id = p.id and o.scope = 'partner' and o.partner_id = ${partnerId}) as "partnerOptedIn",
               (select count(*)::int from preview_optins o join users u on u.id = o.user_id
                where o.preview_id = p.id and o.scope = 'user' and u.partner_id = ${partnerId}) as "usersOptedIn"
        from previews p order by p.name, p.id`,
  );
}
