// Before the browser journeys: build the web app if its sources changed, then start
// `tierwise start --demo` on a fresh embedded database (always embedded: DATABASE_URL is
// not passed on, so a developer's server database is never loaded with demo data).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TIERWISE_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      'bin/tierwise.mjs',
      '--data',
      dataDir,
      '--json',
      'start',
      '--demo',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`the demo server did not start in 240 s:\n${out}`)),
      240_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, url: (JSON.parse(line) as { url: string }).url });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${code}) before serving:\n${out}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await run(process.execPath, ['bin/build-web.mjs']);
  const dataDir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-'));
  const { child, url } = await startServer(dataDir);
  project.provide('baseUrl', url);
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
