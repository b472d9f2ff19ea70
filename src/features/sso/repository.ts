// The stored SSO configuration: one row and its domain mappings.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { ssoConfig, ssoDomains } from '../../db/schema.ts';
import type { Role } from '../auth/access.ts';

export type StoredSso = typeof ssoConfig.$inferSelect;
export interface DomainMapping {
  domain: string;
  partnerId: string | null;
  role: Role;
}

export async function readSso(db: Queryable): Promise<StoredSso | undefined> {
  const [row] = await db.select().from(ssoConfig).where(eq(ssoConfig.id, 'default'));
  return row;
}

export async function readDomains(db: Queryable): Promise<DomainMapping[]> {
  const rows = await db.select().from(ssoDomains).orderBy(asc(ssoDomains.domain));
  return rows.map((r) => ({ domain: r.domain, partnerId: r.partnerId, role: r.role as Role }));
}

export async function findDomain(db: Queryable, domain: string): Promise<DomainMapping | undefined> {
  const [row] = await db.select().from(ssoDomains).where(eq(ssoDomains.domain, domain.toLowerCase()));
  return row && { domain: row.domain, partnerId: row.partnerId, role: row.role as Role };
}
