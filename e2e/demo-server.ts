// `tierwise start --demo` on a fresh embedded database, as a child process: the browser
// journeys and the web benchmark run against it. Always embedded: DATABASE_URL is not
// passed on, so a developer's server database is never loaded with demo data.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface DemoServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/build-web.mjs'], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the web app exited ${code}`)),
    );
  });
}

export function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tierwise-demo-server-'));
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
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (message: string) => {
      void stop();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(`the demo server did not start in 240 s:\n${out}`), 240_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve({ url: (JSON.parse(line) as { url: string }).url, child, stop });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${code}) before serving:\n${out}`));
    });
  });
}
