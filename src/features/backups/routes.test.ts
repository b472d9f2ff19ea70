// The console's backups API: operators only, back up now (audited), list with versions, download.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedPartners, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tierwise-backup-routes-'));
let t: TestApp;
let operator: { read: Record<string, string>; write: Record<string, string> };
let partner: { read: Record<string, string>; write: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp({ config: { dataDir } });
  await seedPartners(t.deps, 'P1');
  await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  await seedUser(t.deps, { email: 'admin@p1.example', role: 'partner-admin', partnerId: 'P1' });
  operator = await signIn(t.app, 'op@vendor.example');
  partner = await signIn(t.app, 'admin@p1.example');
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('/api/v1/backups', () => {
  it('refuses a partner’s user', async () => {
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/backups', headers: partner.write });
    expect(answer.statusCode).toBe(403);
  });

  it('backs up now, lists it with its versions, downloads it, and audits it', async () => {
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/backups', headers: operator.write });
    expect(taken.statusCode, taken.body).toBe(201);
    const backup = taken.json();
    expect(backup.name).toMatch(/^tierwise-\d{8}T\d{6}Z\.zip$/);
    expect(backup.schemaVersion).toBeGreaterThan(0);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/backups', headers: operator.read });
    expect(list.json()).toEqual([backup]);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/backups/${backup.name}`,
      headers: operator.read,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(backup.name);
    expect(Object.keys(unzipSync(new Uint8Array(file.rawPayload)))).toContain('manifest.json');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/backups/x.zip',
      headers: operator.read,
    });
    expect(missing.statusCode).toBe(404);
    const audit = await listAudit(t.deps.db, { entity: 'backup' });
    expect(audit.map((e) => e.entityId)).toEqual([backup.name]);
  });
});
