// `tierwise export` end to end in-process on a generated demo: the files read back (csv-parse,
// exceljs) hold the rows the reports promise, a point-changes export sums to what
// `tierwise changes` says, and a refused export names the flag and leaves files alone.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from './testing.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierwise-cli-export-'));
const TODAY = '2026-06-30';
const FROM = '2025-07-01';

const csvFile = (file: string) =>
  parse(readFileSync(file).subarray(3), { columns: true }) as Record<string, string>[];
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

let partnerIds: string[];

const cli = cliHarness(TODAY);
const run = cli.run;

beforeAll(async () => {
  await cli.open();
  const demo = await run(
    'demo',
    '--partners',
    '6',
    '--clients',
    '120',
    '--months',
    '30',
    '--seed',
    'x1',
    '--json',
  );
  expect(demo.code, demo.err).toBe(0);
  const partners = await run('partners', '--json');
  partnerIds = (JSON.parse(partners.out) as { partnerId: string }[]).map((p) => p.partnerId);
}, 120_000);
afterAll(async () => {
  await cli.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('tierwise export', () => {
  it('writes every partner, or one, as CSV and XLSX with the same rows', async () => {
    const all = join(scratch, 'all.csv');
    const r = await run('export', 'sold-entries', '--out', all, '--json');
    expect(r.code, r.err).toBe(0);
    const rowsAll = csvFile(all);
    expect(JSON.parse(r.out)).toMatchObject({ report: 'sold-entries', format: 'csv', rows: rowsAll.length });
    expect(new Set(rowsAll.map((x) => x.partner_id)).size).toBeGreaterThan(1);

    const id = partnerIds[0]!;
    const one = join(scratch, 'one.xlsx');
    const x = await run(
      'export',
      'sold-entries',
      '--format',
      'xlsx',
      '--partner',
      id,
      '--out',
      one,
      '--json',
    );
    expect(x.code, x.err).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(one);
    const sheet = workbook.worksheets[0]!;
    const expected = rowsAll.filter((row) => row.partner_id === id);
    expect(sheet.rowCount - 1).toBe(expected.length);
    expect(JSON.parse(x.out).rows).toBe(expected.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const points: number[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) points.push(row.getCell(header.indexOf('points') + 1).value as number);
    });
    expect(sum(points)).toBe(sum(expected.map((e) => Number(e.points))));
    // No temporary file is left beside the output.
    expect(readdirSync(scratch).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it("writes one client's sold entries with --client", async () => {
    const all = join(scratch, 'every.csv');
    expect((await run('export', 'sold-entries', '--out', all)).code).toBe(0);
    const rowsAll = csvFile(all);
    const { partner_id: partner, client_id: client } = rowsAll[0]!;
    const file = join(scratch, 'client.csv');
    const r = await run('export', 'sold-entries', '--partner', partner!, '--client', client!, '--out', file);
    expect(r.code, r.err).toBe(0);
    const expected = rowsAll.filter((row) => row.partner_id === partner && row.client_id === client);
    expect(expected.length).toBeGreaterThan(0);
    expect(csvFile(file)).toEqual(expected);
  });

  it('sums a point-changes export to the figure of tierwise changes, metric by metric', async () => {
    let nonZero = 0;
    for (const id of partnerIds.slice(0, 3)) {
      const changes = JSON.parse(
        (await run('changes', id, '--from', FROM, '--to', TODAY, '--json')).out,
      ) as Record<string, number>;
      const metrics: Record<string, string> = {
        'new-sold': 'newSold',
        'increased-sold': 'increasedSold',
        'expired-sold': 'expiredSold',
        'decreased-sold': 'decreasedSold',
        'declined-sold': 'declinedSold',
        'new-managed': 'newManaged',
        'lost-managed': 'lostManaged',
      };
      for (const [metric, figure] of Object.entries(metrics)) {
        const file = join(scratch, `${id}-${metric}.csv`);
        const r = await run(
          'export',
          'point-changes',
          '--partner',
          id,
          '--metric',
          metric,
          '--from',
          FROM,
          '--to',
          TODAY,
          '--out',
          file,
        );
        expect(r.code, r.err).toBe(0);
        expect(sum(csvFile(file).map((row) => Number(row.points))), `${id} ${metric}`).toBe(changes[figure]);
        if (changes[figure] !== 0) nonZero += 1;
      }
    }
    expect(nonZero).toBeGreaterThanOrEqual(6);
  });

  it('refuses a bad request naming the flag, and leaves an existing file as it was', async () => {
    const file = join(scratch, 'kept.csv');
    writeFileSync(file, 'mine');
    const cases: [string[], string][] = [
      [['export', 'nonsense', '--out', file], 'REPORT'],
      [['export', 'sold-entries', '--format', 'pdf', '--out', file], '--format'],
      [['export', 'point-changes', '--metric', 'won', '--out', file], '--metric'],
      [['export', 'point-changes', '--from', '2026-05-02', '--to', '2026-05-01', '--out', file], '--from'],
      [['export', 'sold-entries', '--partner', 'P-NOPE', '--out', file], '--partner'],
      [['export', 'sold-entries', '--partner', 'PARTNER', '--client', 'C-NOPE', '--out', file], '--client'],
      [['export', 'clients', '--client', 'C-NOPE', '--out', file], '--client'],
      [['export', 'clients', '--relationship', 'friends', '--out', file], '--relationship'],
      [['export', 'sold-entries', '--search', 'abc', '--out', file], '--search'],
    ];
    for (const [template, flag] of cases) {
      const argv = template.map((arg) => (arg === 'PARTNER' ? partnerIds[0]! : arg));
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(flag);
    }
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(existsSync(join(scratch, '.kept.csv.partial'))).toBe(false);
  });
});
