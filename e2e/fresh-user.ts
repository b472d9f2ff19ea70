// Journeys that change what a user sees (a preview opt-in, a saved language) sign in as a
// user of their own, created through the API, so the demo accounts other journeys read stay
// as they were. Also the API with the CSRF header, to compare the screen with POST answers.
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './browser.ts';
import { baseUrl } from './fixtures.ts';

export interface ApiWriter {
  partnerId: string | null;
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'DELETE' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

/** Signs in through the API; reads and writes as that user (writes send the CSRF token). */
export async function writerAs(email: string): Promise<ApiWriter> {
  const response = await fetch(`${baseUrl()}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status, `sign-in of ${email}`).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await response.json()) as { user: { partnerId: string | null }; csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': me.csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await fetch(`${baseUrl()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    expect(answer.ok, `${method} ${path}: ${answer.status} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    partnerId: me.user.partnerId,
    get: (path) => call('GET', path),
    send: (method, path, body) => call(method, path, body),
  };
}

let created = 0;

/**
 * A new user of the partner (created by `creator`, an operator or the partner's admin) whose
 * password is the demo password, so `signIn(page, url, email)` works for it.
 */
export async function freshUser(
  creator: ApiWriter,
  partnerId: string,
  name: string,
  role: 'partner-user' | 'partner-admin' = 'partner-user',
): Promise<string> {
  created += 1;
  const email = `${name}-${Date.now()}-${created}@e2e.tierwise.test`;
  const answer = await creator.send<{ setPasswordLink: { url: string } | null }>(
    'POST',
    `/api/v1/partners/${encodeURIComponent(partnerId)}/users`,
    { email, role },
  );
  const token = new URL(answer.setPasswordLink!.url).searchParams.get('token');
  const set = await fetch(`${baseUrl()}/api/v1/password/set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: DEMO_PASSWORD }),
  });
  expect(set.status, 'setting the new user’s password').toBe(204);
  return email;
}

/** A partner with a credited tier that no demo account belongs to (no other journey reads it). */
export async function quietPartner(operator: ApiWriter, demoPartners: (string | null)[]): Promise<string> {
  const { partners } = await operator.get<{ partners: { partnerId: string; credited: string | null }[] }>(
    '/api/v1/partners',
  );
  const found = partners.find((p) => p.credited !== null && !demoPartners.includes(p.partnerId));
  expect(found, 'a partner with a tier besides the demo accounts’').toBeDefined();
  return found!.partnerId;
}
