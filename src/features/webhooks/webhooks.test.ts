// Outgoing webhooks end to end: endpoints through the API, events enqueued with the
// ingestion that causes them, signed deliveries to a real local receiver, retries with
// backoff, timeouts that never hold up ingestion, and renewal.due announced once.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { createTestApp, seedPartnerUser, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { emptyFacts } from '../import/testing.ts';
import { bearer, post, validBatch } from '../ingest/testing.ts';
import { getProgram } from '../program/service.ts';
import { announceDueRenewals } from './events.ts';
import { verifySignature } from './signature.ts';
import { type Receiver, startReceiver } from './testing.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, runDueDeliveries, startWebhookWorker } from './worker.ts';

let t: TestApp;
let receiver: Receiver;
let admin: Record<string, string>;
let ingest: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  t.deps.clock.set('2025-08-01T09:00:00Z');
  await emptyFacts(t.deps.db);
  await t.deps.db.execute(sql`truncate webhook_endpoints, webhook_events, webhook_renewal_notices cascade`);
  admin = await bearer(t.deps, 'admin');
  ingest = await bearer(t.deps, 'ingest');
  expect((await post(t.app, '/api/v1/facts', ingest, validBatch())).statusCode).toBe(200);
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver?.close();
});

async function createHook(events = ['points.changed', 'tier.changed', 'renewal.due']) {
  const response = await post(t.app, '/api/v1/webhooks', admin, { url: receiver.url, events });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; secret: string };
}

const upsell = (id: string, mrr: number | string, more: Record<string, unknown> = {}) => ({
  rows: [
    {
      change_id: id,
      client_id: 'C1',
      product: 'Marketing Hub',
      date: '2025-07-01',
      mrr_after: mrr,
      currency: 'USD',
      ...more,
    },
  ],
});

async function deliveries(hookId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/webhooks/${hookId}/deliveries`,
    headers: admin,
  });
  expect(response.statusCode).toBe(200);
  return response.json() as {
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    event: string;
    nextAttemptAt: string | null;
  }[];
}

describe('webhook endpoints', () => {
  it('are created by operators with a secret shown once, listed without it, deleted', async () => {
    const created = await createHook(['points.changed']);
    expect(created.secret).toMatch(/^whsec_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: admin });
    expect(list.json()).toEqual([
      {
        id: created.id,
        url: receiver.url,
        events: ['points.changed'],
        description: null,
        createdAt: expect.any(String),
      },
    ]);
    expect(list.body).not.toContain(created.secret);
    expect(JSON.stringify(await listAudit(t.deps.db, { entity: 'webhook' }))).not.toContain(created.secret);

    const url = `/api/v1/webhooks/${created.id}`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${url}/deliveries`, headers: admin })).statusCode).toBe(
      404,
    );
  });

  it('refuse bad input, read or ingest tokens and partner users', async () => {
    const bad = await post(t.app, '/api/v1/webhooks', admin, {
      url: 'ftp://x.example',
      events: ['tier.moved'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['url', 'events.0']);
    const body = { url: receiver.url, events: ['tier.changed'] };
    expect((await post(t.app, '/api/v1/webhooks', await bearer(t.deps, 'read'), body)).statusCode).toBe(403);
    expect((await post(t.app, '/api/v1/webhooks', ingest, body)).statusCode).toBe(403);
    const browser = await signIn(t.app, await seedPartnerUser(t.deps, 'P1'));
    expect((await post(t.app, '/api/v1/webhooks', browser.write, body)).statusCode).toBe(403);
  });
});

describe('events and deliveries', () => {
  it('enqueues points.changed with the ingestion and delivers it signed', async () => {
    const hook = await createHook();
    expect((await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000))).statusCode).toBe(200);
    // Nothing for a batch that changes nothing, or one that is refused.
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M5', 'x'));
    expect(await deliveries(hook.id)).toEqual([
      expect.objectContaining({ event: 'points.changed', status: 'pending' }),
    ]);

    expect(await runDueDeliveries(t.deps)).toEqual({ claimed: 1, delivered: 1, retrying: 0, failed: 0 });
    const [request] = receiver.received;
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      type: 'points.changed',
      data: { partnerId: 'P1', asOf: '2025-08-01', before: { sold: expect.any(Number) } },
    });
    expect(body.data.after.total).toBeGreaterThan(body.data.before.total);
    expect(request!.headers['tierwise-event']).toBe('points.changed');
    const timestamp = String(Math.floor(t.deps.clock.now().getTime() / 1000));
    expect(request!.headers['tierwise-timestamp']).toBe(timestamp);
    const signature = String(request!.headers['tierwise-signature']);
    expect(signature).toMatch(new RegExp(`^t=${timestamp},v1=[0-9a-f]{64}$`));
    expect(verifySignature(hook.secret, signature, request!.body, { now: t.deps.clock.now() })).toBe(true);
    expect(verifySignature(hook.secret, signature, `${request!.body} `, { now: t.deps.clock.now() })).toBe(
      false,
    );
    expect(verifySignature('whsec_other', signature, request!.body, { now: t.deps.clock.now() })).toBe(false);

    const [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(request!.headers['tierwise-delivery']).toBe((log as unknown as { id: string }).id);
    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 0 });
  });

  it('enqueues tier.changed when the credited tier changes', async () => {
    const hook = await createHook(['tier.changed']);
    const response = await post(t.app, '/api/v1/facts', ingest, {
      managements: [{ partner_id: 'P1', client_id: 'C1', start_date: '2025-01-20' }],
      'mrr-changes': upsell('M4', 60_000, { date: '2025-06-10', reason: 'upsell' }).rows,
    });
    expect(response.statusCode, response.body).toBe(200);
    await runDueDeliveries(t.deps);
    expect(receiver.received.map((r) => JSON.parse(r.body).data)).toEqual([
      expect.objectContaining({ partnerId: 'P1', from: null, to: expect.any(String) }),
    ]);
    expect(await deliveries(hook.id)).toEqual([expect.objectContaining({ event: 'tier.changed' })]);
  });

  it('retries after a 500 with backoff, then delivers', async () => {
    const hook = await createHook(['points.changed']);
    receiver.answer = (n) => (n === 0 ? 500 : 204);
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 1, retrying: 1 });
    const [first] = await deliveries(hook.id);
    const due = new Date(t.deps.clock.now().getTime() + RETRY_DELAYS_MS[0]!).toISOString();
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });
    expect(new Date(first!.nextAttemptAt!).toISOString()).toBe(due);

    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 0 });
    t.deps.clock.advance(RETRY_DELAYS_MS[0]!);
    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 1, delivered: 1 });
    expect((await deliveries(hook.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 204,
    });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['tierwise-delivery']).toBe(
      receiver.received[0]!.headers['tierwise-delivery'],
    );
  });

  it('gives up after the last attempt', async () => {
    const hook = await createHook(['points.changed']);
    receiver.answer = () => 503;
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 1 });
      t.deps.clock.advance(RETRY_DELAYS_MS[attempt - 1] ?? 0);
    }
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    t.deps.clock.advance(7 * 24 * 3600_000);
    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 0 });
  });

  it('follows a configured retry schedule (TIERWISE_WEBHOOK_RETRY_SECONDS)', async () => {
    const hook = await createHook(['points.changed']);
    receiver.answer = () => 500;
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
    const retryDelaysMs = [2_000];
    expect(await runDueDeliveries(t.deps, { retryDelaysMs })).toMatchObject({ retrying: 1 });
    const [first] = await deliveries(hook.id);
    expect(new Date(first!.nextAttemptAt!).getTime()).toBe(t.deps.clock.now().getTime() + 2_000);
    t.deps.clock.advance(2_000);
    expect(await runDueDeliveries(t.deps, { retryDelaysMs })).toMatchObject({ failed: 1 });
    expect((await deliveries(hook.id))[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastStatusCode: 500,
      nextAttemptAt: null,
    });
  });

  it('times out a receiver that never answers, without holding up ingestion', async () => {
    const hook = await createHook(['points.changed']);
    receiver.answer = () => 'hang';
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
    const worker = runDueDeliveries(t.deps, { timeoutMs: 1_500 });
    await receiver.waitFor(1);
    const started = Date.now();
    const response = await post(
      t.app,
      '/api/v1/mrr-changes',
      ingest,
      upsell('M5', 2500, { date: '2025-07-05' }),
    );
    const took = Date.now() - started;
    expect(response.statusCode).toBe(200);
    expect(took).toBeLessThan(1_000);
    expect(await worker).toMatchObject({ claimed: 1, retrying: 1 });
    // The second change's delivery (made at the same clock time) is still waiting for its first attempt.
    expect((await deliveries(hook.id)).map((d) => [d.status, d.attempts, d.lastError]).sort()).toEqual([
      ['pending', 0, null],
      ['pending', 1, 'no answer within 1500 ms'],
    ]);
  });
});

describe('renewal.due', () => {
  it('announces a renewal once its decision deadline arrives, once', async () => {
    await createHook(['renewal.due']);
    const program = await getProgram(t.deps.db);
    const check = (today: string) =>
      announceDueRenewals(t.deps.db, { program, today, now: new Date(`${today}T06:00:00Z`) });
    // C1's Marketing Hub renews on 2026-01-20; 45 days of lead: the deadline is 2025-12-06.
    expect(await check('2025-12-05')).toBe(0);
    expect(await check('2025-12-06')).toBe(1);
    expect(await check('2025-12-07')).toBe(0);
    t.deps.clock.set('2025-12-06T06:00:00Z');
    await runDueDeliveries(t.deps);
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      expect.objectContaining({
        type: 'renewal.due',
        data: expect.objectContaining({
          clientId: 'C1',
          product: 'Marketing Hub',
          renewalDate: '2026-01-20',
          decisionDeadline: '2025-12-06',
          partnerIds: ['P1'],
        }),
      }),
    ]);
  });

  it('is not marked while no endpoint wants it', async () => {
    const program = await getProgram(t.deps.db);
    const now = new Date('2025-12-10T06:00:00Z');
    expect(await announceDueRenewals(t.deps.db, { program, today: '2025-12-10', now })).toBe(0);
    await createHook(['renewal.due']);
    expect(await announceDueRenewals(t.deps.db, { program, today: '2025-12-10', now })).toBe(1);
  });
});

describe('the background worker', () => {
  it('delivers on its own and stops cleanly', async () => {
    await createHook(['points.changed']);
    const worker = startWebhookWorker(t.deps, { intervalMs: 50 });
    try {
      await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
      await receiver.waitFor(1);
    } finally {
      await worker.stop();
    }
    const [delivered] = await rows<{ status: string }>(t.deps.db, sql`select status from webhook_deliveries`);
    expect(delivered!.status).toBe('delivered');
  });
});

describe('by hand', () => {
  it('sends a signed webhook.test event to one endpoint, whatever it subscribes to, and audits it', async () => {
    const hook = await createHook(['renewal.due']);
    const sent = await post(t.app, `/api/v1/webhooks/${hook.id}/test`, admin, {});
    expect(sent.statusCode, sent.body).toBe(202);
    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 1, delivered: 1 });
    const [request] = receiver.received;
    expect(request!.headers['tierwise-event']).toBe('webhook.test');
    expect(request!.headers['tierwise-delivery']).toBe(sent.json().deliveryId);
    expect(
      verifySignature(hook.secret, String(request!.headers['tierwise-signature']), request!.body, {
        now: t.deps.clock.now(),
      }),
    ).toBe(true);
    expect((await deliveries(hook.id))[0]).toMatchObject({ event: 'webhook.test', status: 'delivered' });
    expect((await listAudit(t.deps.db, { entity: 'webhook' })).map((a) => a.action)).toContain(
      'webhook.test',
    );
    const missing = await post(
      t.app,
      '/api/v1/webhooks/00000000-0000-4000-8000-000000000000/test',
      admin,
      {},
    );
    expect(missing.statusCode).toBe(404);
  });

  it('delivers a failed delivery again as a new delivery, and refuses one still under way', async () => {
    const hook = await createHook(['points.changed']);
    receiver.answer = () => 503;
    await post(t.app, '/api/v1/mrr-changes', ingest, upsell('M4', 2000));
    const [pending] = (await deliveries(hook.id)) as unknown as { id: string }[];
    const early = await post(
      t.app,
      `/api/v1/webhooks/${hook.id}/deliveries/${pending!.id}/redeliver`,
      admin,
      {},
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('waiting for its next attempt');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await runDueDeliveries(t.deps);
      t.deps.clock.advance(RETRY_DELAYS_MS[attempt - 1] ?? 0);
    }
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'failed' });

    receiver.answer = () => 200;
    const again = await post(
      t.app,
      `/api/v1/webhooks/${hook.id}/deliveries/${pending!.id}/redeliver`,
      admin,
      {},
    );
    expect(again.statusCode, again.body).toBe(202);
    expect(await runDueDeliveries(t.deps)).toMatchObject({ claimed: 1, delivered: 1 });
    const log = (await deliveries(hook.id)) as unknown as { id: string; eventId: string; status: string }[];
    expect(log.map((d) => d.status).sort()).toEqual(['delivered', 'failed']);
    expect(new Set(log.map((d) => d.eventId)).size).toBe(1);
    expect(receiver.received.at(-1)!.headers['tierwise-delivery']).toBe(again.json().deliveryId);
    const audit = await listAudit(t.deps.db, { entity: 'webhook' });
    expect(audit.find((a) => a.action === 'webhook.redeliver')).toMatchObject({
      before: { deliveryId: pending!.id, status: 'failed' },
    });
  });
});
