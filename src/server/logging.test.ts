// The server log: JSON lines with a request id and who made the request, and never a
// password, a session cookie, a CSRF token, an API token or a link's secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedUrl, loggerOptions } from './logging.ts';
import { createTestApp, seedUser, signIn, type TestApp } from './testing.ts';

const lines: string[] = [];
const stream = { write: (line: string) => void lines.push(line) };
const OPERATOR_PASSWORD = 'a long operator passphrase 7';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: loggerOptions({ logLevel: 'info' }, stream) });
});
afterAll(() => t.close());

describe('the server log', () => {
  it('has a request id and the user on each request, and no secret anywhere', async () => {
    const userId = await seedUser(t.deps, {
      email: 'ops@vendor.example',
      role: 'operator',
      password: OPERATOR_PASSWORD,
    });
    const browser = await signIn(t.app, 'ops@vendor.example', OPERATOR_PASSWORD);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: browser.write,
      payload: { name: 'billing sync', scopes: ['read'] },
    });
    expect(created.statusCode).toBe(201);
    const apiToken = created.json().token as string;
    const asToken = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners',
      headers: { authorization: `Bearer ${apiToken}`, 'x-request-id': 'proxy-req-42' },
    });
    expect(asToken.statusCode).toBe(200);
    expect(asToken.headers['x-request-id']).toBe('proxy-req-42');
    // A set-password link's token in a URL, and a wrong password in a body.
    await t.app.inject({ method: 'GET', url: '/set-password?token=link-secret-123&lang=sv' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ops@vendor.example', password: 'wrong guess of a passphrase' },
    });

    const log = lines.join('');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const secret of [
      OPERATOR_PASSWORD,
      'wrong guess of a passphrase',
      browser.cookie.split('=')[1]!,
      browser.csrf,
      apiToken,
      'link-secret-123',
    ])
      expect(log).not.toContain(secret);
    // Every request's lines carry its id; the proxy's id is kept.
    const completed = entries.filter((e) => e.msg === 'request completed');
    expect(completed.length).toBeGreaterThanOrEqual(5);
    for (const e of completed) expect(typeof e.requestId).toBe('string');
    expect(completed.some((e) => e.requestId === 'proxy-req-42')).toBe(true);
    // Once authenticated, the user (or the API token) is on the request's lines.
    expect(completed.filter((e) => e.userId === userId)).toHaveLength(1);
    expect(completed.filter((e) => typeof e.tokenId === 'string')).toHaveLength(1);
    expect(
      entries.find((e) => (e.req as { url?: string })?.url?.startsWith('/set-password'))?.req,
    ).toMatchObject({
      url: '/set-password?token=[redacted]&lang=sv',
    });
  });

  it('redacts the secret query parameters of a URL, and only those', () => {
    expect(loggedUrl('/a?token=x&b=1&code=y#f')).toBe('/a?token=[redacted]&b=1&code=[redacted]#f');
    expect(loggedUrl('/api/v1/partners?q=token')).toBe('/api/v1/partners?q=token');
  });
});
