// PROGRAM_RULES §11: the public worked examples, each as a named test through the engine.
import { describe, expect, it } from 'vitest';
import { exampleProgram as program } from './default-program.ts';
import { deriveLedger, managedOn, pointsOn } from './ledger.ts';
import { annualizedRetention, revenueMetrics } from './metrics.ts';
import { pointsToNumber } from './money.ts';
import { derivePartner } from './partner.ts';
import { facts } from './testing.ts';
import { creditedOn } from './tiers.ts';

const pts = (p: number) => pointsToNumber(p);

describe('PROGRAM_RULES §11 public worked examples', () => {
  it('1. Oct 2021, Marketing Hub Professional sold for $1,000 MRR at 3 per $100 → 30 sold points', () => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: '2021-10-05' });
    f.mrr('C1', 'Marketing Hub Professional', '2021-10-05', 1000, { deal: 'D1' });
    const ledger = deriveLedger(program, f.build());
    expect(ledger.entries.map((e) => pts(e.points))).toEqual([30]);
    expect(ledger.entries[0]!.explanation.rateRuleSetId).toBe('2022-07');
    expect(pts(pointsOn(ledger, '2021-10-31').sold)).toBe(30);
  });

  it('2. Mar 2024, sourced cross-sell of Sales Hub Professional for $1,000 → 50 sold points', () => {
    const f = facts()
      .client('C1')
      .deal('D1', 'C1', { closedOn: '2021-10-05' })
      .deal('D2', 'C1', { closedOn: '2024-03-10' });
    f.mrr('C1', 'Marketing Hub Professional', '2021-10-05', 1000, { deal: 'D1' });
    f.mrr('C1', 'Sales Hub Professional', '2024-03-10', 1000, { deal: 'D2', reason: 'cross_sell' });
    const cross = deriveLedger(program, f.build()).entries.find(
      (e) => e.product === 'Sales Hub Professional',
    )!;
    expect(pts(cross.points)).toBe(50);
    expect(cross.kind).toBe('new');
    expect(cross.explanation.rateRuleSetId).toBe('2024-02');
  });

  it('3. Apr 2024, upsell on the Marketing Hub line of example 1 → 3 per $100 (rate lock)', () => {
    const f = facts()
      .client('C1')
      .deal('D1', 'C1', { closedOn: '2021-10-05' })
      .deal('D3', 'C1', { closedOn: '2024-04-10' });
    f.mrr('C1', 'Marketing Hub Professional', '2021-10-05', 1000, { deal: 'D1' });
    f.mrr('C1', 'Marketing Hub Professional', '2024-04-10', 2000, { deal: 'D3', reason: 'upsell' });
    const upsell = deriveLedger(program, f.build()).entries[1]!;
    expect(upsell.kind).toBe('increased');
    expect(pts(upsell.points)).toBe(30); // $1,000 more at 3 per $100, not 5
    expect(upsell.explanation.rate).toBe(30_000);
    expect(upsell.explanation.rateRuleSetId).toBe('2022-07');
    expect(upsell.explanation.currencyRuleSetId).toBe('2024-02');
    expect(upsell.originDate).toBe('2021-10-05');
  });

  it('4. $1,000 MRR managed → 10 managed points; managed by two partners → 5 each', () => {
    const alone = facts().client('C1').manage('C1', '2025-01-01');
    alone.mrr('C1', 'Marketing Hub Professional', '2025-01-01', 1000);
    expect(pts(pointsOn(deriveLedger(program, alone.build()), '2025-02-01').managed)).toBe(10);

    const shared = facts().client('C1').manage('C1', '2025-01-01').manage('C1', '2025-01-01', null, 'P2');
    shared.mrr('C1', 'Marketing Hub Professional', '2025-01-01', 1000);
    const [c] = managedOn(deriveLedger(program, shared.build()), '2025-02-01');
    expect(c!.managers).toBe(2);
    expect(pts(c!.points)).toBe(5);
    const p2 = { ...shared.build(), partnerId: 'P2' };
    expect(pts(pointsOn(deriveLedger(program, p2), '2025-02-01').managed)).toBe(5);
  });

  it('5. growth-market client, $1,000 (2024-02 rule set): sourced 100, assisted 60, managed 20', () => {
    const f = facts().client('C1', 'BR', 'USD').client('C2', 'BR', 'USD');
    f.deal('DS', 'C1', { type: 'sourced', closedOn: '2024-03-01' }).deal('DA', 'C2', {
      type: 'assisted',
      closedOn: '2024-03-01',
    });
    f.mrr('C1', 'Marketing Hub Professional', '2024-03-01', 1000, { deal: 'DS' });
    f.mrr('C2', 'Marketing Hub Professional', '2024-03-01', 1000, { deal: 'DA' });
    f.manage('C1', '2024-03-01');
    const ledger = deriveLedger(program, f.build());
    const points = pointsOn(ledger, '2024-03-15');
    expect(pts(points.sourced)).toBe(100);
    expect(pts(points.assisted)).toBe(60);
    expect(pts(points.managed)).toBe(20);
    expect(
      ledger.entries.every((e) => e.explanation.growthMarket && e.explanation.multiplier === 20_000),
    ).toBe(true);
  });

  it.each([
    ['2025-08-01', 50, '2025-07'],
    ['2024-03-01', 58.67, '2024-02'],
    ['2023-03-01', 35.2, '2022-07'],
  ])(
    '6. a new line sold for €880 MRR through a sourced deal on %s → %s points',
    (date, expected, ruleSetId) => {
      const f = facts().client('C1', 'DE', 'EUR').deal('D1', 'C1', { closedOn: date });
      f.mrr('C1', 'Marketing Hub Professional', date, 880, { deal: 'D1' });
      const [entry] = deriveLedger(program, f.build()).entries;
      expect(pts(entry!.points)).toBe(expected);
      expect(entry!.explanation.rateRuleSetId).toBe(ruleSetId);
    },
  );

  it('7. credited Diamond, performing Gold on Jul 15, best in window Platinum → credited Platinum', () => {
    const f = facts().client('S1').client('M1').certify('2022-01-01', '2024-12-31');
    f.deal('D1', 'S1', { closedOn: '2022-12-01' });
    f.mrr('S1', 'Marketing Hub Enterprise', '2022-12-01', 150_000, { deal: 'D1' }); // 4,500 sold
    f.manage('M1', '2022-12-01').mrr('M1', 'Marketing Hub Enterprise', '2022-12-01', 150_000); // 1,500 managed
    f.mrr('S1', 'Marketing Hub Enterprise', '2023-01-10', 50_000, { reason: 'downgrade' }); // sold 1,500: Platinum
    f.mrr('M1', 'Marketing Hub Enterprise', '2023-07-01', 30_000, { reason: 'downgrade' }); // managed 300: Gold
    const d = derivePartner(program, f.build(), '2023-07-31');
    const byDate = new Map(d.snapshots.map((s) => [s.date, s]));
    expect(byDate.get('2022-12-31')!.tier).toBe('diamond');
    expect(byDate.get('2023-06-30')!.tier).toBe('platinum');
    expect(creditedOn(d.tierHistory, '2022-12-31')).toBe('diamond');
    expect(creditedOn(d.tierHistory, '2023-07-14')).toBe('diamond'); // protected at the Jan 15 review, kept until Jul 15
    expect(d.tierHistory.at(-1)).toEqual({
      date: '2023-07-15',
      from: 'diamond',
      to: 'platinum',
      reason: 'downgrade',
      performance: 'platinum',
    });
  });

  it('8. revenue retention +1% a month → 1.126825; -1% → 0.886385', () => {
    expect(annualizedRetention(1_000_000, 1_010_000)).toBe('1.126825');
    expect(annualizedRetention(1_000_000, 990_000)).toBe('0.886385');
    const up = facts().client('C1').manage('C1', '2025-01-01');
    up.mrr('C1', 'Marketing Hub Professional', '2025-01-01', 1000).mrr(
      'C1',
      'Marketing Hub Professional',
      '2025-03-10',
      1010,
    );
    expect(revenueMetrics(deriveLedger(program, up.build()), '2025-03-31').revenueRetentionAnnualized).toBe(
      '1.126825',
    );
    const down = facts().client('C1').manage('C1', '2025-01-01');
    down
      .mrr('C1', 'Marketing Hub Professional', '2025-01-01', 1000)
      .mrr('C1', 'Marketing Hub Professional', '2025-03-10', 990);
    expect(revenueMetrics(deriveLedger(program, down.build()), '2025-03-31').revenueRetentionAnnualized).toBe(
      '0.886385',
    );
  });
});
