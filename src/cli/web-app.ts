// The web app for `tierwise start`: built on first start when the build tools are installed
// (bin/build-web.mjs, the same build `npm start` runs), or a clear word that only the API
// is served and how to build it. Never a silent API-only server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIR } from '../server/web.ts';
import type { Writer } from './context.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_SCRIPT = join(ROOT, 'bin/build-web.mjs');

export type WebAppState = 'built' | 'api-only';

function canBuild(): boolean {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('vite');
    return existsSync(BUILD_SCRIPT);
  } catch {
    return false;
  }
}

/** Builds dist/web when it is missing (or older than its sources); says so when it cannot. */
export function ensureWebApp(io: Writer, dir: string = WEB_DIR): WebAppState {
  const built = existsSync(join(dir, 'index.html'));
  if (dir !== WEB_DIR) return built ? 'built' : apiOnly(io, `no index.html in ${dir}`);
  if (!canBuild()) {
    return built ? 'built' : apiOnly(io, 'the build tools (vite) are not installed');
  }
  if (!built) io.err('Building the web app (first start, about a minute)...\n');
  const run = spawnSync(process.execPath, [BUILD_SCRIPT], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status === 0 && existsSync(join(dir, 'index.html'))) return 'built';
  if (built) {
    io.err('warning: rebuilding the web app failed (see above); serving the previous build.\n');
    return 'built';
  }
  return apiOnly(io, `the build failed (exit code ${run.status ?? run.signal})`);
}

function apiOnly(io: Writer, why: string): WebAppState {
  io.err(
    `warning: the web app is not built (${why}): serving the API only.\n` +
      '  Build it with `npm install && npm run build` in the Tierwise folder, then start again.\n',
  );
  return 'api-only';
}
