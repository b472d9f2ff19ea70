// `tierwise program what-if`, `versions`, `diff`, end to end in-process: the what-if's after
// of every partner is what `tierwise points` says once the same file is loaded with
// `tierwise program load`, and its before what `points` said until then.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../domain/default-program.ts';
import { cliHarness } from './testing.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierwise-cli-program-'));
const TODAY = '2026-06-30';

const cli = cliHarness(TODAY);
const run = cli.run;

beforeAll(async () => {
  await cli.open();
  const demo = await run(
    'demo',
    '--partners',
    '8',
    '--clients',
    '160',
    '--months',
    '30',
    '--seed',
    'w1',
    '--json',
  );
  expect(demo.code, demo.err).toBe(0);
}, 120_000);
afterAll(async () => {
  await cli.close();
  rmSync(scratch, { recursive: true, force: true });
});

type Standing = Record<string, unknown>;
interface WhatIf {
  on: string;
  partners: { partnerId: string; before: Standing; after: Standing }[];
  tiers: { before: Record<string, number>; after: Record<string, number> };
}

async function pointsOf(partnerId: string): Promise<Standing> {
  const { code, out } = await run('points', partnerId, '--on', TODAY, '--json');
  expect(code).toBe(0);
  const { partnerId: _, on: __, ...standing } = JSON.parse(out);
  return standing;
}

describe('tierwise program', () => {
  it('what-if: before is points today, after is points once the file is loaded', {
    timeout: 120_000,
  }, async () => {
    const document = structuredClone(exampleProgramFile) as {
      ruleSets: { tiers?: { total: number; sellerMinimum: number; managedMinimum: number }[] }[];
    };
    for (const r of document.ruleSets) for (const tier of r.tiers ?? []) tier.total /= 2;
    const file = join(scratch, 'easier.json');
    writeFileSync(file, JSON.stringify(document));

    const asked = await run('program', 'what-if', file, '--on', TODAY, '--json');
    expect(asked.err).toBe('');
    expect(asked.code).toBe(0);
    const result = JSON.parse(asked.out) as WhatIf;
    expect(Object.keys(result)).toEqual(['on', 'partners', 'tiers']);
    expect(result.on).toBe(TODAY);
    expect(result.partners).toHaveLength(8);
    for (const p of result.partners) {
      expect(Object.keys(p)).toEqual(['partnerId', 'before', 'after']);
      expect(p.before, p.partnerId).toEqual(await pointsOf(p.partnerId));
    }
    expect(result.partners.some((p) => p.before.credited !== p.after.credited)).toBe(true);

    const loaded = await run('program', 'load', file, '--json');
    expect(loaded.code, loaded.err).toBe(0);
    for (const p of result.partners) expect(await pointsOf(p.partnerId), p.partnerId).toEqual(p.after);

    const text = await run('program', 'what-if', file);
    expect(text.out).toMatch(/^On 2026-06-30, 0 of 8 partners change under /);
  });

  it('lists the versions and the difference between two', async () => {
    const versions = JSON.parse((await run('program', 'versions', '--json')).out);
    expect(versions[0]).toMatchObject({
      version: 1,
      current: true,
      publishedBy: { userId: null, email: null },
    });
    const diff = await run('program', 'diff', '0', '1', '--json');
    expect(diff.code, diff.err).toBe(0);
    const { changes } = JSON.parse(diff.out);
    expect(changes).toContainEqual({
      path: 'ruleSets[0].tiers[0].total',
      change: 'changed',
      before: 600,
      after: 300,
    });
    expect(changes.every((c: { path: string }) => /\.total$/.test(c.path))).toBe(true);
  });

  it('refuses a bad file with every problem and a bad version as a usage error', async () => {
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', ruleSets: [] }));
    const bad = await run('program', 'what-if', file, '--json');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.json is not a valid program/);
    const usage = await run('program', 'diff', 'one', '2');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/A: "one" is not a version number/);
    const missing = await run('program', 'diff', '0', '9', '--json');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no program version 9/);
  });
});
