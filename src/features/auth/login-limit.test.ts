import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedUser, TEST_PASSWORD, type TestApp } from '../../server/testing.ts';
import { LOGIN_LIMIT, lockDurationMs } from './login-limit.ts';

let t: TestApp;

function attempt(email: string, password: string, ip = '203.0.113.7') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
    remoteAddress: ip,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['victim', 'second', 'third', 'fourth'])
    await seedUser(t.deps, { email: `${name}@example.com`, role: 'operator' });
});
afterAll(() => t.close());

describe('lock durations', () => {
  it('grow from 30 s by doubling and stop at 15 minutes', () => {
    const seconds = [4, 5, 6, 7, 8, 9, 10, 11, 50, 10_000].map((n) => lockDurationMs(n, 5) / 1000);
    expect(seconds).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
  });
});

describe('sign-in lockout', () => {
  it('locks an email after 5 failures in 15 minutes, answering 429 with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await attempt('victim@example.com', 'wrong password')).statusCode).toBe(401);
      t.deps.clock.advance(1_000);
    }
    const locked = await attempt('victim@example.com', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('29');
    expect(locked.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 29 } });
    t.deps.clock.advance(29_000);
    expect((await attempt('victim@example.com', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('grows the lock with each further failure, never beyond 15 minutes, and never for good', async () => {
    const email = 'second@example.com';
    const ip = '203.0.113.99';
    const retries: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await attempt(email, 'wrong password', ip);
      if (response.statusCode === 429) {
        const retry = Number(response.headers['retry-after']);
        retries.push(retry);
        // Hammering a locked email changes nothing: refused attempts are not failures.
        t.deps.clock.advance(1_000);
        expect(Number((await attempt(email, 'wrong password', ip)).headers['retry-after'])).toBe(retry - 1);
        t.deps.clock.advance((retry - 1) * 1000);
      } else {
        expect(response.statusCode).toBe(401);
      }
    }
    expect(Math.max(...retries)).toBeLessThanOrEqual(LOGIN_LIMIT.maxLockMs / 1000);
    // The streak ends with the quiet gap of a whole cap, and then starts over.
    expect(retries.slice(0, 8)).toEqual([30, 60, 120, 240, 480, 900, 30, 60]);
    // After the cap the user signs in, however long the attack went on.
    const waited = await attempt(email, TEST_PASSWORD, ip);
    if (waited.statusCode === 429) t.deps.clock.advance(Number(waited.headers['retry-after']) * 1000);
    expect((await attempt(email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('does not lock a user out of an address they signed in from before', async () => {
    const email = 'third@example.com';
    expect((await attempt(email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
    for (let i = 0; i < 6; i++) {
      t.deps.clock.advance(1_000);
      await attempt(email, 'wrong password', '192.0.2.66');
    }
    expect((await attempt(email, TEST_PASSWORD, '192.0.2.67')).statusCode).toBe(429);
    expect((await attempt(email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it('limits one address across emails', async () => {
    t.deps.clock.advance(LOGIN_LIMIT.windowMs);
    const ip = '192.0.2.200';
    for (let i = 0; i < LOGIN_LIMIT.ipThreshold; i++) {
      const response = await attempt(`guess${i}@example.com`, 'wrong password', ip);
      expect(response.statusCode).toBe(401);
    }
    const blocked = await attempt('fourth@example.com', TEST_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect((await attempt('fourth@example.com', TEST_PASSWORD, '192.0.2.201')).statusCode).toBe(200);
  });
});
