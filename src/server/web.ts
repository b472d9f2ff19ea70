// The web app's files (dist/web, built by `npm run build`): hashed assets cached for a year,
// and index.html for every other non-API path, so that the app's own routes
// (/partners/P1/dashboard, /sign-in, ...) load on a reload or a shared link.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../core/app.ts';
import { AppError } from '../core/errors.ts';

export const WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Serves the built web app from dir; false when it has not been built. */
export async function registerWebApp(app: App, dir: string = WEB_DIR): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    // bin/build-web.mjs writes .br and .gz beside each asset.
    preCompressed: true,
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api')
      throw new AppError('not_found', `No route ${request.method} ${request.url}`);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
  });
  return true;
}
