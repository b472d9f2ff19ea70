// Which standing changes become which events, and events from imports: enqueued in the
// import's transaction, only when an endpoint wants them.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../db/client.ts';
import { webhookEndpoints } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { importFolder } from '../import/service.ts';
import { removeFolders, VALID_FOLDER, writeFolder } from '../import/testing.ts';
import type { PartnerStanding } from '../points/service.ts';
import { standingEvents } from './events.ts';

const standing = (over: Partial<PartnerStanding> = {}): PartnerStanding => ({
  sold: 50,
  managed: 10,
  total: 60,
  performance: null,
  credited: null,
  ...over,
});

describe('standingEvents', () => {
  it('announces a credited tier change and a points change, each once', () => {
    const events = standingEvents([
      {
        partnerId: 'P1',
        asOf: '2025-08-01',
        before: standing(),
        after: standing({ sold: 700, total: 710, performance: 'gold', credited: 'gold' }),
      },
    ]);
    expect(events).toEqual([
      {
        type: 'tier.changed',
        partnerId: 'P1',
        data: { partnerId: 'P1', asOf: '2025-08-01', from: null, to: 'gold', performance: 'gold' },
      },
      {
        type: 'points.changed',
        partnerId: 'P1',
        data: {
          partnerId: 'P1',
          asOf: '2025-08-01',
          before: { sold: 50, managed: 10, total: 60 },
          after: { sold: 700, managed: 10, total: 710 },
        },
      },
    ]);
  });

  it('says nothing when only the performance tier moved; a new partner starts from zero', () => {
    const perf = standingEvents([
      { partnerId: 'P1', asOf: '2025-08-01', before: standing(), after: standing({ performance: 'gold' }) },
    ]);
    expect(perf).toEqual([]);
    const fresh = standingEvents([{ partnerId: 'P2', asOf: '2025-08-01', before: null, after: standing() }]);
    expect(fresh).toEqual([
      expect.objectContaining({
        type: 'points.changed',
        data: expect.objectContaining({ before: { sold: 0, managed: 0, total: 0 } }),
      }),
    ]);
  });
});

describe('events from imports', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    removeFolders();
  });
  const count = async (table: string) =>
    (await rows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

  it('stores none while no endpoint wants them, then enqueues them with the import', async () => {
    const now = new Date('2025-08-01T09:00:00Z');
    const asOf = '2025-12-31';
    expect((await importFolder(database.db, { dir: writeFolder(VALID_FOLDER), program, asOf, now })).ok).toBe(
      true,
    );
    expect(await count('webhook_events')).toBe(0);

    await database.db.insert(webhookEndpoints).values({
      id: '00000000-0000-4000-8000-000000000001',
      url: 'http://127.0.0.1:9/hook',
      events: ['points.changed'],
      secret: 'whsec_test',
      createdAt: now,
    });
    const changed = {
      ...VALID_FOLDER,
      'mrr_changes.csv': `${VALID_FOLDER['mrr_changes.csv']}M4,C1,Marketing Hub,2025-07-01,3000,USD,,upsell\n`,
    };
    expect((await importFolder(database.db, { dir: writeFolder(changed), program, asOf, now })).ok).toBe(
      true,
    );
    const events = await rows<{ type: string; partner_id: string; next: string }>(
      database.db,
      sql`select e.type, e.partner_id, d.next_attempt_at::text as next
          from webhook_events e join webhook_deliveries d on d.event_id = e.id`,
    );
    expect(events).toEqual([
      { type: 'points.changed', partner_id: 'P1', next: expect.stringMatching(/^2025-08-01/) },
    ]);

    // The same folder again changes nothing: no event.
    expect((await importFolder(database.db, { dir: writeFolder(changed), program, asOf, now })).ok).toBe(
      true,
    );
    expect(await count('webhook_events')).toBe(1);
  });
});
