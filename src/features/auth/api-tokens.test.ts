import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog } from '../../db/schema.ts';
import {
  type Browser,
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  type TestApp,
} from '../../server/testing.ts';
import { sha256 } from './secrets.ts';

let t: TestApp;
let operator: Browser;
let partnerAdmin: Browser;

async function createToken(scopes: string[], name = 'integration') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: operator.write,
    payload: { name, scopes },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; token: string; prefix: string; scopes: string[] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1');
  await seedUser(t.deps, { email: 'op@example.com', role: 'operator' });
  await seedUser(t.deps, { email: 'admin@p1.example', role: 'partner-admin', partnerId: 'P1' });
  operator = await signIn(t.app, 'op@example.com');
  partnerAdmin = await signIn(t.app, 'admin@p1.example');
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('shows a token once and stores only its hash', async () => {
    const created = await createToken(['read']);
    expect(created.token).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const [row] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: operator.read });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.token);
    expect(list.json()).toContainEqual(expect.objectContaining({ id: created.id, scopes: ['read'] }));

    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(row!.tokenHash);
  });

  it('is for operators only', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: partnerAdmin.write,
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('enforces scopes: read for GETs, admin for admin routes', async () => {
    const reader = await createToken(['read']);
    const admin = await createToken(['admin']);
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/P1/users',
      headers: bearer(reader.token),
    });
    expect(users.statusCode).toBe(403);
    const asAdmin = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/P1/users',
      headers: bearer(admin.token),
    });
    expect(asAdmin.statusCode).toBe(200);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(reader.token),
      payload: { email: 'new@p1.example', role: 'partner-user', partnerId: 'P1' },
    });
    expect(create.statusCode).toBe(403);
    // Session-only routes refuse tokens whatever their scope.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(admin.token) });
    expect(me.statusCode).toBe(403);
  });

  it('needs no CSRF token on bearer writes, and audits them as the token', async () => {
    const admin = await createToken(['admin']);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(admin.token),
      payload: { email: 'via-token@p1.example', role: 'partner-user', partnerId: 'P1' },
    });
    expect(create.statusCode).toBe(201);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, create.json().user.id));
    expect(audit).toMatchObject({ actorKind: 'token', actorTokenId: admin.id, action: 'user.create' });
  });

  it('records the last use', async () => {
    const reader = await createToken(['read', 'admin']);
    const before = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, reader.id));
    expect(before[0]!.lastUsedAt).toBeNull();
    t.deps.clock.advance(5_000);
    await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: bearer(reader.token) });
    const [used] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, reader.id));
    expect(used!.lastUsedAt).toEqual(t.deps.clock.now());
    t.deps.clock.advance(120_000);
    await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: bearer(reader.token) });
    const [later] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, reader.id));
    expect(later!.lastUsedAt).toEqual(t.deps.clock.now());
  });

  it('revokes: a revoked token answers 401, and the revocation is audited with before and after', async () => {
    const token = await createToken(['read', 'admin']);
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: bearer(token.token) });
    expect(ok.statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${token.id}`,
      headers: operator.write,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-tokens',
      headers: bearer(token.token),
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorized');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, token.id));
    const revocation = audit.find((a) => a.action === 'api_token.revoke')!;
    expect(revocation.before).toMatchObject({ revokedAt: null });
    expect(revocation.after).toMatchObject({ revokedAt: expect.any(String) });
  });

  it('expires: works until its expiry, then answers 401; a past expiry is refused naming the field', async () => {
    const start = t.deps.clock.now();
    const expiresAt = new Date(start.getTime() + 60 * 60_000).toISOString();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: operator.write,
      payload: { name: 'expiring', scopes: ['read'], expiresAt },
    });
    expect(response.statusCode).toBe(201);
    const { token, id } = response.json() as { token: string; id: string };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: operator.read });
    expect(list.json()).toContainEqual(expect.objectContaining({ id, expiresAt }));
    const read = () => t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: bearer(token) });
    try {
      t.deps.clock.advance(59 * 60_000);
      expect((await read()).statusCode).toBe(200);
      t.deps.clock.advance(60_000);
      const expired = await read();
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.code).toBe('unauthorized');
    } finally {
      t.deps.clock.set(start);
    }

    const past = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: operator.write,
      payload: { name: 'stale', scopes: ['read'], expiresAt: new Date(start.getTime() - 1000).toISOString() },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'expiresAt', message: expect.stringContaining('is in the past') }),
    ]);
  });

  it('answers 401 for an unknown or malformed bearer token', async () => {
    for (const authorization of ['Bearer tw_nope', 'Basic abc', 'Bearer']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/api-tokens',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('validates the body: unknown scopes, no scopes', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: operator.write,
      payload: { name: '', scopes: ['root'] },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'scopes.0']));
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the x-csrf-token header', async () => {
    for (const [method, url, payload] of [
      ['PATCH', '/api/v1/me', { locale: 'nl' }],
      ['DELETE', '/api/v1/session', undefined],
      ['POST', '/api/v1/api-tokens', { name: 'x', scopes: ['read'] }],
    ] as const) {
      const missing = await t.app.inject({
        method,
        url,
        headers: operator.read,
        ...(payload ? { payload } : {}),
      });
      expect(missing.statusCode).toBe(403);
      expect(missing.json().error.code).toBe('csrf_failed');
      const wrong = await t.app.inject({
        method,
        url,
        headers: { ...operator.read, 'x-csrf-token': partnerAdmin.csrf },
        ...(payload ? { payload } : {}),
      });
      expect(wrong.json().error.code).toBe('csrf_failed');
    }
    // Still signed in: the refused DELETE did nothing.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: operator.read })).statusCode,
    ).toBe(200);
  });

  it('lets reads through without it, and gives the token again in me', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: operator.read });
    expect(me.json().csrfToken).toBe(operator.csrf);
  });

  it('refuses text/plain bodies (a cross-site form could send them without a preflight)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: 'op@example.com', password: 'x' }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });
});
