// For tests on the demo data: the partners with the most sold entries, busiest first.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';

export async function busiestPartners(db: Queryable, count: number): Promise<string[]> {
  const found = await rows<{ partner_id: string }>(
    db,
    sql`select partner_id from sold_entries group by partner_id order by count(*) desc, partner_id limit ${count}`,
  );
  return found.map((r) => r.partner_id);
}
