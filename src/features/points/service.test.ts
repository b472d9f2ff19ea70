import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { createTestDatabase, seedFacts } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { facts } from '../../domain/testing.ts';
import {
  getPartnerChanges,
  getPartnerPoints,
  listPartners,
  rebuildAll,
  recomputeForClients,
} from './service.ts';

const DERIVED = [
  'sold_entries',
  'point_losses',
  'partner_snapshots',
  'tier_history',
  'partner_state',
] as const;
const KEYS: Record<(typeof DERIVED)[number], string> = {
  sold_entries: 'partner_id, entry_id',
  point_losses: 'partner_id, entry_id, change_id',
  partner_snapshots: 'partner_id, month_end',
  tier_history: 'partner_id, date',
  partner_state: 'partner_id',
};

async function dump(database: Database) {
  const out: Record<string, unknown[]> = {};
  for (const table of DERIVED) {
    out[table] = await rows(database.db, sql.raw(`select * from ${table} order by ${KEYS[table]}`));
  }
  return out;
}

describe('derived state', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    // P1: a $1,000 sourced new line in 2025 and a $1,000 client it manages (DATA_AND_INTERFACES §3).
    const p1 = facts('P1').client('C1').client('C2').deal('D1', 'C1', { closedOn: '2025-03-01' });
    p1.mrr('C1', 'Marketing Hub Professional', '2025-03-01', 1000, { deal: 'D1', id: 'X1' });
    p1.manage('C2', '2025-02-01').mrr('C2', 'Sales Hub Starter', '2025-02-01', 1000, { id: 'X2' });
    await seedFacts(database.db, p1.build());
    // P2: a Gold partner co-managing C2 with P1 and selling on its own client.
    const p2 = facts('P2')
      .client('C3')
      .deal('D3', 'C3', { closedOn: '2025-01-10' })
      .certify('2024-01-01', '2026-12-31');
    p2.mrr('C3', 'Marketing Hub Enterprise', '2025-01-10', 15_000, { deal: 'D3', id: 'X3' });
    p2.manage('C3', '2025-01-10').manage('C2', '2025-06-01');
    await seedFacts(database.db, p2.build());
    await database.db.transaction((tx) =>
      recomputeForClients(tx, { program, clientIds: ['C1', 'C2', 'C3'], asOf: '2025-12-31' }),
    );
  });
  afterAll(async () => database?.close());

  it('answers `tierwise points` exactly as DATA_AND_INTERFACES §3 shows', async () => {
    // C2 is co-managed by P2 from June: P1 keeps half of its managed points.
    expect(await getPartnerPoints(database.db, program, 'P1', '2025-05-31')).toEqual({
      partnerId: 'P1',
      on: '2025-05-31',
      sourced: 50,
      assisted: 0,
      sold: 50,
      managed: 10,
      total: 60,
      performance: null,
      credited: null,
    });
    expect((await getPartnerPoints(database.db, program, 'P1', '2025-12-31')).managed).toBe(5);
  });

  it('answers `tierwise changes` with new sold and new managed points', async () => {
    expect(await getPartnerChanges(database.db, program, 'P1', '2025-01-01', '2025-05-31')).toEqual({
      partnerId: 'P1',
      from: '2025-01-01',
      to: '2025-05-31',
      newSold: 50,
      increasedSold: 0,
      expiredSold: 0,
      decreasedSold: 0,
      declinedSold: 0,
      newManaged: 10,
      lostManaged: 0,
    });
  });

  it('stores entries with their explanation, monthly snapshots and tier history', async () => {
    const entries = await database.db.select().from(s.soldEntries).orderBy(s.soldEntries.entryId);
    expect(entries.map((e) => [e.partnerId, e.entryId, e.points, e.expiresOn])).toEqual([
      ['P1', 'X1', '50.00', '2026-03-01'],
      ['P2', 'X3', '750.00', '2026-01-10'],
    ]);
    expect(entries[0]!.explanation).toMatchObject({
      rateRuleSetId: '2024-02',
      currencyRuleSetId: '2024-02',
      rate: 50_000,
    });
    const [state] = await database.db.select().from(s.partnerState).where(sql`partner_id = 'P2'`);
    // 750 sold + 150 managed (C3) + 5 managed (half of C2) = 905: Gold on every track.
    expect(state).toMatchObject({
      total: '905.00',
      performance: 'gold',
      credited: 'gold',
      asOf: '2025-12-31',
    });
    // The dashboard's precomputed figures: 12-month sourced dollars and the next tier's gap.
    expect(state!.metrics).toMatchObject({
      currency: 'USD',
      sourcedDollars12m: 15_000,
      sourcedMrrRolling12m: 15_000,
    });
    expect(state!.insights).toMatchObject({
      keep: { tierId: 'gold', met: true },
      next: { tierId: 'platinum', missing: { total: 1195, seller: 0, managed: 345 } },
    });
    const history = await database.db.select().from(s.tierHistory).where(sql`partner_id = 'P2'`);
    expect(history.map((h) => [h.date, h.toTier, h.reason])).toEqual([['2025-01-31', 'gold', 'upgrade']]);
    const snapshots = await database.db.select().from(s.partnerSnapshots).where(sql`partner_id = 'P1'`);
    expect(snapshots.map((x) => x.monthEnd)).toHaveLength(11); // Feb..Dec 2025
  });

  it('lists partners with their current total and tiers', async () => {
    expect(await listPartners(database.db)).toEqual([
      { partnerId: 'P1', name: 'Partner P1', country: 'US', total: 55, performance: null, credited: null },
      {
        partnerId: 'P2',
        name: 'Partner P2',
        country: 'US',
        total: 905,
        performance: 'gold',
        credited: 'gold',
      },
    ]);
  });

  it('a full rebuild gives identical rows', async () => {
    const before = await dump(database);
    expect(before.sold_entries).toHaveLength(2);
    await database.db.execute(sql`delete from sold_entries`);
    await database.db.execute(sql`delete from partner_state`);
    await rebuildAll(database.db, { program, asOf: '2025-12-31' });
    expect(await dump(database)).toEqual(before);
  });

  it('a partner that does not exist is a clear error', async () => {
    await expect(getPartnerPoints(database.db, program, 'NOPE', '2025-01-01')).rejects.toThrow(
      /partner NOPE does not exist/,
    );
  });
});
