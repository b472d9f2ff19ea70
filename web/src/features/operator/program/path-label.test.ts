// A diff's path in words, with the rule set's id and the tier's name from the document.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../../../../src/domain/default-program.ts';
import { opProgramMessages } from './messages.ts';
import { pathLabel } from './path-label.ts';

type Tree = { readonly [key: string]: string | Tree };
const t = ((key: string, options?: { defaultValue?: string }) => {
  const found = key
    .replace(/^opProgram\./, '')
    .split('.')
    .reduce<unknown>((node, k) => (node as Tree | undefined)?.[k], opProgramMessages.en);
  return typeof found === 'string' ? found : (options?.defaultValue ?? key);
}) as TFunction;

describe('pathLabel', () => {
  it('names rule sets, fields and tiers', () => {
    expect(pathLabel(t, 'ruleSets[2].tiers[0].total', exampleProgramFile)).toBe(
      '2025-07 › Tiers and thresholds › Gold › Total points',
    );
    expect(pathLabel(t, 'ruleSets[1].rates.sourced', exampleProgramFile)).toBe('2024-02 › Sourced rate');
    expect(pathLabel(t, 'ruleSets[2].currencyPer100.EUR', exampleProgramFile)).toBe(
      '2025-07 › Currency table (per 100 of the base currency) › EUR',
    );
    expect(pathLabel(t, 'commission.rate', exampleProgramFile)).toBe('Commission › Rate');
    expect(pathLabel(t, 'name', exampleProgramFile)).toBe('Name of the program');
    expect(pathLabel(t, 'ruleSets[5]', exampleProgramFile)).toBe('#6');
    expect(pathLabel(t, 'other.thing', exampleProgramFile)).toBe('other.thing');
  });
});
