#!/usr/bin/env node
// Builds the web app into dist/web when it is missing or older than any of its sources
// (web/, and src/domain which the app imports); `--force` always builds.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(join(root, 'web')),
  newest(join(root, 'src/domain')),
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (!process.argv.includes('--force') && existsSync(output) && statSync(output).mtimeMs >= sources) {
  process.exit(0);
}
const { build } = await import('vite');
await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
// Compressed once here, served as they are (@fastify/static's preCompressed): no
// compression work per request, and the bytes a browser downloads are these.
const assets = join(root, 'dist/web/assets');
for (const name of readdirSync(assets)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const body = readFileSync(join(assets, name));
  writeFileSync(join(assets, `${name}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(
    join(assets, `${name}.br`),
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
console.log('Built the web app into dist/web.');
