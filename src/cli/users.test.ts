import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../core/clock.ts';
import type { Database } from '../db/client.ts';
import { partners, users } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing.ts';
import { verifyPassword } from '../features/auth/password.ts';
import { testConfig } from '../server/testing.ts';
import { addUser, formatCreated } from './commands/users.ts';
import { main } from './main.ts';

let database: Database;
const deps = () => ({
  db: database.db,
  config: testConfig({ baseUrl: 'https://partners.example.com' }),
  clock: manualClock('2025-08-01T09:00:00Z'),
});

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insert(partners)
    .values({ partnerId: 'P1', name: 'Partner P1', country: 'SE', currency: 'SEK' });
});
afterAll(() => database.close());

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    io: { out: (s) => void (out += s), err: (s) => void (err += s) },
    today: () => '2025-08-01',
  });
  return { code, out, err };
}

describe('tierwise users add', () => {
  it('creates a user and prints a one-time set-password link on the configured base URL', async () => {
    const created = await addUser(deps(), {
      email: 'Admin@P1.example',
      role: 'partner-admin',
      partnerId: 'P1',
    });
    expect(created.user).toMatchObject({ email: 'admin@p1.example', role: 'partner-admin', partnerId: 'P1' });
    expect(created.setPasswordLink!.url).toMatch(
      /^https:\/\/partners\.example\.com\/set-password\?token=twp_/,
    );
    expect(formatCreated(created)).toContain(
      'One-time set-password link (works once, valid until 2025-08-08T09:00:00.000Z)',
    );
  });

  it('sets the password read from standard input (without its final newline)', async () => {
    const created = await addUser(deps(), {
      email: 'ops@vendor.example',
      role: 'operator',
      stdin: 'a long enough password\n',
    });
    expect(created.setPasswordLink).toBeNull();
    const [row] = await database.db.select().from(users).where(eq(users.id, created.user.id));
    expect(await verifyPassword('a long enough password', row!.passwordHash!)).toBe(true);
  });

  it('explains refusals by field', async () => {
    await expect(
      addUser(deps(), { email: 'x@p9.example', role: 'partner-user', partnerId: 'P9' }),
    ).rejects.toThrow('partnerId: no partner P9');
    await expect(
      addUser(deps(), { email: 'short@vendor.example', role: 'operator', stdin: 'short\n' }),
    ).rejects.toThrow(/password: must be 12 to 256 characters/);
    await expect(
      addUser(deps(), { email: 'ADMIN@p1.example', role: 'partner-user', partnerId: 'P1' }),
    ).rejects.toThrow(/exists already/);
  });

  it('reports bad flags as usage errors (exit 2), naming each flag', async () => {
    const r = await run(['users', 'add', '--email', 'nope', '--role', 'king', '--partner', 'P1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--email: expected an email address, got nope');
    expect(r.err).toContain('--role: expected operator, partner-admin, partner-user, got king');
    const operator = await run([
      'users',
      'add',
      '--email',
      'a@b.example',
      '--role',
      'operator',
      '--partner',
      'P1',
    ]);
    expect(operator.code).toBe(2);
    expect(operator.err).toContain('--partner: an operator belongs to no partner');
    const missing = await run(['users', 'add', '--email', 'a@b.example', '--role', 'partner-user']);
    expect(missing.err).toContain('--partner: is required for a partner-user');
  });
});

describe('tierwise users add, as a process on an embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-users-'));
  const bin = fileURLToPath(new URL('../../bin/tierwise.mjs', import.meta.url));
  // Always the embedded database here, whatever DATABASE_URL the suite runs with.
  const { DATABASE_URL: _url, ...env } = process.env;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function tierwise(
    args: string[],
    input?: string,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [bin, '--data', join(dir, 'db'), ...args],
        { env: { ...env, TIERWISE_BASE_URL: 'http://tierwise.test:8080' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(input ?? '');
    });
  }

  it('prints JSON with the link, and sets a password from standard input', async () => {
    const linked = await tierwise([
      'users',
      'add',
      '--email',
      'first@vendor.example',
      '--role',
      'operator',
      '--json',
    ]);
    expect(linked).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(linked.stdout);
    expect(json).toMatchObject({ email: 'first@vendor.example', role: 'operator', partnerId: null });
    expect(json.setPasswordLink).toMatch(/^http:\/\/tierwise\.test:8080\/set-password\?token=twp_/);

    const piped = await tierwise(
      ['users', 'add', '--email', 'second@vendor.example', '--role', 'operator', '--password-stdin'],
      'correct horse battery staple\n',
    );
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    expect(piped.stdout).toBe(
      'Created operator second@vendor.example with the password from standard input.\n',
    );

    const again = await tierwise(['users', 'add', '--email', 'SECOND@vendor.example', '--role', 'operator']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
  }, 60_000);
});
