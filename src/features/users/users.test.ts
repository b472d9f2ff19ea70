import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema.ts';
import {
  type Browser,
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  type TestApp,
} from '../../server/testing.ts';

let t: TestApp;
let operator: Browser;
let adminA: Browser;
let userA: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'A', 'B');
  await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  await seedUser(t.deps, { email: 'admin@a.example', role: 'partner-admin', partnerId: 'A' });
  await seedUser(t.deps, { email: 'user@a.example', role: 'partner-user', partnerId: 'A' });
  await seedUser(t.deps, { email: 'admin@b.example', role: 'partner-admin', partnerId: 'B' });
  operator = await signIn(t.app, 'op@vendor.example');
  adminA = await signIn(t.app, 'admin@a.example');
  userA = await signIn(t.app, 'user@a.example');
});
afterAll(() => t.close());

describe('operators manage users', () => {
  it('creates a partner user with a one-time set-password link, audited with before and after', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: operator.write,
      payload: { email: 'New@B.example', role: 'partner-user', partnerId: 'B', locale: 'nl' },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({
      email: 'new@b.example',
      role: 'partner-user',
      partnerId: 'B',
      locale: 'nl',
      hasPassword: false,
    });
    expect(body.setPasswordLink.url).toMatch(/^http:\/\/localhost:3000\/set-password\?token=twp_/);

    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.user.id), eq(auditLog.action, 'user.create')));
    const [op] = await t.deps.db.select().from(users).where(eq(users.email, 'op@vendor.example'));
    expect(audit).toMatchObject({
      actorKind: 'user',
      actorUserId: op!.id,
      entity: 'user',
      partnerId: 'B',
      before: null,
      after: { email: 'new@b.example', role: 'partner-user', partnerId: 'B' },
    });
    expect(audit!.at).toEqual(t.deps.clock.now());
    expect(JSON.stringify(audit)).not.toContain('twp_');
  });

  it('creates an operator (no partner)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: operator.write,
      payload: { email: 'op2@vendor.example', role: 'operator' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user.partnerId).toBeNull();
  });

  it('refuses duplicates (whatever the case), partners for operators, unknown partners', async () => {
    const cases = [
      [{ email: 'ADMIN@a.example', role: 'partner-user', partnerId: 'A' }, 409, 'conflict'],
      [{ email: 'x@vendor.example', role: 'operator', partnerId: 'A' }, 400, 'validation_failed'],
      [{ email: 'y@a.example', role: 'partner-user' }, 400, 'validation_failed'],
      [{ email: 'z@a.example', role: 'partner-user', partnerId: 'NOPE' }, 400, 'validation_failed'],
      [{ email: 'not an email', role: 'partner-user', partnerId: 'A' }, 400, 'validation_failed'],
    ] as const;
    for (const [payload, status, code] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: operator.write,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
  });

  it('lists every user', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: operator.read });
    expect(response.statusCode).toBe(200);
    expect(response.json().map((u: { email: string }) => u.email)).toContain('admin@b.example');
    expect(response.body).not.toContain('argon2');
  });
});

describe('partner admins manage their own users', () => {
  it('lists their partner users only', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/A/users',
      headers: adminA.read,
    });
    expect(response.statusCode).toBe(200);
    const emails = response.json().map((u: { email: string }) => u.email);
    expect(emails).toEqual(['admin@a.example', 'user@a.example']);
  });

  it('creates users of their partner, but not operators', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners/A/users',
      headers: adminA.write,
      payload: { email: 'sales@a.example', role: 'partner-user' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({ partnerId: 'A', role: 'partner-user' });
    const operatorRole = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners/A/users',
      headers: adminA.write,
      payload: { email: 'evil@a.example', role: 'operator' },
    });
    expect(operatorRole.statusCode).toBe(400);
    expect(operatorRole.json().error.details.issues[0]).toMatchObject({ in: 'body', path: 'role' });
  });

  it('may not use the operator routes; partner users may not manage users at all', async () => {
    const asAdmin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: adminA.write,
      payload: { email: 'q@a.example', role: 'operator' },
    });
    expect(asAdmin.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/partners/A/users', headers: userA.read });
    expect(list.statusCode).toBe(403);
  });

  it('gets 404 (not 403) and no data for another partner', async () => {
    for (const id of ['B', 'NOPE']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/partners/${id}/users`,
        headers: adminA.read,
      });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('b.example');
    }
  });

  it('an operator acts for any existing partner', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/B/users',
      headers: operator.read,
    });
    expect(response.statusCode).toBe(200);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/NOPE/users',
      headers: operator.read,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('audit of settings', () => {
  it('records the locale change with before and after', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: userA.write,
      payload: { locale: 'sv' },
    });
    expect(response.statusCode).toBe(200);
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, 'user@a.example'));
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user!.id), eq(auditLog.action, 'user.update')));
    expect(audit).toMatchObject({ partnerId: 'A', before: { locale: 'en' }, after: { locale: 'sv' } });
  });
});
