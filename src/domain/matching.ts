// Matching a registered deal's company to known clients and other registrations (issue 14):
// domains normalised to one spelling (case, scheme, `www.`, path, port, trailing dot, IDN as
// punycode), company names to a key (accents folded, punctuation and legal forms dropped)
// compared by a Levenshtein similarity. Pure: no I/O.
import { domainToASCII } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { foldAccents } from './text.ts';

export type DomainResult = { ok: true; domain: string } | { ok: false; reason: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The registrable spelling of a domain, from what a person types or pastes: `HTTPS://www.Acme.se:443/x?y`
 * → `acme.se`, `bücher.de` → `xn--bcher-kva.de`. Not a domain (one label, a numeric top level
 * such as an IP address, a bad label): a reason instead.
 */
export function normaliseDomain(input: string): DomainResult {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // scheme
  s = s.replace(/^\/\//, '');
  s = s.split(/[/?#\\]/, 1)[0] ?? ''; // path, query, fragment
  const at = s.lastIndexOf('@'); // user info (or an e-mail address: its domain)
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/:\d*$/, ''); // port
  s = s.replace(/\.+$/, ''); // the root's trailing dot
  if (s === '') return { ok: false, reason: 'a domain such as example.com' };
  const ascii = domainToASCII(s);
  if (ascii === '')
    return { ok: false, reason: 'a domain such as example.com (this one cannot be spelled in punycode)' };
  let domain = ascii.replace(/\.+$/, '');
  while (domain.startsWith('www.')) domain = domain.slice(4);
  const labels = domain.split('.');
  if (labels.length < 2)
    return { ok: false, reason: 'a domain with at least two labels, such as example.com' };
  if (domain.length > 253) return { ok: false, reason: 'a domain of at most 253 characters' };
  if (!labels.every((l) => LABEL.test(l)))
    return { ok: false, reason: 'a domain of letters, digits and hyphens, such as example.com' };
  const top = labels[labels.length - 1]!;
  if (/^\d+$/.test(top)) return { ok: false, reason: 'a domain name, not an IP address' };
  return { ok: true, domain };
}

/** Legal forms dropped from either end of a company name (after punctuation is gone: B.V. → bv). */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // English
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'pty',
  'pte',
  // Nordic
  'ab',
  'aktiebolag',
  'aktiebolaget',
  'publ',
  'hb',
  'kb',
  'oy',
  'oyj',
  'as',
  'asa',
  'aps',
  'ehf',
  'hf',
  // Dutch and Belgian
  'bv',
  'nv',
  'vof',
  'cv',
  'bvba',
  'sprl',
  'srl',
  'vzw',
  // German, Austrian, Swiss
  'gmbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'ug',
  'ev',
  'se',
  // French, Spanish, Italian, Portuguese
  'sarl',
  'sa',
  'sas',
  'sasu',
  'eurl',
  'sl',
  'slu',
  'spa',
  'snc',
  'lda',
  // Central and Eastern Europe
  'sro',
  'spzoo',
  'zoo',
  'kft',
  'zrt',
  'doo',
  'ooo',
]);

function fold(text: string): string {
  // Lower case and folding twice: a compatibility form such as ᴭ decomposes to an upper-case
  // Æ; the second pass leaves ASCII, so the key is a fixed point.
  return foldAccents(foldAccents(text.toLowerCase()).toLowerCase());
}

/**
 * A company name's matching key: lower case, accents folded (Åkesson → akesson, Müller →
 * muller), `&` as `and`, dots and apostrophes dropped (B.V. → bv), other punctuation a space,
 * and legal forms dropped from both ends (`AB Volvo`, `De Vries B.V.`, `Müller GmbH & Co. KG`)
 * unless nothing else is left. Empty when the name has no letter or digit.
 */
export function companyNameKey(name: string): string {
  const tokens = fold(name)
    .replace(/&/g, ' and ')
    .replace(/[.'’`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  let changed = true;
  while (changed && tokens.length > 1) {
    changed = false;
    const n = tokens.length;
    if (n > 2 && tokens[n - 2] === 'and' && tokens[n - 1] === 'co') {
      tokens.splice(n - 2, 2);
      changed = true;
    } else if (LEGAL_FORMS.has(tokens[n - 1]!)) {
      tokens.pop();
      changed = true;
    } else if (LEGAL_FORMS.has(tokens[0]!)) {
      tokens.shift();
      changed = true;
    }
  }
  return tokens.join(' ');
}

/**
 * How alike two name keys are, 0 to 1: one less the Levenshtein distance over the longer
 * length, spaces ignored (`de vries` and `devries` are one name).
 */
export function nameSimilarity(a: string, b: string): number {
  const x = a.replace(/ /g, '');
  const y = b.replace(/ /g, '');
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** Whether two name keys name one company at this threshold (the program's nameSimilarity). */
export function namesMatch(a: string, b: string, threshold: number): boolean {
  const x = a.replace(/ /g, '');
  const y = b.replace(/ /g, '');
  if (x === '' || y === '') return false;
  // The distance cannot be below the length difference: most names are passed over unread.
  const longer = Math.max(x.length, y.length);
  if (1 - Math.abs(x.length - y.length) / longer < threshold) return false;
  return nameSimilarity(x, y) >= threshold;
}

/** Similarity rounded for display (three decimals). */
export function roundedSimilarity(a: string, b: string): number {
  return Math.round(nameSimilarity(a, b) * 1000) / 1000;
}
