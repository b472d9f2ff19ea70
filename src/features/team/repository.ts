// SQL of the Team tab. Partner id first.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { teamContacts } from '../../db/schema.ts';

export async function listTeamContacts(db: Queryable, partnerId: string) {
  return db
    .select()
    .from(teamContacts)
    .where(eq(teamContacts.partnerId, partnerId))
    .orderBy(asc(teamContacts.role), asc(teamContacts.name));
}
