// Two app instances on one database (on PostgreSQL: each with its own connection pool)
// work through the same delivery queue at once: every delivery reaches the receiver
// exactly once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../core/app.ts';
import { type Database, openDatabase, rows } from '../../db/client.ts';
import { serverUrlFor } from '../../db/testing.ts';
import { buildApp } from '../../server/app.ts';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { bearer, post } from '../ingest/testing.ts';
import { enqueueEvents, type NewEvent } from './events.ts';
import { type Receiver, startReceiver } from './testing.ts';
import { type DeliveryRun, runDueDeliveries, type WorkerDeps } from './worker.ts';

let t: TestApp;
let second: Database | null = null;
let other: App;
let receiver: Receiver;

beforeAll(async () => {
  t = await createTestApp();
  const url = process.env.DATABASE_URL;
  if (url) {
    // The same database through a pool of its own, as another machine would have.
    const name = new URL(t.database.where).pathname.slice(1);
    second = await openDatabase({ url: serverUrlFor(url, name), poolSize: 5 });
  }
  other = await buildApp({ ...t.deps, db: second?.db ?? t.deps.db, logger: false });
  await other.ready();
  receiver = await startReceiver({ delayMs: 10 });
});
afterAll(async () => {
  await receiver?.close();
  await other?.close();
  await second?.close();
  await t?.close();
});

/** Runs until a run finds nothing due; returns the runs' totals. */
async function drain(deps: WorkerDeps): Promise<DeliveryRun> {
  const total: DeliveryRun = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const run = await runDueDeliveries(deps, { limit: 7, concurrency: 4 });
    if (run.claimed === 0) return total;
    for (const k of Object.keys(total) as (keyof DeliveryRun)[]) total[k] += run[k];
  }
}

describe('two instances', () => {
  it('deliver each webhook exactly once', async () => {
    const admin = await bearer(t.deps, 'admin');
    for (const app of [t.app, other]) {
      const created = await post(app, '/api/v1/webhooks', admin, {
        url: receiver.url,
        events: ['points.changed'],
      });
      expect(created.statusCode).toBe(201);
    }
    const events: NewEvent[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'points.changed',
      partnerId: `P${i}`,
      data: { partnerId: `P${i}`, n: i },
    }));
    expect(await enqueueEvents(t.deps.db, events, t.deps.clock.now())).toBe(60);

    const [a, b] = await Promise.all([
      drain({ db: t.deps.db, clock: t.deps.clock }),
      drain({ db: other.deps.db, clock: t.deps.clock }),
    ]);
    expect(a.delivered + b.delivered).toBe(120);
    expect(a.retrying + b.retrying + a.failed + b.failed).toBe(0);
    if (second) {
      // Both did part of the work (the queue is shared, not run by one of them).
      expect(a.delivered).toBeGreaterThan(0);
      expect(b.delivered).toBeGreaterThan(0);
    }

    const ids = receiver.received.map((r) => r.headers['tierwise-delivery']);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const stored = await rows<{ status: string; attempts: number; n: number }>(
      t.deps.db,
      sql`select status, attempts, count(*)::int as n from webhook_deliveries group by status, attempts`,
    );
    expect(stored).toEqual([{ status: 'delivered', attempts: 1, n: 120 }]);
  });
});
