// The data commands end to end, in-process: demo → partners → points → changes → rebuild,
// and a refused import that leaves the database as it was.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from './testing.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierwise-cli-files-'));

const cli = cliHarness('2026-06-30');
const run = cli.run;

beforeAll(async () => {
  await cli.open();
});
afterAll(async () => {
  await cli.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('tierwise data commands', () => {
  it('loads demo data and answers partners, points and changes from the database', async () => {
    const demo = await run(
      'demo',
      '--partners',
      '6',
      '--clients',
      '120',
      '--months',
      '18',
      '--seed',
      's1',
      '--json',
    );
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    const imported = JSON.parse(demo.out);
    expect(imported.ok).toBe(true);
    expect(imported.files['mrr_changes.csv'].inserted).toBeGreaterThan(0);
    expect(imported.partnersRecomputed).toBeGreaterThan(0);

    const list = await run('partners', '--json');
    const partners = JSON.parse(list.out) as { partnerId: string; total: number; credited: string | null }[];
    expect(partners).toHaveLength(6);
    const biggest = partners.reduce((a, b) => (b.total > a.total ? b : a));
    expect(biggest.total).toBeGreaterThan(0);

    const points = JSON.parse((await run('points', biggest.partnerId, '--on', '2026-06-30', '--json')).out);
    expect(Object.keys(points)).toEqual([
      'partnerId',
      'on',
      'sourced',
      'assisted',
      'sold',
      'managed',
      'total',
      'performance',
      'credited',
    ]);
    // The derived state written by the import and the engine's answer agree.
    expect(points.total).toBe(biggest.total);
    expect(points.credited).toBe(biggest.credited);
    expect(points.sold).toBe(points.sourced + points.assisted);

    const changes = JSON.parse(
      (await run('changes', biggest.partnerId, '--from', '2026-01-01', '--to', '2026-06-30', '--json')).out,
    );
    expect(Object.keys(changes)).toEqual([
      'partnerId',
      'from',
      'to',
      'newSold',
      'increasedSold',
      'expiredSold',
      'decreasedSold',
      'declinedSold',
      'newManaged',
      'lostManaged',
    ]);
    for (const v of Object.values(changes).slice(3)) expect(v).toBeGreaterThanOrEqual(0);

    const rebuilt = await run('rebuild', '--json');
    expect(rebuilt.code).toBe(0);
    const after = JSON.parse((await run('partners', '--json')).out);
    expect(after).toEqual(partners);
  });

  it('refuses a bad import with every problem and exit 1, and keeps what was stored', async () => {
    const before = (await run('partners', '--json')).out;
    const dir = join(scratch, 'bad');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'partners.csv'),
      'partner_id,name,country,currency\nPX,New Partner,SE,SEK\nPY,Bad Partner,XX,SEK\n',
    );
    writeFileSync(join(dir, 'clients.csv'), 'client_id,name,country,currency\nCX,Client,SE,XYZ\n');
    const r = await run('import', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/partners\.csv:3: country: /);
    expect(r.err).toMatch(/clients\.csv:2: currency: /);
    expect((await run('partners', '--json')).out).toBe(before);
  });

  it('names a missing folder and a bad date as usage errors', async () => {
    expect((await run('import', join(scratch, 'nope'))).code).toBe(2);
    const bad = await run('points', 'P1', '--on', '2025-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--on');
  });
});
