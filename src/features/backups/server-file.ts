// A running server owns the embedded database's folder (one process only), so a backup of it
// while `tierwise start` runs goes through that server: it writes <data>/server.json (its
// address and a random secret, readable by the folder's owner only) and answers
// POST /internal/backup with the backup file for a caller that sends the secret.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { createBackup } from './service.ts';

export const INTERNAL_BACKUP_PATH = '/internal/backup';
const SECRET_HEADER = 'x-tierwise-server-secret';

function serverFile(dataDir: string): string {
  return join(resolve(dataDir), 'server.json');
}

export function writeServerFile(dataDir: string, url: string): { secret: string; remove(): void } {
  const secret = randomBytes(32).toString('base64url');
  const file = serverFile(dataDir);
  writeFileSync(file, JSON.stringify({ url, pid: process.pid, secret }), { mode: 0o600 });
  return { secret, remove: () => rmSync(file, { force: true }) };
}

/** The running server of the folder, or null (no server.json, or its process is gone). */
export function runningServer(dataDir: string): { url: string; secret: string } | null {
  try {
    const info = JSON.parse(readFileSync(serverFile(dataDir), 'utf8')) as {
      url: string;
      pid: number;
      secret: string;
    };
    process.kill(info.pid, 0);
    return { url: info.url, secret: info.secret };
  } catch {
    return null;
  }
}

export function registerInternalBackup(app: FastifyInstance, database: Database, secret: () => string): void {
  app.post(INTERNAL_BACKUP_PATH, { schema: { hide: true } }, async (request, reply) => {
    const given = Buffer.from(String(request.headers[SECRET_HEADER] ?? ''));
    const expected = Buffer.from(secret());
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return reply.code(403).send({ error: { code: 'forbidden', message: 'Not this server’s secret' } });
    const { bytes } = await createBackup(database);
    return reply.type('application/zip').send(Buffer.from(bytes));
  });
}

/** A backup taken by the running server of the folder. */
export async function backupThroughServer(server: { url: string; secret: string }): Promise<Uint8Array> {
  const response = await fetch(`${server.url}${INTERNAL_BACKUP_PATH}`, {
    method: 'POST',
    headers: { [SECRET_HEADER]: server.secret },
  });
  if (!response.ok)
    throw new Error(`the running server at ${server.url} refused the backup (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
