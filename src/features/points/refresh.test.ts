import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { type Database, rows } from '../../db/client.ts';
import { createTestDatabase, seedFacts } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { facts } from '../../domain/testing.ts';
import { refreshAllStale, refreshStalePartners } from './refresh.ts';
import { recomputeForClients } from './service.ts';

describe('the daily refresh', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    // A $1,000 sourced sale on 2025-03-01: 50 sold points that expire on 2026-03-01.
    const p1 = facts('P1').client('C1').deal('D1', 'C1', { closedOn: '2025-03-01' });
    p1.mrr('C1', 'Marketing Hub Professional', '2025-03-01', 1000, { deal: 'D1' });
    await seedFacts(database.db, p1.build(), { partners: ['P2'] });
    await database.db.transaction((tx) =>
      recomputeForClients(tx, { program, clientIds: ['C1'], asOf: '2026-02-28' }),
    );
  });
  afterAll(async () => database?.close());

  const state = () =>
    rows<{ partner_id: string; as_of: string; sold: string }>(
      database.db,
      sql`select partner_id, as_of::text, sold::text from partner_state order by partner_id`,
    );

  it('recomputes partners whose state is older than today, so expired points leave the dashboard', async () => {
    expect(await state()).toEqual([{ partner_id: 'P1', as_of: '2026-02-28', sold: '50.00' }]);
    const clock = manualClock('2026-03-02T06:00:00Z');
    // P1 is stale and P2 has no state at all: both are refreshed, in rounds of one.
    expect(await refreshAllStale({ db: database.db, clock }, 1)).toBe(2);
    expect(await state()).toEqual([
      { partner_id: 'P1', as_of: '2026-03-02', sold: '0.00' },
      { partner_id: 'P2', as_of: '2026-03-02', sold: '0.00' },
    ]);
    // Nothing is stale any more.
    expect(await refreshStalePartners({ db: database.db, clock })).toEqual({ partners: 0 });
  });
});
