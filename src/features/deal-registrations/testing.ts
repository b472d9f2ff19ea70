// Test helpers of deal registration on the portal fixture (../portal/testing.ts; today
// 2025-08-01, P2 alone manages C9 "Secret P2 Client", whose domain is set here): the signed-in
// partner users and operator, calls through the API, a valid deal, the webhook events of a
// registration, and a partner's sold points.
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

type Method = 'GET' | 'POST';

export const mine = (partnerId: string, path = '') =>
  `/api/v1/partners/${partnerId}/deal-registrations${path}`;
export const QUEUE = '/api/v1/deal-registrations';
/** What of P2 must never reach P1 (and the reverse, P1's names). */
export const OTHER_PARTNER = ['P2', 'C9', 'Secret', 'secret-p2'];

/** A valid registration body, `over` changing or (undefined) dropping fields. */
export function deal(over: Record<string, unknown> = {}) {
  return {
    clientName: 'Nova Robotics AB',
    domain: 'https://www.Nova-Robotics.se/contact',
    country: 'SE',
    currency: 'EUR',
    products: ['Marketing Hub'],
    expectedMrr: '1250.50',
    expectedCloseDate: '2025-09-30',
    dealType: 'sourced',
    notes: 'Met them at the fair',
    ...over,
  };
}

// One clock time for several changes: in the order of a registration's life.
const LIFE = [
  'created',
  'approved',
  'rejected',
  'extension_requested',
  'extension_granted',
  'won',
  'expired',
];

export class RegistrationTest {
  private constructor(
    readonly t: TestApp,
    public p1: Browser,
    public p2: Browser,
    public ops: Browser,
  ) {}

  static async start(): Promise<RegistrationTest> {
    const t = await createTestApp();
    await seedPortalFixture(t.deps);
    await t.deps.db.update(s.clients).set({ domain: 'www.Secret-P2.example' }).where(sql`client_id = 'C9'`);
    await t.deps.db.insert(s.webhookEndpoints).values({
      id: '00000000-0000-4000-8000-000000000001',
      url: 'https://hooks.vendor.example/in',
      events: ['deal.registration.changed'],
      secret: 'test-secret',
      createdAt: t.deps.clock.now(),
    });
    return new RegistrationTest(
      t,
      await signIn(t.app, USERS.p1User),
      await signIn(t.app, USERS.p2User),
      await signIn(t.app, USERS.operator),
    );
  }

  /** Sessions do not last months: sign in again after moving the clock. */
  async signInAgain(): Promise<void> {
    this.p1 = await signIn(this.t.app, USERS.p1User);
    this.p2 = await signIn(this.t.app, USERS.p2User);
    this.ops = await signIn(this.t.app, USERS.operator);
  }

  async call(method: Method, url: string, browser: Browser, payload?: unknown) {
    const response = await this.t.app.inject({
      method,
      url,
      headers: method === 'GET' ? browser.read : browser.write,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return {
      status: response.statusCode,
      body: response.body ? response.json() : undefined,
      raw: response.body,
    };
  }

  /** Registers `deal(over)` for the partner; fails the test unless it is created. */
  async register(browser: Browser, partnerId: string, over: Record<string, unknown> = {}) {
    const created = await this.call('POST', mine(partnerId), browser, deal(over));
    if (created.status !== 201) throw new Error(`registering: ${created.status} ${created.raw}`);
    return created.body as { id: string; status: string; protectionEndsOn: string };
  }

  async approve(registrationId: string) {
    const r = await this.call('POST', `${QUEUE}/${registrationId}/decision`, this.ops, {
      decision: 'approve',
    });
    if (r.status !== 200) throw new Error(`approving: ${r.status} ${r.raw}`);
  }

  async events(registrationId: string) {
    const found = await rows<{ data: { change: string; status: string; partnerId: string } }>(
      this.t.deps.db,
      sql`select data from webhook_events where type = 'deal.registration.changed'
            and data->>'registrationId' = ${registrationId} order by created_at`,
    );
    return found.map((r) => r.data).sort((x, y) => LIFE.indexOf(x.change) - LIFE.indexOf(y.change));
  }

  /** The partner's sold points as its dashboard shows them. */
  async soldPoints(partnerId: string): Promise<number> {
    const r = await this.call('GET', `/api/v1/partners/${partnerId}/dashboard`, this.ops);
    if (r.status !== 200) throw new Error(`dashboard: ${r.status} ${r.raw}`);
    return Number(r.body.points.sold);
  }
}
