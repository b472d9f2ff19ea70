// The demo's main partner has a forecast whose two lines differ: a requested cancellation
// before the next review day and two approved registrations closing before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { testConfig } from '../../server/testing.ts';
import { getTier } from '../tier/service.ts';
import { demoLogins, loadDemoIfEmpty } from './seed.ts';

describe('demo data for the forecast', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  const clock = manualClock('2026-12-07T12:00:00Z');

  it("gives the main partner's forecast a cancellation at risk and weighted registrations", {
    timeout: 180_000,
  }, async () => {
    const deps = { db: database.db, config: testConfig(), clock };
    expect(await loadDemoIfEmpty(deps)).toBe(true);
    const main = (await demoLogins(deps)).find((l) => l.role === 'partner-admin')!;
    const tier = await getTier(database.db, { partnerId: main.partnerId!, today: '2026-12-07' });
    const f = tier.forecast!;
    expect(f.reviewDay).toBe('2027-01-15');
    expect(f.dates).toEqual(['2026-12-07', '2026-12-31', '2027-01-15']);
    const cancellation = f.atRisk.find(
      (r) => r.status === 'cancellation_requested' && r.renewalDate === '2026-12-27',
    );
    expect(cancellation?.sold).toBeGreaterThan(0);
    expect(
      f.pipeline
        .filter((p) => p.kind === 'registration')
        .map((p) => p.name)
        .sort(),
      // Beside the demo's other approved registrations of this partner.
    ).toEqual(expect.arrayContaining(['Harbour Lane Studios Ltd', 'Van Dijk Digital B.V.']));
    const last = (l: { points: { total: number }[] }) => l.points.at(-1)!.total;
    expect(last(f.lines.pipeline)).toBeGreaterThan(last(f.lines.baseline));
    // Today both lines start from the partner's points.
    expect(f.lines.baseline.points[0]!.total).toBe(tier.points.total);
  });
});
