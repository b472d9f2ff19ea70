// An import killed mid-way (SIGKILL) leaves the database exactly as before it started:
// the import is one transaction, and the embedded database recovers from its log.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows } from '../../db/client.ts';
import { createCliTarget } from '../../db/testing.ts';
import { generateDataset } from '../demo/generate.ts';
import { writeDatasetFolder } from '../demo/write-folder.ts';
import { dumpDerived, dumpFacts } from './testing.ts';

const bin = fileURLToPath(new URL('../../../bin/tierwise.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tierwise-crash-'));
let target: Awaited<ReturnType<typeof createCliTarget>>;

function tierwise(args: string[]) {
  const env = { ...process.env, ...target.env };
  if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
  return spawn(process.execPath, [bin, ...target.args, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ReturnType<typeof tierwise>): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function snapshot() {
  const database = await openDatabase(
    target.env.DATABASE_URL ? { url: target.env.DATABASE_URL, poolSize: 1 } : { dataDir: target.args[1] },
  );
  try {
    return { facts: await dumpFacts(database.db), derived: await dumpDerived(database.db) };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  target = await createCliTarget();
  const end = '2026-06-30';
  await writeDatasetFolder(
    generateDataset({ partners: 5, clients: 80, months: 12, seed: 'before', endDate: end }),
    join(root, 'small'),
  );
  await writeDatasetFolder(
    generateDataset({ partners: 300, clients: 9000, months: 36, seed: 'large', endDate: end }),
    join(root, 'large'),
  );
});
afterAll(async () => {
  await target?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('an import killed with SIGKILL', () => {
  it('leaves the database exactly as before it started', { timeout: 120_000 }, async () => {
    expect(await finished(tierwise(['import', join(root, 'small')]))).toBe(0);
    const before = await snapshot();
    expect(before.facts.mrr_changes!.length).toBeGreaterThan(0);

    const child = tierwise(['import', join(root, 'large')]);
    const exit = finished(child);
    // Long enough to be well into the transaction (the large import takes far longer).
    await new Promise((r) => setTimeout(r, 4000));
    expect(child.exitCode).toBeNull();
    if (target.env.DATABASE_URL) {
      // On the server we can see the import's open transaction before killing it (on a busy
      // machine the command may take longer than the wait above to start it).
      const database = await openDatabase({ url: target.env.DATABASE_URL, poolSize: 1 });
      let open = 0;
      for (let waited = 0; open === 0 && waited < 60_000 && child.exitCode === null; waited += 250) {
        const [row] = await rows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`,
        );
        open = row!.n;
        if (open === 0) await new Promise((r) => setTimeout(r, 250));
      }
      await database.close();
      expect(open).toBeGreaterThan(0);
    }
    child.kill('SIGKILL');
    await exit;

    expect(await snapshot()).toEqual(before);
  });
});
