import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { rows } from './client.ts';
import { createTestDatabase } from './testing.ts';

describe('database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('starts migrated and empty, with dates and numerics as exact strings', async () => {
    const [r] = await rows<{ n: number; d: string; m: string }>(
      database.db,
      sql`select (select count(*)::int from partners) as n, '2024-02-29'::date as d, 12.3400::numeric(20,4) as m`,
    );
    expect(r).toEqual({ n: 0, d: '2024-02-29', m: '12.3400' });
  });
});
