import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, passwordTokens, users } from '../../db/schema.ts';
import { createTestApp, seedPartners, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { createUser } from '../users/service.ts';
import { createPasswordLink } from './password-links.ts';

let t: TestApp;
const NEW_PASSWORD = 'a much better passphrase';

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}

async function setPassword(token: string, password = NEW_PASSWORD) {
  return t.app.inject({ method: 'POST', url: '/api/v1/password/set', payload: { token, password } });
}

async function newUser(email: string) {
  const created = await createUser(t.deps, {
    email,
    role: 'partner-user',
    partnerId: 'P1',
    actor: SYSTEM_ACTOR,
  });
  return {
    id: created.user.id,
    token: tokenOf(created.setPasswordLink!.url),
    link: created.setPasswordLink!,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1');
});
afterAll(() => t.close());

describe('set-password links', () => {
  it('link points at the configured base URL and expires in 7 days', async () => {
    const { link } = await newUser('link@p1.example');
    expect(link.url.startsWith('http://localhost:3000/set-password?token=twp_')).toBe(true);
    expect(new Date(link.expiresAt).getTime() - t.deps.clock.now().getTime()).toBe(7 * 24 * 3_600_000);
  });

  it('works once: sets the password, then refuses the same link', async () => {
    const { token } = await newUser('once@p1.example');
    const first = await setPassword(token);
    expect(first.statusCode).toBe(204);
    await signIn(t.app, 'once@p1.example', NEW_PASSWORD);
    const second = await setPassword(token, 'another long password');
    expect(second.statusCode).toBe(404);
    expect(second.json().error.code).toBe('not_found');
    await signIn(t.app, 'once@p1.example', NEW_PASSWORD);
  });

  it('expires', async () => {
    const { token } = await newUser('late@p1.example');
    t.deps.clock.advance(7 * 24 * 3_600_000 + 1);
    const response = await setPassword(token);
    expect(response.statusCode).toBe(404);
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, 'late@p1.example'));
    expect(user!.passwordHash).toBeNull();
  });

  it('enforces the password policy with the field path', async () => {
    const { token } = await newUser('short@p1.example');
    const response = await setPassword(token, 'too short');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues).toEqual([
      { in: 'body', path: 'password', message: 'must be at least 12 characters' },
    ]);
    // The refused attempt did not use up the link.
    expect((await setPassword(token)).statusCode).toBe(204);
  });

  it('stores argon2id hashes with a random salt per hash', async () => {
    await seedUser(t.deps, {
      email: 'h1@p1.example',
      role: 'partner-user',
      partnerId: 'P1',
      password: 'same password 123',
    });
    await seedUser(t.deps, {
      email: 'h2@p1.example',
      role: 'partner-user',
      partnerId: 'P1',
      password: 'same password 123',
    });
    const rows = await t.deps.db.select({ hash: users.passwordHash }).from(users);
    const hashes = rows.map((r) => r.hash).filter((h): h is string => h !== null);
    for (const hash of hashes) expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('password reset', () => {
  it('answers 202 whether or not the email has a user, and creates a link only for a user', async () => {
    await seedUser(t.deps, { email: 'forgetful@p1.example', role: 'partner-user', partnerId: 'P1' });
    const before = await t.deps.db.select().from(passwordTokens);
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/reset-request',
      payload: { email: 'Forgetful@p1.example' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/reset-request',
      payload: { email: 'stranger@p1.example' },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
    const after = await t.deps.db.select().from(passwordTokens);
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({ purpose: 'reset' });
    // Asking again at once adds nothing; a minute later it does.
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/password/reset-request',
        payload: { email: 'forgetful@p1.example' },
      });
    expect((await ask()).statusCode).toBe(202);
    expect((await t.deps.db.select().from(passwordTokens)).length).toBe(after.length);
    t.deps.clock.advance(61_000);
    expect((await ask()).statusCode).toBe(202);
    expect((await t.deps.db.select().from(passwordTokens)).length).toBe(after.length + 1);
  });

  it('a reset link (valid 1 hour) sets the password and signs the user out everywhere', async () => {
    const userId = await seedUser(t.deps, {
      email: 'reset@p1.example',
      role: 'partner-user',
      partnerId: 'P1',
    });
    const browser = await signIn(t.app, 'reset@p1.example');
    const link = await createPasswordLink(t.deps.db, {
      userId,
      purpose: 'reset',
      now: t.deps.clock.now(),
      baseUrl: 'http://x',
    });
    t.deps.clock.advance(59 * 60_000);
    expect((await setPassword(tokenOf(link.url))).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser.read })).statusCode).toBe(
      401,
    );
    await signIn(t.app, 'reset@p1.example', NEW_PASSWORD);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, userId));
    expect(audit.map((a) => a.action)).toContain('user.password_reset');
    expect(JSON.stringify(audit)).not.toContain('argon2');

    const stale = await createPasswordLink(t.deps.db, {
      userId,
      purpose: 'reset',
      now: t.deps.clock.now(),
      baseUrl: 'http://x',
    });
    t.deps.clock.advance(61 * 60_000);
    expect((await setPassword(tokenOf(stale.url))).statusCode).toBe(404);
  });
});
