// Property tests of the engine over small random partners: a few clients in USD / EUR / JPY,
// in growth and other markets, random MRR sequences (zeros included), deals of P1 and P2 of
// both types at random stages, overlapping managements, certifications, and a random date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointChanges } from './changes.ts';
import { addDays, daysBetween, type IsoDate, isMonthEnd } from './dates.ts';
import { exampleProgram, exampleProgramFile } from './default-program.ts';
import type {
  CertificationFact,
  ClientFact,
  DealFact,
  DealStage,
  ManagementFact,
  MrrChangeFact,
  PartnerFacts,
} from './facts.ts';
import { deriveLedger, managedOn, type PointsSummary, pointsOn } from './ledger.ts';
import type { Points, Scaled } from './money.ts';
import { derivePartner } from './partner.ts';
import { type DealType, loadProgram, type Program, ruleSetOn, tierRank } from './program.ts';
import { pointsSeries } from './series.ts';
import { entryStateOn } from './sold.ts';
import { creditedTierHistory, performanceOn, tierFor } from './tiers.ts';
import { managedPointsFor } from './units.ts';

const program = exampleProgram;
const RUNS = { numRuns: 200 };

/** The example program with every tier threshold divided by 20, so that random partners reach tiers. */
function lowTierProgram(certificationRequired: boolean): Program {
  const doc = structuredClone(exampleProgramFile) as {
    ruleSets: {
      certificationRequired?: boolean;
      tiers?: { total: number; sellerMinimum: number; managedMinimum: number }[];
    }[];
  };
  doc.ruleSets[0]!.certificationRequired = certificationRequired;
  for (const rs of doc.ruleSets) {
    for (const t of rs.tiers ?? []) {
      t.total /= 20;
      t.sellerMinimum /= 20;
      t.managedMinimum /= 20;
    }
  }
  return loadProgram(doc);
}
const lowTiers = lowTierProgram(true);
const lowTiersNoCertification = lowTierProgram(false);
const programArb = fc.constantFrom(exampleProgram, lowTiers, lowTiersNoCertification);

// ---- Arbitraries ---------------------------------------------------------------------------------

const START = '2023-06-01';
const END = '2026-06-30';
const SPAN = daysBetween(START, END);

/** Dates in the range; half of them on a 15-day grid so that same-date changes are common. */
const dateArb: fc.Arbitrary<IsoDate> = fc.oneof(
  fc.integer({ min: 0, max: Math.floor(SPAN / 15) }).map((k) => addDays(START, k * 15)),
  fc.integer({ min: 0, max: SPAN }).map((n) => addDays(START, n)),
);

/** Country and currency: growth markets (BR, SG, IN) and others, in USD, EUR and JPY. */
const PLACES = [
  ['US', 'USD'],
  ['DE', 'EUR'],
  ['JP', 'JPY'],
  ['BR', 'USD'],
  ['SG', 'EUR'],
  ['IN', 'JPY'],
] as const;

/** MRR in USD-like units (JPY amounts are scaled ×100 when built): zeros, whole and odd amounts, up to tier size. */
const mrrArb: fc.Arbitrary<Scaled> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((units) => units * 10_000) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 500_000_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((units) => units * 10_000) },
);

const partnerArb = fc.constantFrom('P1', 'P1', 'P2');

const dealArb = fc.record({
  partner: partnerArb,
  type: fc.constantFrom<DealType>('sourced', 'assisted'),
  stage: fc.constantFrom<DealStage>('closed_won', 'closed_won', 'closed_won', 'open', 'closed_lost'),
  closedOn: dateArb,
});

const changeArb = fc.record({
  date: dateArb,
  mrr: mrrArb,
  /** An index into the client's deals, or (1 in 5) into all deals: another client's counts as no deal. */
  deal: fc.option(fc.nat({ max: 11 }), { nil: null, freq: 3 }),
  anyClientsDeal: fc.nat({ max: 4 }).map((k) => k === 0),
  /** On the date of the line's previous change (same-date changes apply in change id order). */
  sameDateAsPrevious: fc.boolean(),
});

const managementArb = fc.record({
  partner: partnerArb,
  start: dateArb,
  end: fc.option(dateArb, { nil: null }),
});

const clientArb = fc.record({
  place: fc.constantFrom(...PLACES),
  deals: fc.array(dealArb, { minLength: 1, maxLength: 4 }),
  lines: fc.array(fc.array(changeArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 }),
  managements: fc.array(managementArb, { maxLength: 3 }),
});

const certArb = fc
  .tuple(dateArb, fc.integer({ min: 0, max: 1500 }))
  .map(([from, days]) => [from, addDays(from, days)]);

type RawClient = typeof clientArb extends fc.Arbitrary<infer T> ? T : never;
type Raw = { clients: RawClient[]; certs: string[][] };

function build(raw: Raw): PartnerFacts {
  const clients: ClientFact[] = [];
  const deals: DealFact[] = [];
  const managements: ManagementFact[] = [];
  const changes: MrrChangeFact[] = [];
  raw.clients.forEach((c, ci) => {
    const clientId = `C${ci}`;
    clients.push({ clientId, country: c.place[0], currency: c.place[1] });
    c.deals.forEach((d, j) => {
      deals.push({
        dealId: `D${ci}-${j}`,
        partnerId: d.partner,
        clientId,
        type: d.type,
        stage: d.stage,
        createdOn: d.closedOn,
        closedOn: d.stage === 'closed_won' ? d.closedOn : null,
        amount: 0,
        currency: c.place[1],
      });
    });
    for (const m of c.managements) {
      managements.push({
        partnerId: m.partner,
        clientId,
        startDate: m.start,
        endDate: m.end !== null && m.end > m.start ? m.end : null,
      });
    }
  });
  raw.clients.forEach((c, ci) => {
    c.lines.forEach((line, li) => {
      let previous: IsoDate | undefined;
      for (const ch of line) {
        const date = ch.sameDateAsPrevious && previous !== undefined ? previous : ch.date;
        previous = date;
        const own = deals.filter((d) => d.clientId === `C${ci}`);
        const pool = ch.anyClientsDeal || own.length === 0 ? deals : own;
        const deal = ch.deal === null || pool.length === 0 ? null : pool[ch.deal % pool.length]!.dealId;
        changes.push({
          changeId: `X${changes.length}`,
          clientId: `C${ci}`,
          product: `Product ${li}`,
          date,
          mrrAfter: c.place[1] === 'JPY' ? ch.mrr * 100 : ch.mrr,
          dealId: deal,
        });
      }
    });
  });
  const certifications: CertificationFact[] = raw.certs.map(([from, until]) => ({
    partnerId: 'P1',
    name: 'Certification',
    validFrom: from!,
    validUntil: until!,
  }));
  return { partnerId: 'P1', clients, changes, deals, managements, certifications };
}

const factsArb: fc.Arbitrary<PartnerFacts> = fc
  .record({
    clients: fc.array(clientArb, { minLength: 1, maxLength: 3 }),
    certs: fc.array(certArb, { minLength: 0, maxLength: 3 }),
  })
  .map(build);

const asPartner = (f: PartnerFacts, partnerId: string): PartnerFacts => ({ ...f, partnerId });

const permutation = <T>(xs: readonly T[]) =>
  fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

/** The parts of a derivation that must not depend on how the facts were given. */
function derivation(prog: Program, f: PartnerFacts, asOf: IsoDate) {
  const d = derivePartner(prog, f, asOf);
  return {
    entries: d.ledger.entries,
    losses: d.ledger.losses,
    snapshots: d.snapshots,
    tierHistory: d.tierHistory,
    points: pointsOn(d.ledger, asOf),
  };
}

// ---- Properties ----------------------------------------------------------------------------------

describe('engine properties (fast-check, 200 runs each)', () => {
  it('points are never negative: entries, remaining points, losses, sold / managed / total, changes', () => {
    fc.assert(
      fc.property(factsArb, dateArb, (f, date) => {
        for (const partner of ['P1', 'P2']) {
          const ledger = deriveLedger(program, asPartner(f, partner));
          for (const e of ledger.entries) {
            expect(e.points).toBeGreaterThanOrEqual(0);
            expect(e.delta).toBeGreaterThan(0);
            for (const s of e.steps) {
              expect(s.points).toBeGreaterThanOrEqual(0);
              expect(s.points).toBeLessThanOrEqual(e.points);
              expect(s.backing).toBeGreaterThanOrEqual(0);
            }
            expect(entryStateOn(e, date).points).toBeGreaterThanOrEqual(0);
          }
          for (const l of ledger.losses) {
            expect(l.points).toBeGreaterThanOrEqual(0);
            expect(l.backing).toBeGreaterThan(0);
          }
          const p = pointsOn(ledger, date);
          for (const v of [p.sourced, p.assisted, p.sold, p.managed, p.total])
            expect(v).toBeGreaterThanOrEqual(0);
          for (const c of managedOn(ledger, date)) expect(c.points).toBeGreaterThanOrEqual(0);
          const changes = pointChanges(ledger, date, addDays(date, 90));
          for (const v of Object.values(changes.totals)) expect(v).toBeGreaterThanOrEqual(0);
          for (const item of changes.items) expect(item.points).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('splitting managed credit over n partners sums to the unsplit points within n × 0.01', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom(...PLACES),
        dateArb,
        fc.integer({ min: 1, max: 12 }),
        (mrr, [country, currency], date, n) => {
          const ruleSet = ruleSetOn(program, date);
          const whole = managedPointsFor({ mrr, currency, country, ruleSet, managers: 1 });
          const share = managedPointsFor({ mrr, currency, country, ruleSet, managers: n });
          // In hundredths of a point: each share is off by at most 1/2, the whole by 1/2.
          expect(Math.abs(n * share - whole)).toBeLessThanOrEqual(n);
          expect(Math.abs(n * share - whole)).toBeLessThanOrEqual((n + 1) / 2);
        },
      ),
      RUNS,
    );
  });

  it("the managers' shares of a client add up to its unsplit managed points within n × 0.01", () => {
    fc.assert(
      fc.property(factsArb, dateArb, (f, date) => {
        const ledgers = ['P1', 'P2'].map((p) => deriveLedger(program, asPartner(f, p)));
        const ruleSet = ruleSetOn(program, date);
        for (const client of f.clients) {
          const shares = ledgers.flatMap((l) =>
            managedOn(l, date).filter((c) => c.clientId === client.clientId),
          );
          if (shares.length === 0) continue;
          const n = shares[0]!.managers;
          expect(shares.length).toBe(n);
          const whole = managedPointsFor({
            mrr: shares[0]!.mrr,
            currency: client.currency,
            country: client.country,
            ruleSet,
            managers: 1,
          });
          const sum = shares.reduce((s, c) => s + c.points, 0);
          expect(Math.abs(sum - whole)).toBeLessThanOrEqual(n);
        }
      }),
      RUNS,
    );
  });

  it('tier performance never drops when any track rises', () => {
    // Random valid tier lists (totals rising, minimums not falling), both seller tracks.
    const tiersArb = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.nat({ max: 500 }), fc.nat({ max: 1500 })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((steps) => {
        let total = 0;
        let seller = 0;
        let managed = 0;
        return steps.map(([t, s, m], i) => {
          total += t;
          seller += s;
          managed += m;
          return { id: `t${i}`, name: `Tier ${i}`, total, sellerMinimum: seller, managedMinimum: managed };
        });
      });
    const ruleSetArb = fc
      .record({
        tiers: tiersArb,
        counts: fc.constantFrom('sold', 'sourced'),
        certificationRequired: fc.boolean(),
      })
      .map(({ tiers, counts, certificationRequired }) => {
        const p = loadProgram({
          name: 'Random tiers',
          baseCurrency: 'USD',
          ruleSets: [
            {
              id: 'r',
              effectiveFrom: '2020-01-01',
              rates: { sourced: 5, assisted: 3, managed: 1 },
              growthMultiplier: 2,
              currencyPer100: { USD: 100 },
              growthMarkets: [],
              soldPointsLifetimeMonths: 12,
              sellerMinimumCounts: counts,
              certificationRequired,
              tiers,
            },
          ],
          tierReview: { reviewDays: ['01-15'], windowMonths: 6, protectionMonths: 6 },
          commission: {
            rate: 0.2,
            months: 36,
            dealTypes: ['sourced'],
            payout: 'quarterly',
            payoutLagDays: 45,
          },
          renewals: { horizonDays: 120, decisionLeadDays: 45 },
        });
        return p.ruleSets[0]!;
      });
    const anyRuleSet = fc.oneof(
      fc.constantFrom(...program.ruleSets, ...lowTiers.ruleSets, ...lowTiersNoCertification.ruleSets),
      ruleSetArb,
    );
    const pointsArb = fc.nat({ max: 2_500_000 });
    const summary = (sourced: Points, assisted: Points, managed: Points): PointsSummary => ({
      sourced,
      assisted,
      sold: sourced + assisted,
      managed,
      total: sourced + assisted + managed,
    });
    fc.assert(
      fc.property(
        anyRuleSet,
        fc.tuple(pointsArb, pointsArb, pointsArb),
        fc.tuple(pointsArb, pointsArb, pointsArb),
        fc.boolean(),
        fc.boolean(),
        (ruleSet, [s, a, m], [ds, da, dm], certified, certifiedLater) => {
          const base = summary(s, a, m);
          const rank = tierRank(ruleSet, tierFor(ruleSet, base, certified));
          const higher = (p: PointsSummary, c = certified) => tierRank(ruleSet, tierFor(ruleSet, p, c));
          // Each track rising through the figures that make it up...
          expect(higher(summary(s + ds, a, m))).toBeGreaterThanOrEqual(rank);
          expect(higher(summary(s, a + da, m))).toBeGreaterThanOrEqual(rank);
          expect(higher(summary(s, a, m + dm))).toBeGreaterThanOrEqual(rank);
          expect(higher(summary(s + ds, a + da, m + dm))).toBeGreaterThanOrEqual(rank);
          // ...or on its own (total, seller track, managed), and a certification gained.
          expect(higher({ ...base, total: base.total + ds })).toBeGreaterThanOrEqual(rank);
          expect(
            higher({ ...base, sold: base.sold + da, sourced: base.sourced + da }),
          ).toBeGreaterThanOrEqual(rank);
          expect(higher({ ...base, managed: base.managed + dm })).toBeGreaterThanOrEqual(rank);
          expect(higher(base, certified || certifiedLater)).toBeGreaterThanOrEqual(rank);
        },
      ),
      RUNS,
    );
  });

  it('facts given in any order give the same derivation', () => {
    const shuffled = factsArb.chain((f) =>
      fc
        .record({
          clients: permutation(f.clients),
          changes: permutation(f.changes),
          deals: permutation(f.deals),
          managements: permutation(f.managements),
          certifications: permutation(f.certifications),
        })
        .map((parts) => [f, { ...f, ...parts }] as const),
    );
    fc.assert(
      fc.property(programArb, shuffled, dateArb, (prog, [f, g], asOf) => {
        expect(derivation(prog, g, asOf)).toEqual(derivation(prog, f, asOf));
        expect(derivation(prog, asPartner(g, 'P2'), asOf)).toEqual(
          derivation(prog, asPartner(f, 'P2'), asOf),
        );
      }),
      RUNS,
    );
  });

  it('applying the same MRR level twice changes nothing', () => {
    // A copy of a change with a new id that sorts right after it (same line, same date, same
    // mrrAfter), with any deal of the facts or none, anywhere in the list.
    const withDuplicate = factsArb
      .filter((f) => f.changes.length > 0)
      .chain((f) =>
        fc
          .record({
            which: fc.nat({ max: f.changes.length - 1 }),
            at: fc.nat({ max: f.changes.length }),
            deal: fc.option(fc.nat({ max: Math.max(0, f.deals.length - 1) }), { nil: null }),
          })
          .map(({ which, at, deal }) => {
            const original = f.changes[which]!;
            const copy: MrrChangeFact = {
              ...original,
              changeId: `${original.changeId}-dup`,
              dealId: deal === null || f.deals.length === 0 ? null : f.deals[deal]!.dealId,
            };
            const changes = [...f.changes];
            changes.splice(at, 0, copy);
            return [f, { ...f, changes }] as const;
          }),
      );
    fc.assert(
      fc.property(programArb, withDuplicate, dateArb, (prog, [f, g], asOf) => {
        expect(derivation(prog, g, asOf)).toEqual(derivation(prog, f, asOf));
        expect(derivation(prog, asPartner(g, 'P2'), asOf)).toEqual(
          derivation(prog, asPartner(f, 'P2'), asOf),
        );
      }),
      RUNS,
    );
  });

  it("sold(D) is the sum of the active entries' remaining points; managed(D) the sum over managed clients", () => {
    fc.assert(
      fc.property(factsArb, dateArb, (f, date) => {
        for (const partner of ['P1', 'P2']) {
          const ledger = deriveLedger(program, asPartner(f, partner));
          const p = pointsOn(ledger, date);

          // Sold: active when earnedOn <= D < expiresOn; remaining = the last step on or before D.
          const sum = { sourced: 0, assisted: 0 };
          for (const e of ledger.entries) {
            if (!(e.earnedOn <= date && date < e.expiresOn)) continue;
            const last = e.steps.filter((s) => s.date <= date).at(-1);
            sum[e.dealType] += last ? last.points : e.points;
          }
          expect([p.sourced, p.assisted, p.sold]).toEqual([
            sum.sourced,
            sum.assisted,
            sum.sourced + sum.assisted,
          ]);

          // Managed, straight from the facts: managers on D, the client's lines summed, §4.
          const ruleSet = ruleSetOn(program, date);
          const expected = new Map<string, Points>();
          for (const client of f.clients) {
            const managers = new Set(
              f.managements
                .filter(
                  (m) =>
                    m.clientId === client.clientId && m.startDate <= date && (!m.endDate || date < m.endDate),
                )
                .map((m) => m.partnerId),
            );
            if (!managers.has(partner)) continue;
            const latest = new Map<string, MrrChangeFact>();
            for (const ch of f.changes) {
              if (ch.clientId !== client.clientId || ch.date > date) continue;
              const cur = latest.get(ch.product);
              if (!cur || ch.date > cur.date || (ch.date === cur.date && ch.changeId > cur.changeId)) {
                latest.set(ch.product, ch);
              }
            }
            const mrr = [...latest.values()].reduce((s, ch) => s + ch.mrrAfter, 0);
            if (mrr <= 0) continue;
            expected.set(
              client.clientId,
              managedPointsFor({
                mrr,
                currency: client.currency,
                country: client.country,
                ruleSet,
                managers: managers.size,
              }),
            );
          }
          const actual = managedOn(ledger, date);
          expect(new Map(actual.map((c) => [c.clientId, c.points]))).toEqual(expected);
          expect(p.managed).toBe([...expected.values()].reduce((s, v) => s + v, 0));
          expect(p.total).toBe(p.sold + p.managed);
        }
      }),
      RUNS,
    );
  });

  it('the one-sweep derivation agrees with points and performance computed date by date', () => {
    fc.assert(
      fc.property(
        programArb,
        factsArb,
        dateArb,
        fc.uniqueArray(dateArb, { maxLength: 12 }),
        (prog, f, asOf, dates) => {
          for (const partner of ['P1', 'P2']) {
            const d = derivePartner(prog, asPartner(f, partner), asOf);
            for (const s of d.snapshots)
              expect(s).toEqual({ ...performanceOn(d.ledger, s.date), credited: s.credited });
            expect(d.tierHistory).toEqual(creditedTierHistory(d.ledger, asOf));
            const sorted = [...dates].sort();
            expect(pointsSeries(d.ledger, sorted)).toEqual(sorted.map((x) => pointsOn(d.ledger, x)));
          }
        },
      ),
      RUNS,
    );
  });

  it('the credited tier rises only at month ends and falls only on review days', () => {
    fc.assert(
      fc.property(programArb, factsArb, dateArb, (prog, f, asOf) => {
        const d = derivePartner(prog, f, asOf);
        let previous = '';
        for (const h of d.tierHistory) {
          expect(h.date >= previous).toBe(true);
          previous = h.date;
          const ruleSet = ruleSetOn(prog, h.date);
          if (h.reason === 'upgrade') {
            expect(isMonthEnd(h.date)).toBe(true);
            expect(tierRank(ruleSet, h.to)).toBeGreaterThan(tierRank(ruleSet, h.from));
          } else {
            expect(prog.tierReview.reviewDays).toContain(h.date.slice(5));
            expect(tierRank(ruleSet, h.to)).toBeLessThan(tierRank(ruleSet, h.from));
          }
        }
        for (const s of d.snapshots) {
          // At a month end the credited tier is at least the performance of that day.
          expect(tierRank(ruleSetOn(prog, s.date), s.credited)).toBeGreaterThanOrEqual(
            tierRank(ruleSetOn(prog, s.date), s.tier),
          );
        }
      }),
      RUNS,
    );
  });
});
