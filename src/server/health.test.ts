// Liveness and readiness, and what every route answers while the database is away.
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../core/clock.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { SHIPPED_MIGRATIONS } from '../db/readiness.ts';
import { buildApp } from './app.ts';
import { createTestApp, testConfig } from './testing.ts';

const opened: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
});

async function appOn(database: Database) {
  const app = await buildApp({
    db: database.db,
    config: testConfig(),
    clock: manualClock(),
    webDir: false,
    logger: false,
  });
  opened.push(database, app);
  return app;
}

describe('readiness', () => {
  it('is ready on a migrated database, with the migrations counted', async () => {
    const t = await createTestApp();
    opened.push(t);
    const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      migrations: { applied: SHIPPED_MIGRATIONS, expected: SHIPPED_MIGRATIONS },
    });
    expect(SHIPPED_MIGRATIONS).toBeGreaterThan(10);
  });

  it('is not ready on a database without the migrations, and says what to run', async () => {
    const app = await appOn(await openDatabase({}));
    const response = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.json().error).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('tierwise migrate'),
      details: { migrations: { applied: 0, expected: SHIPPED_MIGRATIONS } },
    });
    // Liveness does not touch the database.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers 503 with a clear error, not 500, on every route while the database refuses connections', async () => {
    // Nothing listens on port 9 of this machine: every connection is refused.
    const app = await appOn(await openDatabase({ url: 'postgres://tierwise@127.0.0.1:9/none', poolSize: 1 }));
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect([ready.statusCode, ready.json().error.code]).toEqual([503, 'unavailable']);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'someone@example.com', password: 'whatever it is' },
    });
    expect(signIn.statusCode).toBe(503);
    expect(signIn.headers['retry-after']).toBe('5');
    expect(signIn.json()).toEqual({
      error: { code: 'unavailable', message: expect.stringContaining('database is not answering') },
    });
    expect(signIn.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
  });
});
