// A program document as the editor holds it: JSON or YAML text. Parsing gives the document,
// or the first syntax error with its line and column; a problem's path ('ruleSets[2].tiers[1].total')
// is found in the text (its line) through the yaml package's node ranges, which read JSON too.
import { isMap, isSeq, LineCounter, type Node, parseDocument, stringify } from 'yaml';

export type TextFormat = 'json' | 'yaml';

export interface SyntaxProblem {
  line: number;
  column: number;
  /** The parser's own words (English, as the browser or the yaml package says it). */
  message: string;
}

export type Parsed = { ok: true; document: unknown } | { ok: false; error: SyntaxProblem };

/** The keys of each record of a program file in the order PROGRAM_RULES §2 writes them. */
const FILE_ORDER: Record<string, readonly string[]> = {
  '': ['name', 'baseCurrency', 'ruleSets', 'tierReview', 'commission', 'renewals'],
  ruleSets: [
    'id',
    'effectiveFrom',
    'rates',
    'growthMultiplier',
    'currencyPer100',
    'growthMarkets',
    'soldPointsLifetimeMonths',
    'sellerMinimumCounts',
    'certificationRequired',
    'tiers',
  ],
  rates: ['sourced', 'assisted', 'managed'],
  tiers: ['id', 'name', 'total', 'sellerMinimum', 'managedMinimum'],
  tierReview: ['reviewDays', 'windowMonths', 'protectionMonths'],
  commission: ['rate', 'months', 'dealTypes', 'payout', 'payoutLagDays'],
  renewals: ['horizonDays', 'decisionLeadDays'],
};

/**
 * The document with its records' keys in the program file's order (the database keeps JSON
 * with its keys reordered); unknown keys follow in their own order. Values are unchanged.
 */
export function inFileOrder(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => inFileOrder(item, key));
  if (typeof value !== 'object' || value === null) return value;
  const order = FILE_ORDER[key];
  const record = value as Record<string, unknown>;
  if (!order) return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inFileOrder(v, k)]));
  const keys = [
    ...order.filter((k) => k in record),
    ...Object.keys(record).filter((k) => !order.includes(k)),
  ];
  return Object.fromEntries(keys.map((k) => [k, inFileOrder(record[k], k)]));
}

export function serialize(document: unknown, format: TextFormat): string {
  const ordered = inFileOrder(document);
  if (format === 'json') return `${prettyJson(ordered, '')}\n`;
  return stringify(ordered, { lineWidth: 0 });
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/** JSON indented by two spaces, with a list of plain values (growth markets, review days) on one line. */
function prettyJson(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function parseText(text: string, format: TextFormat): Parsed {
  if (format === 'json') {
    try {
      return { ok: true, document: JSON.parse(text) };
    } catch (e) {
      const at = jsonErrorOffset(text);
      const { line, column } = lineAndColumn(text, at);
      return { ok: false, error: { line, column, message: (e as Error).message } };
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    return {
      ok: false,
      error: {
        line: pos?.line ?? 1,
        column: pos?.col ?? 1,
        message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      },
    };
  }
  return { ok: true, document: doc.toJS() ?? null };
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** 'ruleSets[2].tiers[1].total' → ['ruleSets', 2, 'tiers', 1, 'total']; '' → []. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(match[1]!);
  }
  return keys;
}

/**
 * The line of a path in the text: its node, or the nearest parent that exists (a missing key
 * points at the record that lacks it). Undefined when the text does not parse.
 */
export function lineOfPath(text: string, path: string): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let found: Node | null = doc.contents;
  for (const key of pathKeys(path)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = pair.value;
      if (pair.key && (pair.key as Node).range) found = pair.key as Node;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      found = node as Node;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** The offset where a JSON text first stops being JSON (JSON.parse in some engines does not say). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      const ch = text[i]!;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail();
          i += 4;
        } else if (!esc || !'"\\/bfnrt'.includes(esc)) fail();
      }
      i++;
    }
    if (text[i] !== '"') fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (at) {
    if (typeof at !== 'number') throw at;
    return Math.min(at, text.length);
  }
}
