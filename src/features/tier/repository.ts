// SQL of the Tier page: monthly snapshots, the credited tier's last change, the partner's
// certification, client names. Partner id first.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';

export interface SnapshotRow {
  monthEnd: string;
  sourced: string;
  assisted: string;
  managed: string;
  certified: boolean;
  performance: string | null;
  credited: string | null;
}

export async function snapshots(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
): Promise<SnapshotRow[]> {
  return rows<SnapshotRow>(
    db,
    sql`select month_end::text as "monthEnd", sourced::text as sourced, assisted::text as assisted,
               managed::text as managed, certified, performance, credited
        from partner_snapshots
        where partner_id = ${partnerId} and month_end >= ${range.from} and month_end <= ${range.to}
        order by month_end`,
  );
}

/** The credited tier's latest change on or before the day. */
export async function lastTierChange(db: Queryable, partnerId: string, on: IsoDate) {
  const [row] = await rows<{ date: string; toTier: string | null; reason: string }>(
    db,
    sql`select date::text as date, to_tier as "toTier", reason from tier_history
        where partner_id = ${partnerId} and date <= ${on} order by date desc limit 1`,
  );
  return row;
}

/** The certification valid on the day with the latest expiry, else the latest one to expire. */
export async function certification(db: Queryable, partnerId: string, on: IsoDate) {
  const [row] = await rows<{ name: string; validFrom: string; validUntil: string; valid: boolean }>(
    db,
    sql`select name, valid_from::text as "validFrom", valid_until::text as "validUntil",
               (valid_from <= ${on} and ${on} <= valid_until) as valid
        from certifications where partner_id = ${partnerId} and valid_from <= ${on}
        order by (valid_from <= ${on} and ${on} <= valid_until) desc, valid_until desc limit 1`,
  );
  return row;
}

export async function clientNames(db: Queryable, clientIds: readonly string[]): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const found = await rows<{ clientId: string; name: string }>(
    db,
    sql`select client_id as "clientId", name from clients where client_id = any(${sql.param([...clientIds])})`,
  );
  return new Map(found.map((r) => [r.clientId, r.name]));
}
