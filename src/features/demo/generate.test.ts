import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../domain/dates.ts';
import { exampleProgram } from '../../domain/default-program.ts';
import type { ChangeReason, RenewalStatus } from '../../domain/facts.ts';
import { minorUnits, SCALE } from '../../domain/money.ts';
import { type Dataset, DEMO_SIZE, generateDataset } from './generate.ts';

const END = '2025-12-31';
const START = addMonths(END, -DEMO_SIZE.months);
const options = { ...DEMO_SIZE, seed: 'tierwise-demo', endDate: END };

function hashOf(d: Dataset): string {
  const h = createHash('sha256');
  for (const [key, value] of Object.entries(d)) h.update(key).update(JSON.stringify(value));
  return h.digest('hex');
}

function countBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}

function expectUnique<T>(rows: readonly T[], key: (r: T) => string): void {
  const seen = new Set<string>();
  const dupes = rows.map(key).filter((k) => seen.has(k) || !seen.add(k));
  expect(dupes).toEqual([]);
}

let d: Dataset;
beforeAll(() => {
  d = generateDataset(options);
});

describe('generateDataset: determinism and size', () => {
  it('gives the same dataset for the same seed and a different one for another seed', () => {
    const again = generateDataset(options);
    expect(hashOf(again)).toBe(hashOf(d));
    expect(hashOf(generateDataset({ ...options, seed: 'other' }))).not.toBe(hashOf(d));
    // A number and its string are different seeds on purpose (no silent coercion).
    expect(hashOf(generateDataset({ ...options, seed: 7 }))).not.toBe(
      hashOf(generateDataset({ ...options, seed: '7' })),
    );
  });

  it('has the requested numbers of partners, clients and (exactly) changes', () => {
    expect(d.partners).toHaveLength(DEMO_SIZE.partners);
    expect(d.clients).toHaveLength(DEMO_SIZE.clients);
    expect(d.changes).toHaveLength(DEMO_SIZE.clients * 10);
    const small = generateDataset({
      partners: 3,
      clients: 17,
      months: 6,
      seed: 1,
      endDate: END,
      changesPerClient: 2.5,
    });
    expect(small.changes).toHaveLength(Math.round(17 * 2.5));
    expect(generateDataset({ partners: 2, clients: 0, months: 1, seed: 1, endDate: END }).changes).toEqual(
      [],
    );
  });

  it('keeps only the last usage months when asked, with the same values', () => {
    const short = generateDataset({ ...options, usageMonths: 3 });
    const months = new Set(['2025-10', '2025-11', '2025-12']);
    expect(short.usage).toEqual(d.usage.filter((u) => months.has(u.month)));
    expect(short.changes).toEqual(d.changes);
  });

  it('refuses invalid options with every problem listed', () => {
    expect(() =>
      generateDataset({ partners: 0, clients: -1, months: 12, seed: 1, endDate: '2025-02-30' }),
    ).toThrow(/partners.*clients.*endDate/);
  });
});

describe('generateDataset: integrity', () => {
  it('has unique ids and unique import keys', () => {
    expectUnique(d.partners, (p) => p.partnerId);
    expectUnique(d.clients, (c) => c.clientId);
    expectUnique(d.deals, (x) => x.dealId);
    expectUnique(d.changes, (c) => c.changeId);
    expectUnique(d.managements, (m) => `${m.partnerId}|${m.clientId}|${m.startDate}`);
    expectUnique(d.certifications, (c) => `${c.partnerId}|${c.name}|${c.validFrom}`);
    expectUnique(d.team, (t) => `${t.partnerId}|${t.email}`);
    expectUnique(d.renewals, (r) => `${r.clientId}|${r.product}|${r.renewalDate}`);
    expectUnique(d.usage, (u) => `${u.clientId}|${u.month}`);
    expectUnique(d.payments, (p) => `${p.partnerId}|${p.reference}`);
  });

  it('names only existing partners and clients', () => {
    const partners = new Set(d.partners.map((p) => p.partnerId));
    const clients = new Set(d.clients.map((c) => c.clientId));
    for (const rows of [d.managements, d.deals, d.certifications, d.team, d.payments]) {
      expect(rows.filter((r) => !partners.has(r.partnerId))).toEqual([]);
    }
    for (const rows of [d.managements, d.deals, d.changes, d.renewals, d.usage]) {
      expect(rows.filter((r) => !clients.has(r.clientId))).toEqual([]);
    }
  });

  it('attaches deals of the same client, closed-won on or before the change, in its currency', () => {
    const deals = new Map(d.deals.map((x) => [x.dealId, x]));
    const currency = new Map(d.clients.map((c) => [c.clientId, c.currency]));
    let attached = 0;
    for (const c of d.changes) {
      if (!c.dealId) continue;
      attached++;
      const deal = deals.get(c.dealId);
      expect(deal, c.changeId).toBeDefined();
      expect(deal!.clientId).toBe(c.clientId);
      expect(deal!.createdOn <= c.date).toBe(true);
      if (deal!.stage === 'closed_won') expect(deal!.closedOn! <= c.date, c.changeId).toBe(true);
    }
    expect(attached).toBeGreaterThan(d.changes.length / 4);
    for (const x of d.deals) {
      expect(x.currency).toBe(currency.get(x.clientId));
      expect(x.stage === 'open').toBe(x.closedOn === null);
      if (x.closedOn) expect(x.createdOn <= x.closedOn).toBe(true);
    }
  });

  it('sorts changes and deals by date with ascending fixed-width ids', () => {
    for (let i = 1; i < d.changes.length; i++) {
      expect(d.changes[i - 1]!.date <= d.changes[i]!.date).toBe(true);
      expect(d.changes[i - 1]!.changeId < d.changes[i]!.changeId).toBe(true);
    }
    for (let i = 1; i < d.deals.length; i++) {
      expect(d.deals[i - 1]!.createdOn <= d.deals[i]!.createdOn).toBe(true);
      expect(d.deals[i - 1]!.dealId < d.deals[i]!.dealId).toBe(true);
    }
    expect(d.changes[0]!.changeId).toMatch(/^C\d{9}$/);
  });

  it('writes amounts as Scaled integers in the currency minor unit, MRR after >= 0', () => {
    const currency = new Map(d.clients.map((c) => [c.clientId, c.currency]));
    const unit = (cur: string) => 10 ** (4 - minorUnits(cur));
    for (const c of d.changes) {
      expect(Number.isSafeInteger(c.mrrAfter) && c.mrrAfter >= 0).toBe(true);
      expect(c.mrrAfter % unit(currency.get(c.clientId)!)).toBe(0);
      expect(c.mrrAfter === 0).toBe(c.reason === 'churn');
    }
    for (const x of d.deals) expect(Number.isSafeInteger(x.amount) && x.amount > 0).toBe(true);
    for (const p of d.payments) expect(p.amount > 0 && p.amount % unit(p.currency) === 0).toBe(true);
    // Realistic sizes: a typical line costs tens to thousands of dollars a month.
    const usd = d.changes
      .filter((c) => c.mrrAfter > 0 && currency.get(c.clientId) === 'USD')
      .map((c) => c.mrrAfter / SCALE)
      .sort((a, b) => a - b);
    expect(usd[Math.floor(usd.length / 2)]).toBeGreaterThan(100);
    expect(usd[Math.floor(usd.length / 2)]).toBeLessThan(5000);
  });

  it('keeps dates inside the history (renewals up to 180 days ahead)', () => {
    const inside = (x: string | null | undefined) => x == null || (x >= START && x <= END);
    expect(d.changes.filter((c) => !inside(c.date))).toEqual([]);
    expect(d.deals.filter((x) => !inside(x.createdOn) || !inside(x.closedOn))).toEqual([]);
    expect(d.managements.filter((m) => !inside(m.startDate) || !inside(m.endDate))).toEqual([]);
    expect(d.managements.filter((m) => m.endDate && m.endDate <= m.startDate)).toEqual([]);
    expect(d.usage.filter((u) => u.month < START.slice(0, 7) || !inside(u.lastActiveOn))).toEqual([]);
    expect(d.usage.filter((u) => u.lastActiveOn.slice(0, 7) !== u.month)).toEqual([]);
    expect(d.payments.filter((p) => !inside(p.paidOn))).toEqual([]);
    expect(d.certifications.filter((c) => !inside(c.validFrom) || c.validUntil < c.validFrom)).toEqual([]);
    const ahead = addDays(END, 180);
    expect(d.renewals.filter((r) => r.renewalDate < START || r.renewalDate > ahead)).toEqual([]);
  });
});

describe('generateDataset: realism', () => {
  it('bills clients in program currencies, mostly USD/EUR/GBP, ~15% in growth markets', () => {
    const currencies = countBy(d.clients, (c) => c.currency);
    expect(currencies.size).toBeGreaterThanOrEqual(5);
    for (const rs of exampleProgram.ruleSets) {
      for (const cur of currencies.keys()) expect(rs.currencyPer100[cur], cur).toBeDefined();
    }
    const major = (currencies.get('USD') ?? 0) + (currencies.get('EUR') ?? 0) + (currencies.get('GBP') ?? 0);
    expect(major / d.clients.length).toBeGreaterThan(0.6);
    const growth = exampleProgram.ruleSets[0]!.growthMarkets;
    const share = d.clients.filter((c) => growth.has(c.country)).length / d.clients.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.25);
    // Country follows currency: euro clients in the euro area, pounds in GB, and so on.
    for (const c of d.clients) if (c.currency === 'GBP') expect(c.country).toBe('GB');
  });

  it('has a heavy tail: the top 10% of partners hold more than 40% of the clients', () => {
    const held = new Map<string, Set<string>>();
    for (const r of [...d.managements, ...d.deals]) {
      if (!held.has(r.partnerId)) held.set(r.partnerId, new Set());
      held.get(r.partnerId)!.add(r.clientId);
    }
    const counts = d.partners.map((p) => held.get(p.partnerId)?.size ?? 0).sort((a, b) => b - a);
    const top = counts.slice(0, Math.ceil(counts.length / 10)).reduce((s, x) => s + x, 0);
    expect(top / counts.reduce((s, x) => s + x, 0)).toBeGreaterThan(0.4);
    expect(counts.filter((x) => x < 10).length).toBeGreaterThan(0);
  });

  it('has co-managed clients (2 and 3 managers at once), ended managements and handovers', () => {
    const byClient = new Map<string, typeof d.managements>();
    for (const m of d.managements) byClient.set(m.clientId, [...(byClient.get(m.clientId) ?? []), m]);
    const concurrent = (ms: typeof d.managements) =>
      Math.max(
        ...ms.map(
          (a) =>
            ms.filter((b) => b.startDate <= a.startDate && (!b.endDate || a.startDate < b.endDate)).length,
        ),
      );
    const peaks = [...byClient.values()].map(concurrent);
    expect(peaks.filter((n) => n >= 2).length).toBeGreaterThan(d.clients.length * 0.05);
    expect(peaks.some((n) => n >= 3)).toBe(true);
    expect(d.managements.filter((m) => m.endDate).length).toBeGreaterThan(d.managements.length * 0.05);
  });

  it('has every kind of change, churn followed by restart, and same-date changes of one line', () => {
    const reasons = countBy(d.changes, (c) => c.reason ?? '');
    const all: ChangeReason[] = [
      'new',
      'cross_sell',
      'upsell',
      'downgrade',
      'churn',
      'price_change',
      'discount_change',
      'renewal',
    ];
    for (const r of all) expect(reasons.get(r), r).toBeGreaterThan(0);
    const level = new Map<string, number>();
    const churned = new Set<string>();
    const lastDate = new Map<string, string>();
    let restarts = 0;
    let sameDate = 0;
    let increases = 0;
    let increasesWithDeal = 0;
    for (const c of d.changes) {
      const line = `${c.clientId}|${c.product}`;
      const before = level.get(line) ?? 0;
      if (c.mrrAfter > before) {
        increases++;
        if (c.dealId) increasesWithDeal++;
      } else expect(c.dealId ?? null).toBeNull();
      if (before === 0 && c.mrrAfter > 0 && churned.has(line)) restarts++;
      if (c.mrrAfter === 0) churned.add(line);
      if (lastDate.get(line) === c.date) sameDate++;
      level.set(line, c.mrrAfter);
      lastDate.set(line, c.date);
    }
    expect(restarts).toBeGreaterThan(0);
    expect(sameDate).toBeGreaterThan(0);
    // Increases usually come through a deal; some have none (seller of record, direct sales).
    expect(increasesWithDeal / increases).toBeGreaterThan(0.5);
    expect(increasesWithDeal).toBeLessThan(increases);
  });

  it('has deals in every stage and type, attached ones mostly closed-won', () => {
    expect(countBy(d.deals, (x) => x.stage).size).toBe(3);
    expect(countBy(d.deals, (x) => x.type).size).toBe(2);
    const attached = new Set(d.changes.map((c) => c.dealId).filter(Boolean));
    const won = d.deals.filter((x) => attached.has(x.dealId) && x.stage === 'closed_won').length;
    expect(won / attached.size).toBeGreaterThan(0.9);
  });

  it('has renewals in every status, some within the next 120 days', () => {
    const statuses: RenewalStatus[] = ['pending', 'confirmed', 'renewed', 'cancellation_requested'];
    const seen = countBy(d.renewals, (r) => r.status);
    for (const s of statuses) expect(seen.get(s), s).toBeGreaterThan(0);
    const soon = d.renewals.filter((r) => r.renewalDate > END && r.renewalDate <= addDays(END, 120));
    expect(countBy(soon, (r) => r.status).size).toBeGreaterThanOrEqual(3);
  });

  it('has monthly usage in range, certifications (expired ones, partners without) and team contacts', () => {
    for (const u of d.usage) {
      expect(Number.isInteger(u.toolsUsed) && u.toolsUsed >= 0 && u.toolsUsed <= 15).toBe(true);
      expect(Number.isInteger(u.engagementScore) && u.engagementScore >= 0 && u.engagementScore <= 10).toBe(
        true,
      );
    }
    const months = countBy(d.usage, (u) => u.clientId);
    expect(Math.max(...months.values())).toBe(DEMO_SIZE.months + 1);
    expect(d.certifications.some((c) => c.validUntil < END)).toBe(true);
    const certified = new Set(d.certifications.map((c) => c.partnerId));
    expect(d.partners.some((p) => !certified.has(p.partnerId))).toBe(true);
    const roles = countBy(d.team, (t) => t.role);
    expect(roles.get('Partner Development Manager')).toBe(d.partners.length);
    expect(roles.size).toBeGreaterThanOrEqual(4);
    expect(d.team.every((t) => t.description.length > 20 && t.email.includes('@'))).toBe(true);
  });
});
