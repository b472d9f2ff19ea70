// The import folder's files (DATA_AND_INTERFACES §1): one table of columns per file, from
// which the row schema, the list of required columns and the SQL types are all derived.
// A CSV column has the same name as its database column.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { isCountryCode, isCurrencyCode } from '../../domain/iso.ts';
import { formatDecimal, parseDecimal, SCALE_DIGITS } from '../../domain/money.ts';

/** How a value travels to PostgreSQL: every value is sent as text and cast in SQL. */
export type SqlType = 'text' | 'date' | 'numeric' | 'integer' | 'text[]';

/** A parsed cell: the database value, or a message saying what was expected. */
type Parsed<T> = { value: T } | { error: string };
type CellParser<T> = (text: string) => Parsed<T>;

const got = (text: string) => `got "${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
const ok = <T>(value: T): Parsed<T> => ({ value });

// ---- Cell types ---------------------------------------------------------------------------

const text: CellParser<string> = ok;

const date: CellParser<string> = (t) =>
  isIsoDate(t) ? ok(t) : { error: `expected a date as YYYY-MM-DD, ${got(t)}` };

const month: CellParser<string> = (t) =>
  /^\d{4}-\d{2}$/.test(t) && isIsoDate(`${t}-01`)
    ? ok(t)
    : { error: `expected a month as YYYY-MM, ${got(t)}` };

/** A plain non-negative decimal within the engine's range: valid as written (PostgreSQL reads it exactly). */
const PLAIN_DECIMAL = /^\d{1,11}(\.\d{1,4})?$/;

function decimal(allowNegative: boolean): CellParser<string> {
  return (t) => {
    if (PLAIN_DECIMAL.test(t)) return ok(t);
    const n = parseDecimal(t, SCALE_DIGITS);
    if (typeof n !== 'number') {
      return { error: `expected a decimal number with '.' and at most ${SCALE_DIGITS} decimals, ${got(t)}` };
    }
    if (n < 0 && !allowNegative) return { error: `must not be negative, ${got(t)}` };
    return ok(formatDecimal(n, SCALE_DIGITS));
  };
}

function wholeNumber(max?: number): CellParser<string> {
  const expected = max === undefined ? 'a whole number (0 or more)' : `a whole number from 0 to ${max}`;
  return (t) => {
    const n = /^\d{1,9}$/.test(t) ? Number(t) : Number.NaN;
    return Number.isNaN(n) || (max !== undefined && n > max)
      ? { error: `expected ${expected}, ${got(t)}` }
      : ok(String(n));
  };
}

const country: CellParser<string> = (t) =>
  isCountryCode(t) ? ok(t) : { error: `expected an ISO 3166-1 alpha-2 country code (such as US), ${got(t)}` };

const currency: CellParser<string> = (t) =>
  isCurrencyCode(t) ? ok(t) : { error: `expected an ISO 4217 currency code (such as USD), ${got(t)}` };

const email: CellParser<string> = (t) =>
  /^[^\s@]+@[^\s@]+$/.test(t) ? ok(t) : { error: `expected an email address, ${got(t)}` };

/** A `;`-separated list, sent to SQL as its normalized text and split there. */
const list: CellParser<string> = (t) =>
  ok(
    t
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .join(';'),
  );

function oneOf<const V extends string>(...values: V[]): CellParser<V> {
  return (t) =>
    (values as string[]).includes(t)
      ? ok(t as V)
      : { error: `expected one of ${values.join(', ')}, ${got(t)}` };
}

// ---- Columns --------------------------------------------------------------------------------

export interface Column<T> {
  required: boolean;
  sqlType: SqlType;
  /** Input: the cell text, or undefined when the file has no such column. */
  schema: z.ZodType<T, string | undefined>;
}

function column<T>(required: boolean, sqlType: SqlType, parse: CellParser<T>): Column<T> {
  // A bare transform: the input is always a string or undefined (see FileState.input), and
  // wrapping it in z.string().optional() cost 40 % more per row.
  const schema = z.transform((raw: unknown, ctx) => {
    const t = typeof raw === 'string' ? raw.trim() : '';
    if (t === '') {
      if (!required) return null;
      ctx.issues.push({ code: 'custom', message: 'a value is required', input: raw });
      return z.NEVER;
    }
    const r = parse(t);
    if ('error' in r) {
      ctx.issues.push({ code: 'custom', message: r.error, input: raw });
      return z.NEVER;
    }
    return r.value;
  });
  return { required, sqlType, schema: schema as unknown as z.ZodType<T, string | undefined> };
}

const req = <T>(parse: CellParser<T>, sqlType: SqlType = 'text') => column<T>(true, sqlType, parse);
const opt = <T>(parse: CellParser<T>, sqlType: SqlType = 'text') => column<T | null>(false, sqlType, parse);

// ---- Files ---------------------------------------------------------------------------------

export type Entity = 'partner' | 'client' | 'deal';

// biome-ignore lint/suspicious/noExplicitAny: a table of columns of any value type
type Columns = Record<string, Column<any>>;
type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };
export type Row = Record<string, string | null>;

export interface FileSpec<C extends Columns = Columns> {
  /** The file's name in the folder. */
  file: string;
  table: string;
  columns: C;
  /** The key the rows upsert by (DATA_AND_INTERFACES §1). */
  key: (keyof C & string)[];
  /** Columns naming a row of another file, and which. */
  refs: Partial<Record<keyof C & string, Entity>>;
  /** The entity this file defines, if others refer to it. */
  defines?: Entity;
  /** Amounts in `currency` are converted with the rule set in force on this column's date. */
  currencyOn?: (row: RowOf<C>) => string;
  /** What a changed row makes stale: its client's or its partner's derived state. */
  affects?: { client?: keyof C & string; partner?: keyof C & string };
  /** Cross-column rules, as problems keyed by column. */
  rules?: (row: RowOf<C>) => { column: string; message: string }[];
  schema: z.ZodType<Row, Record<string, string | undefined>>;
  /** The required columns, in file order. */
  required: string[];
  /** `refs` as a list. */
  refList: [column: string, entity: Entity][];
}

function fileSpec<C extends Columns>(spec: Omit<FileSpec<C>, 'schema' | 'required' | 'refList'>): FileSpec {
  const shape = Object.fromEntries(Object.entries(spec.columns).map(([name, c]) => [name, c.schema]));
  let schema: z.ZodType = z.object(shape);
  const rules = spec.rules;
  if (rules) {
    schema = (schema as z.ZodObject).superRefine((row, ctx) => {
      for (const p of rules(row as RowOf<C>))
        ctx.addIssue({ code: 'custom', path: [p.column], message: p.message });
    });
  }
  const required = Object.entries(spec.columns)
    .filter(([, c]) => c.required)
    .map(([name]) => name);
  const refList = Object.entries(spec.refs) as [string, Entity][];
  return { ...(spec as unknown as FileSpec), schema: schema as FileSpec['schema'], required, refList };
}

export const partnersFile = fileSpec({
  file: 'partners.csv',
  table: 'partners',
  columns: {
    partner_id: req(text),
    name: req(text),
    country: req(country),
    currency: req(currency),
    website: opt(text),
  },
  key: ['partner_id'],
  refs: {},
  defines: 'partner',
  affects: { partner: 'partner_id' },
});

export const clientsFile = fileSpec({
  file: 'clients.csv',
  table: 'clients',
  columns: {
    client_id: req(text),
    name: req(text),
    country: req(country),
    currency: req(currency),
    domain: opt(text),
    industry: opt(text),
    employees: opt(wholeNumber(), 'integer'),
    contact_tier: opt(text),
    email_tier: opt(text),
    account_url: opt(text),
    crm_url: opt(text),
  },
  key: ['client_id'],
  refs: {},
  defines: 'client',
  affects: { client: 'client_id' },
});

export const dealsFile = fileSpec({
  file: 'deals.csv',
  table: 'deals',
  columns: {
    deal_id: req(text),
    partner_id: req(text),
    client_id: req(text),
    type: req(oneOf('sourced', 'assisted')),
    stage: req(oneOf('open', 'closed_won', 'closed_lost')),
    created_on: req(date, 'date'),
    closed_on: opt(date, 'date'),
    amount: req(decimal(false), 'numeric'),
    currency: req(currency),
    products: opt(list, 'text[]'),
    name: opt(text),
  },
  key: ['deal_id'],
  refs: { partner_id: 'partner', client_id: 'client' },
  defines: 'deal',
  currencyOn: (row) => row.closed_on ?? row.created_on,
  // A deal that moves to another client or partner makes the old one stale too (repository).
  affects: { client: 'client_id', partner: 'partner_id' },
  rules: (row) =>
    row.stage === 'closed_won' && row.closed_on === null
      ? [{ column: 'closed_on', message: 'a closed_won deal needs its closed_on date' }]
      : [],
});

export const certificationsFile = fileSpec({
  file: 'certifications.csv',
  table: 'certifications',
  columns: {
    partner_id: req(text),
    name: req(text),
    valid_from: req(date, 'date'),
    valid_until: req(date, 'date'),
  },
  key: ['partner_id', 'name', 'valid_from'],
  refs: { partner_id: 'partner' },
  affects: { partner: 'partner_id' },
  rules: (row) =>
    row.valid_until < row.valid_from
      ? [
          {
            column: 'valid_until',
            message: `must be on or after valid_from (${row.valid_from}), got "${row.valid_until}"`,
          },
        ]
      : [],
});

export const teamFile = fileSpec({
  file: 'team.csv',
  table: 'team_contacts',
  columns: {
    partner_id: req(text),
    role: req(text),
    name: req(text),
    email: req(email),
    description: opt(text),
  },
  key: ['partner_id', 'email'],
  refs: { partner_id: 'partner' },
});

export const managementsFile = fileSpec({
  file: 'managements.csv',
  table: 'managements',
  columns: {
    partner_id: req(text),
    client_id: req(text),
    start_date: req(date, 'date'),
    end_date: opt(date, 'date'),
  },
  key: ['partner_id', 'client_id', 'start_date'],
  refs: { partner_id: 'partner', client_id: 'client' },
  affects: { client: 'client_id' },
  rules: (row) =>
    row.end_date !== null && row.end_date <= row.start_date
      ? [
          {
            column: 'end_date',
            message: `must be after start_date (${row.start_date}), got "${row.end_date}"`,
          },
        ]
      : [],
});

export const mrrChangesFile = fileSpec({
  file: 'mrr_changes.csv',
  table: 'mrr_changes',
  columns: {
    change_id: req(text),
    client_id: req(text),
    product: req(text),
    date: req(date, 'date'),
    mrr_after: req(decimal(false), 'numeric'),
    currency: req(currency),
    deal_id: opt(text),
    reason: opt(
      oneOf(
        'new',
        'cross_sell',
        'upsell',
        'downgrade',
        'churn',
        'price_change',
        'discount_change',
        'renewal',
      ),
    ),
  },
  key: ['change_id'],
  refs: { client_id: 'client', deal_id: 'deal' },
  currencyOn: (row) => row.date,
  affects: { client: 'client_id' },
});

export const renewalsFile = fileSpec({
  file: 'renewals.csv',
  table: 'renewals',
  columns: {
    client_id: req(text),
    product: req(text),
    renewal_date: req(date, 'date'),
    status: req(oneOf('pending', 'confirmed', 'renewed', 'cancellation_requested')),
    projected_mrr_change: opt(decimal(true), 'numeric'),
    renewal_manager: opt(text),
    communication_owner: opt(text),
  },
  key: ['client_id', 'product', 'renewal_date'],
  refs: { client_id: 'client' },
  affects: { client: 'client_id' },
});

export const usageFile = fileSpec({
  file: 'usage.csv',
  table: 'usage',
  columns: {
    client_id: req(text),
    month: req(month),
    tools_used: req(wholeNumber(), 'integer'),
    engagement_score: opt(wholeNumber(10), 'integer'),
    products_used: opt(list, 'text[]'),
    apps_used: opt(list, 'text[]'),
    last_active_user: opt(text),
    last_active_on: opt(date, 'date'),
  },
  key: ['client_id', 'month'],
  refs: { client_id: 'client' },
  affects: { client: 'client_id' },
});

export const paymentsFile = fileSpec({
  file: 'payments.csv',
  table: 'payments',
  columns: {
    partner_id: req(text),
    paid_on: req(date, 'date'),
    amount: req(decimal(false), 'numeric'),
    currency: req(currency),
    reference: req(text),
  },
  key: ['partner_id', 'reference'],
  refs: { partner_id: 'partner' },
  currencyOn: (row) => row.paid_on,
});

/**
 * Every file, in dependency order: a file only refers to files before it, so a row
 * depending on a rejected row is known to be rejected by the time it is read.
 */
export const IMPORT_FILES: readonly FileSpec[] = [
  partnersFile,
  clientsFile,
  dealsFile,
  certificationsFile,
  teamFile,
  managementsFile,
  mrrChangesFile,
  renewalsFile,
  usageFile,
  paymentsFile,
];
