import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { type ImportOptions, type ImportResult, importFolder } from './service.ts';
import { dumpFacts, emptyFacts, removeFolders, VALID_FOLDER, writeFolder } from './testing.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  removeFolders();
});
beforeEach(async () => {
  await emptyFacts(database.db);
});

const ASOF = '2025-12-31';

function run(
  files: Record<string, string | Buffer>,
  options: Partial<ImportOptions> = {},
): Promise<ImportResult> {
  return importFolder(database.db, { dir: writeFolder(files), program, asOf: ASOF, ...options });
}

/** The valid folder with some files replaced (a null removes the file). */
function folder(changes: Record<string, string | Buffer | null> = {}): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = { ...VALID_FOLDER };
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) delete out[name];
    else out[name] = content;
  }
  return out;
}

async function problems(files: Record<string, string | Buffer>): Promise<string[]> {
  const result = await run(files);
  if (result.ok) throw new Error('expected the import to be refused');
  // Refused means nothing written.
  expect(Object.values(await dumpFacts(database.db)).flat()).toEqual([]);
  return result.problems;
}

const MRR_HEADER = 'change_id,client_id,product,date,mrr_after,currency,deal_id,reason\n';

describe('importFolder: a valid folder', () => {
  it('imports every file and recomputes the partners', async () => {
    const result = await run(folder());
    expect(result).toMatchObject({ ok: true, partnersRecomputed: 2, rejectsFile: null });
    if (!result.ok) return;
    expect(result.files['mrr_changes.csv']).toEqual({
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(Object.keys(result.files)).toHaveLength(10);
    const facts = await dumpFacts(database.db);
    expect(facts.deals).toEqual([
      expect.objectContaining({
        deal_id: 'D1',
        amount: '1000.0000',
        products: ['Marketing Hub', 'Sales Hub'],
      }),
      expect.objectContaining({
        deal_id: 'D2',
        closed_on: null,
        amount: '500.5000',
        products: [],
        name: null,
      }),
    ]);
    expect(facts.usage).toEqual([
      expect.objectContaining({
        tools_used: 7,
        engagement_score: 8,
        products_used: ['Marketing Hub', 'Sales Hub'],
      }),
    ]);
    expect(facts.renewals).toEqual([expect.objectContaining({ projected_mrr_change: '-100.0000' })]);
    const state = await rows<{ partner_id: string }>(
      database.db,
      sql`select partner_id from partner_state order by 1`,
    );
    expect(state.map((r) => r.partner_id)).toEqual(['P1', 'P2']);
  });

  it('accepts a header-only file, a UTF-8 byte-order mark, unknown columns and CRLF line ends', async () => {
    const result = await run(
      folder({
        'payments.csv': 'partner_id,paid_on,amount,currency,reference\n',
        'partners.csv':
          '\uFEFFpartner_id,name,country,currency,notes\r\nP1,Alpha,US,USD,ignored\r\nP2,Beta,DE,EUR,\r\n',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files['payments.csv']).toEqual({
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect((await dumpFacts(database.db)).partners).toEqual([
      { partner_id: 'P1', name: 'Alpha', country: 'US', currency: 'USD', website: null },
      { partner_id: 'P2', name: 'Beta', country: 'DE', currency: 'EUR', website: null },
    ]);
  });

  it('resolves references to rows already in the database', async () => {
    expect((await run(folder({ 'mrr_changes.csv': null }))).ok).toBe(true);
    const result = await run({ 'mrr_changes.csv': VALID_FOLDER['mrr_changes.csv']! });
    expect(result).toMatchObject({ ok: true, partnersRecomputed: 2 });
  });
});

describe('importFolder: invalid rows refuse the import', () => {
  it('reports a bad date with its file, line and column', async () => {
    const mrr = `${MRR_HEADER}M1,C1,Marketing Hub,2025-01-20,1000,USD,D1,new\nM2,C2,Sales Hub,2025-02-30,400,EUR,,new\n`;
    expect(await problems(folder({ 'mrr_changes.csv': mrr }))).toEqual([
      'mrr_changes.csv:3: date: expected a date as YYYY-MM-DD, got "2025-02-30"',
    ]);
  });

  it('reports a currency that is not ISO 4217, and one missing from the program', async () => {
    const clients =
      'client_id,name,country,currency\nC1,Acme,US,USD\nC2,Bravo GmbH,DE,EUR\nC3,Zed,CH,CHF\nC4,Bad,US,ABC\n';
    expect(await problems(folder({ 'clients.csv': clients }))).toEqual([
      'clients.csv:4: currency: CHF is in no currency table (currencyPer100) of the program',
      'clients.csv:5: currency: expected an ISO 4217 currency code (such as USD), got "ABC"',
    ]);
  });

  it('reports an amount in a currency the rule set of its date does not list', async () => {
    const partners = 'partner_id,name,country,currency\nP1,Alpha,US,USD\nP2,Beta,DE,EUR\n';
    const payments = 'partner_id,paid_on,amount,currency,reference\nP1,2025-05-15,200,NZD,PAY-1\n';
    expect(await problems(folder({ 'partners.csv': partners, 'payments.csv': payments }))).toEqual([
      'payments.csv:2: currency: NZD is not in the currency table (currencyPer100) of rule set 2024-02, in force on 2025-05-15',
    ]);
  });

  it('reports a negative MRR (a negative projected change is fine)', async () => {
    const mrr = `${MRR_HEADER}M1,C1,Marketing Hub,2025-01-20,-5,USD,D1,new\n`;
    expect(await problems(folder({ 'mrr_changes.csv': mrr }))).toEqual([
      'mrr_changes.csv:2: mrr_after: must not be negative, got "-5"',
    ]);
  });

  it('reports decimals with a comma or more than 4 decimals, and bad enums and integers', async () => {
    const deals =
      'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency\n' +
      'D1,P1,C1,sourced,closed_won,2025-01-05,2025-01-20,"1000,5",USD\n' +
      'D2,P2,C2,referral,won,2025-02-01,,1.00001,EUR\n';
    const usage = 'client_id,month,tools_used,engagement_score\nC1,2025-13,-1,11\n';
    expect(
      await problems(folder({ 'deals.csv': deals, 'usage.csv': usage, 'mrr_changes.csv': null })),
    ).toEqual([
      `deals.csv:2: amount: expected a decimal number with '.' and at most 4 decimals, got "1000,5"`,
      'deals.csv:3: type: expected one of sourced, assisted, got "referral"',
      'deals.csv:3: stage: expected one of open, closed_won, closed_lost, got "won"',
      `deals.csv:3: amount: expected a decimal number with '.' and at most 4 decimals, got "1.00001"`,
      'usage.csv:2: month: expected a month as YYYY-MM, got "2025-13"',
      'usage.csv:2: tools_used: expected a whole number (0 or more), got "-1"',
      'usage.csv:2: engagement_score: expected a whole number from 0 to 10, got "11"',
    ]);
  });

  it('reports rules across columns', async () => {
    const deals =
      'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency\n' +
      'D1,P1,C1,sourced,closed_won,2025-01-05,,1000,USD\n';
    const certifications = 'partner_id,name,valid_from,valid_until\nP1,Solutions,2024-01-01,2023-12-31\n';
    const managements = 'partner_id,client_id,start_date,end_date\nP2,C2,2025-02-01,2025-02-01\n';
    expect(
      await problems(
        folder({ 'deals.csv': deals, 'certifications.csv': certifications, 'managements.csv': managements }),
      ),
    ).toEqual([
      'deals.csv:2: closed_on: a closed_won deal needs its closed_on date',
      'certifications.csv:2: valid_until: must be on or after valid_from (2024-01-01), got "2023-12-31"',
      'managements.csv:2: end_date: must be after start_date (2025-02-01), got "2025-02-01"',
    ]);
  });

  it('reports a duplicate key inside one file, naming both lines', async () => {
    const team =
      'partner_id,role,name,email\nP1,owner,Ann,ann@alpha.example\nP1,sales,Bo,bo@alpha.example\nP1,admin,Ann B,ann@alpha.example\n';
    expect(await problems(folder({ 'team.csv': team }))).toEqual([
      'team.csv:4: partner_id+email: duplicate key P1 + ann@alpha.example, first seen on line 2',
    ]);
  });

  it('reports a deal naming an unknown partner, and references that do not fit', async () => {
    const deals =
      'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency\n' +
      'D1,P1,C1,sourced,closed_won,2025-01-05,2025-01-20,1000,USD\n' +
      'D2,P9,C2,assisted,open,2025-02-01,,500,EUR\n';
    const mrr = `${MRR_HEADER}M1,C1,Marketing Hub,2025-01-20,1000,EUR,D1,new\nM2,C2,Sales Hub,2025-02-10,400,EUR,D1,new\n`;
    expect(await problems(folder({ 'deals.csv': deals, 'mrr_changes.csv': mrr }))).toEqual([
      'deals.csv:3: partner_id: unknown partner "P9" (neither in the database nor in this import)',
      'mrr_changes.csv:2: currency: must be the currency of client C1 (USD), got "EUR"',
      'mrr_changes.csv:3: deal_id: deal D1 belongs to client C1, not to C2',
    ]);
  });

  it('reports a missing required column by name, and a missing value', async () => {
    const clients = 'client_id,name,country\nC1,Acme,US\n';
    const partners = 'partner_id,name,country,currency\nP1,,US,USD\nP2,Beta,DE,EUR\n';
    const result = await problems(folder({ 'clients.csv': clients, 'partners.csv': partners }));
    expect(result.slice(0, 2)).toEqual([
      'partners.csv:2: name: a value is required',
      'clients.csv:1: currency: missing required column "currency"',
    ]);
    // The rows naming clients of the unreadable file are not reported on their own.
    expect(result).toHaveLength(2);
  });

  it('reports a truncated file: an unterminated quote, or a last row cut short', async () => {
    const clients = 'client_id,name,country,currency\nC1,Acme,US,USD\nC2,"Bravo GmbH,DE,EUR\n';
    expect(await problems(folder({ 'clients.csv': clients }))).toEqual([
      'clients.csv:3: (file): a quoted value is not closed before the end of the file (the file may be truncated)',
    ]);
    const mrr = `${MRR_HEADER}M1,C1,Marketing Hub,2025-01-20,1000,USD,D1,new\nM2,C2,Sales H`;
    expect(await problems(folder({ 'mrr_changes.csv': mrr }))).toEqual([
      'mrr_changes.csv:3: (row): has 3 values but the header has 8 columns (is the row cut short?)',
      'mrr_changes.csv:3: date: a value is required',
      'mrr_changes.csv:3: mrr_after: a value is required',
      'mrr_changes.csv:3: currency: a value is required',
    ]);
  });

  it('refuses files in another encoding, naming the file and line', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(VALID_FOLDER['partners.csv']!, 'utf16le'),
    ]);
    const latin1 = Buffer.from(
      'client_id,name,country,currency\nC1,Acme,US,USD\nC2,M\u00fcller GmbH,DE,EUR\n',
      'latin1',
    );
    expect(await problems(folder({ 'partners.csv': utf16, 'clients.csv': latin1 }))).toEqual([
      'partners.csv:1: (file): file is not UTF-8 (found a UTF-16 byte-order mark); save it as UTF-8',
      'clients.csv:3: (file): file is not UTF-8: byte 0xFC is not valid UTF-8 (Latin-1 or Windows-1252 text?); save it as UTF-8',
    ]);
  });

  it('reports an empty file', async () => {
    expect(await problems(folder({ 'renewals.csv': '' }))).toEqual([
      'renewals.csv:1: (file): file is empty (expected a header row)',
    ]);
  });

  it('counts physical lines across quoted line breaks', async () => {
    const clients = 'client_id,name,country,currency\nC1,"Acme\nLine two",US,USD\n\nC2,Bravo,DE,XX\n';
    expect(await problems(folder({ 'clients.csv': clients }))).toEqual([
      'clients.csv:5: currency: expected an ISO 4217 currency code (such as USD), got "XX"',
    ]);
  });

  it('lists every problem at once and leaves an earlier import intact', async () => {
    expect((await run(folder())).ok).toBe(true);
    const before = await dumpFacts(database.db, { withRowVersions: true });
    const partners = `${VALID_FOLDER['partners.csv']}P3,Gamma,XX,USD,\n`;
    const mrr = `${VALID_FOLDER['mrr_changes.csv']}M4,C1,Marketing Hub,2025-07-01,abc,USD,,upsell\n`;
    const clients = 'client_id,name,country,currency\nC1,Acme Renamed,US,USD\nC2,Bravo GmbH,DE,EUR\n';
    const result = await run(
      folder({ 'partners.csv': partners, 'clients.csv': clients, 'mrr_changes.csv': mrr }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'partners.csv:4: country: expected an ISO 3166-1 alpha-2 country code (such as US), got "XX"',
        `mrr_changes.csv:5: mrr_after: expected a decimal number with '.' and at most 4 decimals, got "abc"`,
      ],
    });
    expect(await dumpFacts(database.db, { withRowVersions: true })).toEqual(before);
  });
});
