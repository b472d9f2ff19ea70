// The OpenAPI document as a contract: a client typed by openapi-typescript from it
// (dist/openapi.d.ts, made by `npm run api:types`, which typecheck runs first) calls a
// listening server. A route whose answer drifted from its documented schema fails to
// compile here, or fails the server's own response validation.
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../dist/openapi.js';
import { createTestApp, seedPartners, seedPartnerUser, TEST_PASSWORD, type TestApp } from './testing.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('the typed API client', () => {
  it('signs in, reads who it is and the partner clients, and gets typed errors', async () => {
    const email = await seedPartnerUser(t.deps, 'P1');
    const api = createClient<paths>({ baseUrl });
    const signedIn = await api.POST('/api/v1/session', { body: { email, password: TEST_PASSWORD } });
    expect(signedIn.response.status).toBe(200);
    const csrf: string = signedIn.data!.csrfToken;
    expect(csrf.length).toBeGreaterThan(10);
    const cookie = signedIn.response.headers.get('set-cookie')!.split(';')[0]!;

    const me = await api.GET('/api/v1/me', { headers: { cookie } });
    expect(me.data?.user.email).toBe(email);
    expect(me.data?.partner?.partnerId).toBe('P1');

    const clients = await api.GET('/api/v1/partners/{partnerId}/clients', {
      params: { path: { partnerId: 'P1' } },
      headers: { cookie },
    });
    expect(clients.response.status).toBe(200);
    expect(clients.data?.items).toEqual([]);
    expect(clients.data?.total).toBe(0);

    // Another partner's data: the documented 404 with the error body.
    const other = await api.GET('/api/v1/partners/{partnerId}/clients', {
      params: { path: { partnerId: 'P2' } },
      headers: { cookie },
    });
    expect(other.response.status).toBe(404);
    expect(other.error?.error.code).toBe('not_found');
  });
});
