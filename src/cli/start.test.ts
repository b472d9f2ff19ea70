import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-start-'));
const bin = fileURLToPath(new URL('../../bin/tierwise.mjs', import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tierwise start', () => {
  it('migrates, serves the API, and stops cleanly on SIGINT', async () => {
    // The embedded database, whatever DATABASE_URL the suite runs with.
    const { DATABASE_URL: _url, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [bin, '--data', join(dir, 'db'), 'start', '--api-only', '--port', '0', '--host', '127.0.0.1'],
      {
        env: { ...env, TIERWISE_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /serving (http:\/\/\S+?) /.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const me = await fetch(`${url}/api/v1/me`);
    expect(me.status).toBe(401);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);
});
