// tierwise backup / restore end to end on the suite's database kind: a restore into a fresh
// database answers the same partners, points and point changes; a database that holds data
// is refused without --force; a damaged or foreign file changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliTarget } from '../db/testing.ts';
import { main } from './main.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tierwise-backup-test-'));
type Target = Awaited<ReturnType<typeof createCliTarget>>;
let source: Target;
let fresh: Target;
const saved = process.env.DATABASE_URL;

async function run(target: Target, ...argv: string[]) {
  if (target.env.DATABASE_URL) process.env.DATABASE_URL = target.env.DATABASE_URL;
  else delete process.env.DATABASE_URL;
  let out = '';
  let err = '';
  const code = await main([...target.args, ...argv], {
    io: { out: (s) => void (out += s), err: (s) => void (err += s) },
    today: () => '2026-06-30',
  });
  return { code, out, err };
}

async function figures(target: Target) {
  const partners = JSON.parse((await run(target, 'partners', '--json')).out) as { partnerId: string }[];
  const each = [];
  for (const { partnerId } of partners) {
    each.push({
      points: JSON.parse((await run(target, 'points', partnerId, '--on', '2026-06-30', '--json')).out),
      changes: JSON.parse(
        (await run(target, 'changes', partnerId, '--from', '2025-01-01', '--to', '2026-06-30', '--json')).out,
      ),
    });
  }
  return { partners, each };
}

beforeAll(async () => {
  source = await createCliTarget();
  fresh = await createCliTarget();
  const demo = await run(
    source,
    'demo',
    '--partners',
    '4',
    '--clients',
    '40',
    '--months',
    '12',
    '--seed',
    'b1',
    '--json',
  );
  expect(demo.code, demo.err).toBe(0);
});
afterAll(async () => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  await source.cleanup();
  await fresh.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('tierwise backup and restore', () => {
  const file = join(scratch, 'backup.zip');

  it('restores into a fresh database with the same partners, points and changes', async () => {
    const before = await figures(source);
    expect(before.partners).toHaveLength(4);
    const backup = await run(source, 'backup', '--out', file, '--json');
    expect(backup.code, backup.err).toBe(0);
    const written = JSON.parse(backup.out);
    expect(written.schemaVersion).toBeGreaterThan(0);
    expect(written.database).toBe(saved ? 'postgres' : 'pglite');
    expect(written.tierwiseVersion).toMatch(/^\d+\.\d+\.\d+/);

    const restored = await run(fresh, 'restore', file, '--yes');
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('Restored');
    expect(await figures(fresh)).toEqual(before);
  });

  it('refuses a database that holds data without --force, and replaces it with --force', async () => {
    const refused = await run(source, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('not empty');
    expect(refused.err).toContain('--force');
    const forced = await run(source, 'restore', file, '--force', '--yes');
    expect(forced.code, forced.err).toBe(0);
    expect((await figures(source)).partners).toHaveLength(4);
  });

  it('refuses a damaged, foreign or newer file with a clear message and changes nothing', async () => {
    const before = await figures(fresh);
    const damaged = join(scratch, 'damaged.zip');
    writeFileSync(damaged, readFileSync(file).subarray(0, 200));
    const foreign = join(scratch, 'foreign.zip');
    writeFileSync(foreign, zipSync({ 'readme.txt': strToU8('hello') }));
    const newer = join(scratch, 'newer.zip');
    const manifest = JSON.parse(
      (await run(source, 'backup', '--out', join(scratch, 'b2.zip'), '--json')).out,
    );
    writeFileSync(
      newer,
      zipSync({
        'manifest.json': strToU8(
          JSON.stringify({ ...manifest, schemaVersion: 999, file: undefined, size: undefined }),
        ),
        [manifest.payload]: new Uint8Array([1, 2, 3]),
      }),
    );
    const answers = {
      damaged: await run(fresh, 'restore', damaged, '--force', '--yes'),
      foreign: await run(fresh, 'restore', foreign, '--force', '--yes'),
      newer: await run(fresh, 'restore', newer, '--force', '--yes'),
    };
    expect(answers.damaged.err).toMatch(/damaged\.zip is not a Tierwise backup: not a readable zip/);
    expect(answers.foreign.err).toMatch(/foreign\.zip is not a Tierwise backup: it has no manifest\.json/);
    expect(answers.newer.err).toMatch(/newer Tierwise \(schema version 999.*upgrade Tierwise first/);
    for (const answer of Object.values(answers)) expect(answer.code).toBe(1);
    expect(await figures(fresh)).toEqual(before);
  });
});
