// Generated from the route table: every route under /partners/:partnerId, asked by a user of
// partner A for partner B (or a partner that does not exist), answers 404 and shows no B
// data; every operator-only route answers their users 403. A new route is covered the
// moment it is registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../core/app.ts';
import type { PartnerRole } from '../features/auth/access.ts';
import { type Browser, createTestApp, seedPartners, seedUser, signIn, type TestApp } from './testing.ts';

let t: TestApp;
const browsers = new Map<PartnerRole, Browser>();
/** Strings that only partner B's data contains. */
const B_MARKERS = ['secret-b.example', 'Partner B'];

/** A value for each path parameter other than partnerId (the hook answers before any lookup). */
function urlFor(route: string, partnerId: string): string {
  return route.replace(':partnerId', encodeURIComponent(partnerId)).replace(/:(\w+)/g, 'sample-$1');
}

/** The route asked by a signed-in browser, with an empty body where it takes one. */
function ask(route: RouteEntry, partnerId: string, browser: Browser) {
  return t.app.inject({
    method: route.method as 'GET',
    url: urlFor(route.url, partnerId),
    headers: browser.write,
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'A', 'B');
  for (const role of ['partner-admin', 'partner-user'] as const) {
    await seedUser(t.deps, { email: `${role}@a.example`, role, partnerId: 'A' });
    await seedUser(t.deps, { email: `${role}@secret-b.example`, role, partnerId: 'B' });
    browsers.set(role, await signIn(t.app, `${role}@a.example`));
  }
});
afterAll(() => t.close());

describe('partner tenancy, for every partner-scoped route of the route table', () => {
  it('has partner-scoped routes to check', () => {
    expect(t.app.routeTable.filter((r) => r.partnerScoped).length).toBeGreaterThan(0);
  });

  it("answers 404 with no B data when a user of A asks for B's (or a missing partner's) data", async () => {
    const routes = t.app.routeTable.filter((r) => r.partnerScoped);
    for (const route of routes) {
      for (const [role, browser] of browsers) {
        const answers = new Map<string, string>();
        for (const partnerId of ['B', 'NO-SUCH-PARTNER']) {
          const response = await ask(route, partnerId, browser);
          const what = `${role} ${route.method} ${route.url} for ${partnerId}`;
          expect(response.statusCode, what).toBe(404);
          expect(response.json().error.code, what).toBe('not_found');
          for (const marker of B_MARKERS) expect(response.body, what).not.toContain(marker);
          answers.set(partnerId, response.body);
        }
        // B's answer is exactly that of a partner that does not exist.
        expect(answers.get('B'), `${role} ${route.method} ${route.url}`).toBe(answers.get('NO-SUCH-PARTNER'));
      }
    }
  });

  it('answers 403 to partner users on every operator-only route', async () => {
    const routes = t.app.routeTable.filter(
      (r) =>
        r.access &&
        'roles' in r.access &&
        r.access.roles !== 'any' &&
        !r.access.roles.some((role) => role !== 'operator'),
    );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/v1/imports');
    for (const route of routes) {
      for (const [role, browser] of browsers) {
        const response = await ask(route, 'A', browser);
        const what = `${role} ${route.method} ${route.url}`;
        expect(response.statusCode, what).toBe(403);
        expect(response.json().error.code, what).toBe('forbidden');
      }
    }
  });

  it('lets the same users reach their own partner on those routes (so the 404 above is tenancy)', async () => {
    // Only routes whose one parameter is the partner: sample ids of other parameters may not exist.
    const routes = t.app.routeTable.filter((r) => r.partnerScoped && r.url.split(':').length === 2);
    for (const route of routes) {
      for (const [role, browser] of browsers) {
        const response = await ask(route, 'A', browser);
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).not.toBe(404);
      }
    }
  });
});
