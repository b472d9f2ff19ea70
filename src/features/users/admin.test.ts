import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import {
  type Browser,
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../server/testing.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

let t: TestApp;
let smtp: TestSmtp;
let operator: Browser;
let adminA: Browser;
const ids: Record<string, string> = {};

async function call(browser: Browser, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: method === 'GET' ? browser.read : browser.write,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}

async function setPassword(token: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/password/set',
    payload: { token, password: TEST_PASSWORD },
  });
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ config: { smtpUrl: smtp.url, smtpFrom: 'Program <program@vendor.example>' } });
  await seedPartners(t.deps, 'A', 'B');
  ids.op = await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  ids.adminA = await seedUser(t.deps, { email: 'admin@a.example', role: 'partner-admin', partnerId: 'A' });
  ids.userA = await seedUser(t.deps, { email: 'user@a.example', role: 'partner-user', partnerId: 'A' });
  ids.userB = await seedUser(t.deps, { email: 'user@b.example', role: 'partner-user', partnerId: 'B' });
  operator = await signIn(t.app, 'op@vendor.example');
  adminA = await signIn(t.app, 'admin@a.example');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('invitations by email', () => {
  it('emails the invitation in the user’s language; its link sets the password and the user signs in', async () => {
    const response = await call(operator, 'POST', '/api/v1/users', {
      email: 'nieuw@b.example',
      role: 'partner-user',
      partnerId: 'B',
      locale: 'nl',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ emailSent: true, emailError: null });
    expect(body.user).toMatchObject({ invitationPending: true, lastSignInAt: null });
    const mail = await smtp.waitFor('nieuw@b.example');
    expect(mail.from).toContain('program@vendor.example');
    expect(mail.subject).toBe('Je bent uitgenodigd voor Tierwise');
    const link = /http:\/\/localhost:3000\/set-password\?token=\S+/.exec(mail.text)![0];
    expect(link).toBe(body.setPasswordLink.url);
    expect((await setPassword(tokenOf(link))).statusCode).toBe(204);
    await signIn(t.app, 'nieuw@b.example');
    const list = (await call(operator, 'GET', '/api/v1/users')).json() as {
      email: string;
      invitationPending: boolean;
      lastSignInAt: string | null;
    }[];
    expect(list.find((u) => u.email === 'nieuw@b.example')).toMatchObject({ invitationPending: false });
    expect(list.find((u) => u.email === 'nieuw@b.example')!.lastSignInAt).not.toBeNull();
  });

  it('resends: a fresh link works, the previous one does not; refused once a password is set', async () => {
    const created = (
      await call(adminA, 'POST', '/api/v1/partners/A/users', {
        email: 'colleague@a.example',
        role: 'partner-user',
      })
    ).json();
    const resent = await call(adminA, 'POST', `/api/v1/partners/A/users/${created.user.id}/invitation`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ emailSent: true });
    expect((await setPassword(tokenOf(created.setPasswordLink.url))).statusCode).toBe(404);
    expect((await setPassword(tokenOf(resent.json().setPasswordLink.url))).statusCode).toBe(204);
    const again = await call(operator, 'POST', `/api/v1/users/${created.user.id}/invitation`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('has set a password already');
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.user.id), eq(auditLog.action, 'user.invite')));
    expect(audit).toMatchObject({ partnerId: 'A', before: { openLinks: 1 } });
  });

  it('keeps the user and answers the link when the email cannot be sent', async () => {
    const failing = await startTestSmtp({ reject: true });
    const broken = await createTestApp({ config: { smtpUrl: failing.url } });
    try {
      await seedUser(broken.deps, { email: 'op@vendor.example', role: 'operator' });
      const op = await signIn(broken.app, 'op@vendor.example');
      const response = await broken.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: op.write,
        payload: { email: 'second@vendor.example', role: 'operator' },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ emailSent: false });
      expect(response.json().emailError).toContain('second@vendor.example');
      expect(response.json().setPasswordLink.url).toContain('/set-password?token=');
      const list = await broken.app.inject({ method: 'GET', url: '/api/v1/users', headers: op.read });
      expect(list.json().map((u: { email: string }) => u.email)).toContain('second@vendor.example');
    } finally {
      await broken.close();
      await failing.close();
    }
  });

  it('emails a password reset in the user’s language', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password/reset-request',
      payload: { email: 'user@b.example' },
    });
    expect(response.statusCode).toBe(202);
    const mail = await smtp.waitFor('user@b.example');
    expect(mail.subject).toBe('Reset your Tierwise password');
    const link = /http:\/\/localhost:3000\/set-password\?token=\S+/.exec(mail.text)![0];
    expect((await setPassword(tokenOf(link))).statusCode).toBe(204);
  });
});

describe('deactivating and roles', () => {
  it('deactivating signs the user out, stops their API tokens, blocks sign-in; reactivating allows sign-in', async () => {
    const second = await seedUser(t.deps, { email: 'op2@vendor.example', role: 'operator' });
    const op2 = await signIn(t.app, 'op2@vendor.example');
    const token = (
      await call(op2, 'POST', '/api/v1/api-tokens', { name: 'integration', scopes: ['read'] })
    ).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: bearer })).statusCode).toBe(
      200,
    );

    const off = await call(operator, 'PATCH', `/api/v1/users/${second}`, { disabled: true });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await call(op2, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: bearer })).statusCode).toBe(
      401,
    );
    await expect(signIn(t.app, 'op2@vendor.example')).rejects.toThrow(/401/);

    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, second), eq(auditLog.action, 'user.update')));
    expect(audit).toMatchObject({
      before: { disabled: false },
      after: { disabled: true, sessionsRevoked: 1 },
    });

    expect((await call(operator, 'PATCH', `/api/v1/users/${second}`, { disabled: false })).statusCode).toBe(
      200,
    );
    expect((await call(op2, 'GET', '/api/v1/me')).statusCode).toBe(401);
    await signIn(t.app, 'op2@vendor.example');
  });

  it('keeps operators without a partner and partner roles with one', async () => {
    const toOperator = await call(operator, 'PATCH', `/api/v1/users/${ids.userB}`, { role: 'operator' });
    expect(toOperator.statusCode).toBe(400);
    expect(JSON.stringify(toOperator.json())).toContain('partnerId');
    const ok = await call(operator, 'PATCH', `/api/v1/users/${ids.userB}`, {
      role: 'operator',
      partnerId: null,
    });
    expect(ok.json()).toMatchObject({ role: 'operator', partnerId: null });
    const back = await call(operator, 'PATCH', `/api/v1/users/${ids.userB}`, { role: 'partner-user' });
    expect(back.statusCode).toBe(400);
    const moved = await call(operator, 'PATCH', `/api/v1/users/${ids.userB}`, {
      role: 'partner-user',
      partnerId: 'B',
    });
    expect(moved.json()).toMatchObject({ role: 'partner-user', partnerId: 'B' });
    const self = await call(operator, 'PATCH', `/api/v1/users/${ids.op}`, { disabled: true });
    expect(self.statusCode).toBe(409);
  });

  it('a partner admin manages their own partner only, never an operator, never themselves', async () => {
    const promote = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.userA}`, {
      role: 'partner-admin',
    });
    expect(promote.json()).toMatchObject({ role: 'partner-admin' });
    const demote = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.userA}`, {
      role: 'partner-user',
    });
    expect(demote.json()).toMatchObject({ role: 'partner-user' });

    const other = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.userB}`, { disabled: true });
    const operatorUser = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.op}`, {
      disabled: true,
    });
    const missing = await call(
      adminA,
      'PATCH',
      '/api/v1/partners/A/users/00000000-0000-4000-8000-000000000000',
      {
        disabled: true,
      },
    );
    expect([other.statusCode, operatorUser.statusCode, missing.statusCode]).toEqual([404, 404, 404]);
    expect(other.body).toBe(missing.body);
    expect(
      (await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.userA}`, { role: 'operator' })).statusCode,
    ).toBe(400);
    expect(
      (await call(adminA, 'POST', '/api/v1/partners/A/users', { email: 'x@a.example', role: 'operator' }))
        .statusCode,
    ).toBe(400);
    expect((await call(adminA, 'PATCH', '/api/v1/users/' + ids.userA, { disabled: true })).statusCode).toBe(
      403,
    );

    const selfOff = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.adminA}`, { disabled: true });
    const selfDown = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.adminA}`, {
      role: 'partner-user',
    });
    expect([selfOff.statusCode, selfDown.statusCode]).toEqual([409, 409]);
    expect(selfOff.json().error.message).toContain('cannot deactivate yourself');

    const off = await call(adminA, 'PATCH', `/api/v1/partners/A/users/${ids.userA}`, { disabled: true });
    expect(off.json()).toMatchObject({ disabled: true });
    await expect(signIn(t.app, 'user@a.example')).rejects.toThrow(/401/);
  });
});
