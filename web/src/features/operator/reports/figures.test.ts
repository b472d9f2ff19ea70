import { describe, expect, it } from 'vitest';
import { categoryOf, FIGURES, metricParam, presetRange } from './figures.ts';

describe('presetRange', () => {
  it('gives the calendar quarter before today’s', () => {
    expect(presetRange('lastQuarter', '2026-12-07')).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('lastQuarter', '2026-01-01')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetRange('lastQuarter', '2026-05-31')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
  });
  it('gives the last 30 days and the last 12 months, today included', () => {
    expect(presetRange('last30', '2026-03-30')).toMatchObject({ from: '2026-03-01', to: '2026-03-30' });
    expect(presetRange('last12Months', '2026-12-07')).toMatchObject({ from: '2025-12-08', to: '2026-12-07' });
  });
});

describe('figures', () => {
  it('name the API’s metrics and categories', () => {
    expect(metricParam('lost-sold')).toBe('expired-sold,decreased-sold,declined-sold');
    expect(FIGURES['new-managed']).toEqual(['new-managed']);
    expect(categoryOf('declined-sold')).toBe('declinedSold');
    expect(categoryOf('lost-managed')).toBe('lostManaged');
  });
});
