// Lookups that arrive together share one statement, and each still gets its own row: by
// key, a missing key as undefined, across several statements when the queue is long, and
// a failed statement fails each of its lookups. PGlite, and PostgreSQL when DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { partners } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing.ts';
import { batchedQuery, batchKeys } from './batched.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(partners).values(
    Array.from({ length: 150 }, (_, n) => ({
      partnerId: `P${n}`,
      name: `Partner ${n}`,
      country: 'SE',
      currency: 'SEK',
    })),
  );
});
afterAll(() => database.close());

const partnerName = batchedQuery<{ partner_id: string }, { i: number; name: string }>(
  'test_partner_name',
  (db) =>
    db
      .select({ i: sql<number>`k.i`, name: partners.name })
      .from(batchKeys('k', 'partner_id text'))
      .innerJoin(partners, sql`${partners.partnerId} = k.partner_id`),
);

const failing = batchedQuery<{ n: string }, { i: number; n: number }>('test_failing', (db) =>
  db.select({ i: sql<number>`k.i`, n: sql<number>`k.n::int` }).from(batchKeys('k', 'n text')),
);

describe('batched lookups', () => {
  it('answer each of 250 concurrent lookups with its own row, a missing key with undefined', async () => {
    const ids = Array.from({ length: 250 }, (_, n) => `P${(n * 7) % 200}`); // P150..P199 do not exist
    const load = partnerName(database.db);
    const answers = await Promise.all(ids.map((id) => load({ partner_id: id })));
    answers.forEach((row, n) => {
      const id = ids[n]!;
      if (Number(id.slice(1)) < 150) expect(row?.name).toBe(`Partner ${id.slice(1)}`);
      else expect(row).toBeUndefined();
    });
  });

  it('answer lookups made one after another (a queue of one)', async () => {
    const load = partnerName(database.db);
    expect((await load({ partner_id: 'P3' }))?.name).toBe('Partner 3');
    expect((await load({ partner_id: 'P4' }))?.name).toBe('Partner 4');
  });

  it('fail the lookups, not the process, when the statement cannot even be sent', async () => {
    const unusable = batchedQuery<{ n: string }, { i: number }>('test_unusable', () => {
      throw new Error('no statement');
    });
    await expect(unusable(database.db)({ n: '1' })).rejects.toThrow('no statement');
  });

  it('fail every lookup of a statement that fails, and recover for the next', async () => {
    const load = failing(database.db);
    const results = await Promise.allSettled([load({ n: '1' }), load({ n: 'not a number' })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await load({ n: '2' }))?.n).toBe(2);
  });
});
