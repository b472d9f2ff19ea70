import { beforeAll, describe, expect, it } from 'vitest';
import type { PartnerFacts } from '../../domain/facts.ts';
import { type Dataset, generateDataset } from './generate.ts';
import { groupFactsByPartner, indexPartnerFacts, iteratePartnerFacts } from './partner-facts.ts';

let d: Dataset;
let grouped: Map<string, PartnerFacts>;
beforeAll(() => {
  d = generateDataset({ partners: 25, clients: 600, months: 24, seed: 'facts', endDate: '2025-06-30' });
  grouped = groupFactsByPartner(d);
});

/** The straightforward (quadratic) definition, to compare the indexed build against. */
function naive(partnerId: string) {
  const clients = new Set([
    ...d.managements.filter((m) => m.partnerId === partnerId).map((m) => m.clientId),
    ...d.deals.filter((x) => x.partnerId === partnerId).map((x) => x.clientId),
  ]);
  const of = <T extends { clientId: string }>(rows: readonly T[]) =>
    rows.filter((r) => clients.has(r.clientId));
  return {
    clients,
    changes: of(d.changes),
    deals: of(d.deals),
    managements: of(d.managements),
    renewals: of(d.renewals),
    usage: of(d.usage),
    certifications: d.certifications.filter((c) => c.partnerId === partnerId),
  };
}

const sortedIds = <T>(rows: readonly T[], key: (r: T) => string) => rows.map(key).sort();

describe('groupFactsByPartner', () => {
  it('has one entry per partner', () => {
    expect([...grouped.keys()]).toEqual(d.partners.map((p) => p.partnerId));
  });

  it('gives each partner its clients and all their rows, other partners rows included', () => {
    let foreignRows = 0;
    for (const p of d.partners) {
      const facts = grouped.get(p.partnerId)!;
      const want = naive(p.partnerId);
      expect(new Set(facts.clients.map((c) => c.clientId))).toEqual(want.clients);
      expect(facts.clients).toHaveLength(want.clients.size);
      expect(sortedIds(facts.changes, (c) => c.changeId)).toEqual(sortedIds(want.changes, (c) => c.changeId));
      expect(sortedIds(facts.deals, (x) => x.dealId)).toEqual(sortedIds(want.deals, (x) => x.dealId));
      const mKey = (m: (typeof d.managements)[number]) => `${m.partnerId}|${m.clientId}|${m.startDate}`;
      expect(sortedIds(facts.managements, mKey)).toEqual(sortedIds(want.managements, mKey));
      const rKey = (r: (typeof d.renewals)[number]) => `${r.clientId}|${r.product}|${r.renewalDate}`;
      expect(sortedIds(facts.renewals ?? [], rKey)).toEqual(sortedIds(want.renewals, rKey));
      expect(facts.usage).toHaveLength(want.usage.length);
      expect(facts.certifications).toEqual(want.certifications);
      foreignRows += facts.deals.filter((x) => x.partnerId !== p.partnerId).length;
      foreignRows += facts.managements.filter((m) => m.partnerId !== p.partnerId).length;
    }
    expect(foreignRows).toBeGreaterThan(0);
  });

  it('keeps each client rows in dataset order (changes by date, then id)', () => {
    for (const facts of grouped.values()) {
      const byClient = new Map<string, string[]>();
      for (const c of facts.changes)
        byClient.set(c.clientId, [...(byClient.get(c.clientId) ?? []), c.changeId]);
      for (const ids of byClient.values()) expect(ids).toEqual([...ids].sort());
    }
  });

  it('matches the lazy iterator and the index', () => {
    const iterated = [...iteratePartnerFacts(d)];
    expect(iterated.map((f) => f.partnerId)).toEqual([...grouped.keys()]);
    expect(iterated[3]).toEqual(grouped.get(iterated[3]!.partnerId));
    expect(indexPartnerFacts(d).factsFor('nobody')).toBeUndefined();
  });

  it('refuses rows that name an unknown client', () => {
    const broken = {
      ...d,
      changes: [...d.changes, { ...d.changes[0]!, changeId: 'X', clientId: 'missing' }],
    };
    expect(() => indexPartnerFacts(broken)).toThrow(/change X names unknown client missing/);
  });
});
