import { describe, expect, it } from 'vitest';
import type { Standing, WhatIfRow } from '../../../lib/api-types.ts';
import { changed, delta, direction, movers, summarize, tierCounts } from './what-if-model.ts';

const ORDER = ['gold', 'platinum', 'diamond', 'elite'];
const standing = (over: Partial<Standing> = {}): Standing => ({
  sourced: 100,
  assisted: 0,
  sold: 100,
  managed: 500,
  total: 600,
  performance: 'gold',
  credited: 'gold',
  ...over,
});
const row = (partnerId: string, before: Partial<Standing>, after: Partial<Standing>): WhatIfRow => ({
  partnerId,
  before: standing(before),
  after: standing(after),
});

const rows = [
  row('P-SAME', {}, {}),
  row('P-UP', {}, { credited: 'platinum', performance: 'platinum' }),
  row('P-DOWN', { credited: 'platinum' }, { credited: null, performance: null }),
  row('P-POINTS', {}, { sold: 150, total: 650 }),
  row('P-PERF', {}, { performance: null }),
];

describe('the what-if view', () => {
  it('tells changed partners and the direction of a tier change', () => {
    expect(rows.map(changed)).toEqual([false, true, true, true, true]);
    expect(rows.map((r) => direction(r, ORDER))).toEqual([0, 1, -1, 0, 0]);
  });

  it('filters the movers to tier changes or every change, by partner id', () => {
    expect(movers(rows, 'tier', '', ORDER).map((r) => r.partnerId)).toEqual(['P-DOWN', 'P-UP']);
    expect(movers(rows, 'all', '', ORDER).map((r) => r.partnerId)).toEqual([
      'P-DOWN',
      'P-UP',
      'P-POINTS',
      'P-PERF',
    ]);
    expect(movers(rows, 'all', ' p-po', ORDER).map((r) => r.partnerId)).toEqual(['P-POINTS']);
  });

  it('counts partners per tier in tier order, no tier first', () => {
    expect(
      tierCounts({ before: { gold: 3, platinum: 1 }, after: { none: 1, gold: 2, platinum: 1, x: 1 } }, ORDER),
    ).toEqual([
      { tierId: 'none', before: 0, after: 1 },
      { tierId: 'gold', before: 3, after: 2 },
      { tierId: 'platinum', before: 1, after: 1 },
      { tierId: 'diamond', before: 0, after: 0 },
      { tierId: 'elite', before: 0, after: 0 },
      { tierId: 'x', before: 0, after: 1 },
    ]);
  });

  it('sums up', () => {
    expect(summarize(rows, ORDER)).toEqual({ partners: 5, changed: 4, tierChanges: 2, up: 1, down: 1 });
    expect(delta(0.1, 0.3)).toBe(0.2);
  });
});
