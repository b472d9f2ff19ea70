// Walks every translation key: each English message has a Swedish and a Dutch one, none is
// empty or left in English (but for words that are the same in the language), every key a
// component asks for exists, and every placeholder of the English text is in the others.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MessageTree } from './define.ts';
import { features } from './index.ts';

/** Messages that are rightly the same in Swedish or Dutch as in English. */
const SAME_IN_ALL = new Set(
  [
    'Tierwise',
    'Partner',
    'Dashboard',
    'Team',
    'English',
    'Svenska',
    'Nederlands',
    '—',
    'MRR',
    'CRM',
    'Status',
    'Total',
    'Sourced',
    'Info',
    'Gold',
    'Platinum',
    'Diamond',
    'Elite',
    'Total MRR',
    'Product',
    'Links',
    'Stage',
    'Score',
    'Deal',
    'Definition',
    'Filters',
    'Deals',
    'Type',
    'Open',
    // Loanwords Dutch writes as English does.
    'Partners',
    'Imports',
    '1 import',
    // Swedish writes it as English does; "s" is the SI unit of seconds.
    'Problem',
    's',
    // Swedish and Dutch developer docs say webhooks too (e.g. GitHub's and Stripe's).
    'Webhooks',
    'Webhook',
    // Words Swedish shares with English (audit targets).
    'Program',
    'Data',
    'Session',
    'Import',
    // Swedish and Dutch write these as English does (a program version, a file format; Dutch "document").
    'Version',
    'Format',
    'Document',
    // Dutch product language keeps "preview".
    'Preview',
    // HubSpot's Dutch help keeps the English term (seeds: "Klik op het keuzemenu Deal type").
    'Deal type',
    // Dutch writes it as English does (van Dale: conflict, het).
    'Conflict',
    // File formats: the same name everywhere.
    'CSV',
    'XLSX Excel',
  ].map((word) => word.toLowerCase()),
);

/** Whether a message left as in English is fine: no words (numbers, signs) or the same word. */
function sameIsFine(text: string): boolean {
  const words = text
    .replace(/\{\{\w+\}\}/g, '')
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return !/\p{L}/u.test(words) || SAME_IN_ALL.has(words.toLowerCase());
}

function flatten(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const all = {
  en: flatten(Object.fromEntries(Object.entries(features).map(([n, m]) => [n, m.en]))),
  sv: flatten(Object.fromEntries(Object.entries(features).map(([n, m]) => [n, m.sv as MessageTree]))),
  nl: flatten(Object.fromEntries(Object.entries(features).map(([n, m]) => [n, m.nl as MessageTree]))),
};

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(['sv', 'nl'] as const)('the %s translation', (locale) => {
  it('has every English key, and no other', () => {
    expect([...all[locale].keys()].sort()).toEqual([...all.en.keys()].sort());
  });

  it('translates every message (nothing empty, nothing left in English)', () => {
    const untranslated = [...all.en].filter(([key, en]) => {
      const text = all[locale].get(key) ?? '';
      return text.trim() === '' || (text === en && !sameIsFine(en));
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('keeps the placeholders of each English message', () => {
    const broken = [...all.en].filter(([key, en]) => {
      return placeholders(all[locale].get(key) ?? '').join() !== placeholders(en).join();
    });
    expect(broken.map(([key]) => key)).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the components', () => {
  it('ask only for keys that exist', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1] as string;
        const exists = all.en.has(key) || all.en.has(`${key}_one`) || all.en.has(`${key}_other`);
        if (!exists) missing.push(`${file.slice(root.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
