import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import type { Database } from '../../db/client.ts';
import { REGISTRATION_STATUSES } from '../../db/schema-registrations.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { testConfig } from '../../server/testing.ts';
import { signIn } from '../auth/service.ts';
import { getCommission } from '../commission/service.ts';
import { findRegistrations } from '../deal-registrations/repository.ts';
import { listRegistrations } from '../deal-registrations/service.ts';
import { listPartners } from '../points/service.ts';
import { DEMO_PASSWORD, demoLogins, formatDemoLogins, loadDemoIfEmpty } from './seed.ts';

describe('demo data on first start', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  const deps = () => ({ db: database.db, config: testConfig(), clock: manualClock('2026-06-30T12:00:00Z') });

  it('loads once, with logins for an operator and partners in different tiers, and their registrations', {
    timeout: 120_000,
  }, async () => {
    expect(await loadDemoIfEmpty(deps())).toBe(true);
    const partners = await listPartners(database.db);
    expect(partners.length).toBe(40);
    const logins = await demoLogins(deps());
    expect(logins.map((l) => l.role).sort()).toEqual([
      'operator',
      'partner-admin',
      'partner-user',
      'partner-user',
    ]);
    const tiers = logins.filter((l) => l.partnerId).map((l) => l.tier);
    expect(new Set(tiers).size).toBe(3);
    expect(tiers).toContain(null);
    expect(formatDemoLogins(logins)).toContain(DEMO_PASSWORD);

    // The printed logins work.
    const admin = logins.find((l) => l.role === 'partner-admin')!;
    const session = await signIn(deps(), { email: admin.email, password: DEMO_PASSWORD, ip: '127.0.0.1' });
    expect(session.me.user.partnerId).toBe(admin.partnerId);

    // The demo partners' deal registrations: every status, the largest partner each; a won
    // one shows the sold points of its deal, a rejected one its reason, one asks an extension.
    const all = (await findRegistrations(database.db, {})).filter((r) =>
      logins.some((l) => l.partnerId === r.partnerId),
    );
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(REGISTRATION_STATUSES));
    const top = all.filter((r) => r.partnerId === admin.partnerId);
    expect(new Set(top.map((r) => r.status))).toEqual(new Set(REGISTRATION_STATUSES));
    expect(Number(top.find((r) => r.status === 'won')!.points)).toBeGreaterThan(0);
    expect(top.find((r) => r.status === 'rejected')!.rejectionReason).toBeTruthy();
    expect(top.some((r) => r.status === 'approved' && r.extensionStatus === 'requested')).toBe(true);
    // Statuses as of today: the sweep expires nothing more, the settlement finds nothing to settle.
    const listed = await listRegistrations(deps(), admin.partnerId!);
    expect(listed.registrations.map((r) => r.status).sort()).toEqual(top.map((r) => r.status).sort());

    // A second start keeps the data and loads nothing.
    expect(await loadDemoIfEmpty(deps())).toBe(false);
    expect(await listPartners(database.db)).toEqual(partners);
  });

  it('pays what the engine accrued: every paid quarter reconciles but a few that differ by a few percent', {
    timeout: 120_000,
  }, async () => {
    const on = deps().clock.today();
    let quarters = 0;
    let exact = 0;
    let off = 0;
    for (const { partnerId } of await listPartners(database.db)) {
      const view = await getCommission(database.db, partnerId, { on, accruals: false, status: 'paid' });
      for (const q of view.quarters) {
        const accrued = q.accrued.amount;
        const paid = q.paid?.amount ?? 0;
        quarters++;
        // Never a payment for a quarter without accruals, nor an accrued quarter unpaid.
        expect({ quarter: q.quarter, paid: paid > 0 }).toEqual({ quarter: q.quarter, paid: accrued > 0 });
        const ratio = paid / accrued;
        if (Math.abs(paid - accrued) <= Math.max(0.02, accrued * 0.002)) exact++;
        else {
          expect([q.quarter, ratio > 0.96 && ratio < 1.06]).toEqual([q.quarter, true]);
          off++;
        }
      }
    }
    expect(quarters).toBeGreaterThan(100);
    expect(off).toBeGreaterThan(0);
    expect(exact / quarters).toBeGreaterThan(0.8);
  });
});
