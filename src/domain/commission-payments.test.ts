// Which quarter a recorded payment pays (the commission view's accrued against paid).
import { describe, expect, it } from 'vitest';
import { paymentQuarter, payoutDateOf, quarterInReference } from './commission.ts';

describe('payoutDateOf: the quarter end + payoutLagDays (rules §9)', () => {
  it.each([
    ['2025-Q1', 45, '2025-05-15'],
    ['2025-Q2', 45, '2025-08-14'],
    ['2025-Q3', 45, '2025-11-14'],
    ['2024-Q4', 45, '2025-02-14'],
    ['2024-Q1', 0, '2024-03-31'],
  ])('%s, %i days → %s', (quarter, lag, date) => {
    expect(payoutDateOf(quarter, lag)).toBe(date);
  });
});

describe('quarterInReference', () => {
  it.each([
    ['COM-P1-2025Q3', '2025-Q3'],
    ['PAY-2025Q1', '2025-Q1'],
    ['2024-Q4 commission', '2024-Q4'],
    ['payout 2026q2', '2026-Q2'],
    ['WIRE-778', null],
    ['INV-12025Q1', null],
    ['2025Q5', null],
    ['2025Q12', null],
  ])('%s → %s', (reference, quarter) => {
    expect(quarterInReference(reference)).toBe(quarter);
  });
});

describe('paymentQuarter', () => {
  const payouts = [
    { quarter: '2025-Q1', payoutDate: '2025-05-15' },
    { quarter: '2024-Q4', payoutDate: '2025-02-14' },
    { quarter: '2025-Q2', payoutDate: '2025-08-14' },
  ];
  it('takes the quarter the reference names, even one without a payout', () => {
    expect(paymentQuarter({ paidOn: '2025-05-20', reference: 'COM-2024Q4' }, payouts)).toBe('2024-Q4');
    expect(paymentQuarter({ paidOn: '2025-05-20', reference: 'COM-2023Q2' }, payouts)).toBe('2023-Q2');
  });
  it('else the latest payout due on or before the payment', () => {
    expect(paymentQuarter({ paidOn: '2025-05-15', reference: 'W1' }, payouts)).toBe('2025-Q1');
    expect(paymentQuarter({ paidOn: '2025-08-13', reference: 'W2' }, payouts)).toBe('2025-Q1');
    expect(paymentQuarter({ paidOn: '2025-03-01', reference: 'W3' }, payouts)).toBe('2024-Q4');
  });
  it('none when nothing was due yet', () => {
    expect(paymentQuarter({ paidOn: '2025-02-13', reference: 'W4' }, payouts)).toBeNull();
  });
});
