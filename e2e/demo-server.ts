// `tierwise start --demo` on a fresh embedded database, as a child process: the browser
// journeys and the web benchmark run against it. Always embedded: DATABASE_URL is not
// passed on, so a developer's server database is never loaded with demo data.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
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

/** A free local port (for a server whose own links must name its address, e.g. TIERWISE_BASE_URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface DemoServerOptions {
  /** Extra environment for the server (e.g. SMTP_URL, TIERWISE_BASE_URL). */
  env?: NodeJS.ProcessEnv;
  /** The port to listen on (default: any free one). */
  port?: number;
}

export function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tierwise-demo-server-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TIERWISE_LOG_LEVEL: 'warn', ...options.env };
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
      String(options.port ?? 0),
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
