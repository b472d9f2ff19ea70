// A document path in words: 'ruleSets[2].tiers[0].total' of the example program reads
// "2025-07 › Tiers and thresholds › Gold › Total points". Unknown parts stay as written.
import type { TFunction } from 'i18next';
import { pathKeys } from './document-text.ts';

type Json = Record<string, unknown>;
const at = (value: unknown, key: string | number): unknown =>
  typeof value === 'object' && value !== null ? (value as Json)[key as string] : undefined;

const SETTINGS: Record<string, string> = {
  tierReview: 'opProgram.settings.tierReview',
  commission: 'opProgram.settings.commission',
  renewals: 'opProgram.settings.renewals',
};

export function pathLabel(t: TFunction, path: string, document: unknown): string {
  const keys = pathKeys(path);
  const words: string[] = [];
  const [top, ...rest] = keys;
  if (top === 'name') return t('opProgram.diff.name');
  if (top === 'baseCurrency') return t('opProgram.diff.baseCurrency');
  if (typeof top === 'string' && SETTINGS[top]) {
    words.push(t(SETTINGS[top]));
    const [field, ...more] = rest;
    if (typeof field === 'string') words.push(t(`opProgram.settings.${field}`, { defaultValue: field }));
    words.push(...more.map(String));
    return words.join(' › ');
  }
  if (top !== 'ruleSets') return path;
  const [index, field, ...more] = rest;
  const ruleSet = at(at(document, 'ruleSets'), index as number);
  const id = at(ruleSet, 'id');
  words.push(typeof id === 'string' ? id : `#${Number(index) + 1}`);
  if (field === undefined) return words.join(' › ');
  if (field === 'rates' && typeof more[0] === 'string') {
    words.push(t(`opProgram.field.rates.${more[0]}`, { defaultValue: more[0] }));
    return words.join(' › ');
  }
  words.push(t(`opProgram.field.${String(field)}`, { defaultValue: String(field) }));
  if (field === 'tiers' && typeof more[0] === 'number') {
    const name = at(at(at(ruleSet, 'tiers'), more[0]), 'name');
    words.push(typeof name === 'string' ? name : `#${more[0] + 1}`);
    if (typeof more[1] === 'string') words.push(t(`opProgram.tiers.${more[1]}`, { defaultValue: more[1] }));
    return words.join(' › ');
  }
  if (field === 'currencyPer100' && typeof more[0] === 'string') words.push(more[0]);
  return words.join(' › ');
}
