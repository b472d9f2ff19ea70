// GET /api/v1/program: the program in force as written, which the engine's loadProgram reads
// back to the very program the server computes with; the server's today; who may read it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programVersions } from '../../db/schema.ts';
import { calculatePoints } from '../../domain/calculator.ts';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { loadProgram } from '../../domain/program.ts';
import { createTestApp, seedPartners, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { bearer } from '../ingest/testing.ts';
import { currentProgram } from '../portal/program.ts';
import { loadProgramFile } from './service.ts';

let t: TestApp;
let cookie: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1');
  await seedUser(t.deps, { email: 'user@p1.example', role: 'partner-user', partnerId: 'P1' });
  cookie = (await signIn(t.app, 'user@p1.example')).read;
});
afterAll(() => t.close());

const get = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/api/v1/program', headers });

describe('GET /api/v1/program', () => {
  it('answers the example program before any load, with the server today', async () => {
    const response = await get(cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ version: 0, today: '2025-08-01', program: exampleProgramFile });
    expect(loadProgram(body.program)).toEqual(await currentProgram(t.deps.db));
  });

  it('answers the latest loaded version, as the engine reads it', async () => {
    const file = structuredClone(exampleProgramFile) as { name: string; ruleSets: { rates?: object }[] };
    file.name = 'Changed program';
    file.ruleSets.push({ id: '2026-01', effectiveFrom: '2026-01-01', rates: { sourced: 7 } } as never);
    await t.deps.db.insert(programVersions).values({ name: file.name, document: file });
    t.deps.clock.set('2026-02-03T10:00:00Z');
    // Sessions expire: sign in again on the new day.
    cookie = (await signIn(t.app, 'user@p1.example')).read;
    const response = await get(cookie);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.version).toBeGreaterThan(0);
    expect(body.today).toBe('2026-02-03');
    expect(body.program).toEqual(file);
    const program = loadProgram(body.program);
    expect(program).toEqual(await currentProgram(t.deps.db));
    const answer = calculatePoints({
      program,
      on: body.today,
      amount: 1000_0000,
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
      managed: false,
      otherManagers: 0,
    });
    expect(answer.sold).toBe(70_00);
  });

  it('needs a signed-in user or a token with the read scope', async () => {
    expect((await get()).statusCode).toBe(401);
    expect((await get(await bearer(t.deps, 'read'))).statusCode).toBe(200);
    expect((await get(await bearer(t.deps, 'ingest'))).statusCode).toBe(403);
  });
});

describe('loadProgramFile', () => {
  it('stores a valid file as a new version with its audit entry, and a bad one not at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-program-'));
    const good = join(dir, 'program.json');
    writeFileSync(good, JSON.stringify({ ...(exampleProgramFile as object), name: 'Audited program' }));
    const at = new Date('2026-03-01T09:00:00Z');
    const loaded = await t.deps.db.transaction((tx) =>
      loadProgramFile(tx, good, { actor: SYSTEM_ACTOR, at }),
    );
    const [entry] = await listAudit(t.deps.db, { entity: 'program', limit: 1 });
    expect(entry).toMatchObject({
      action: 'program.load',
      actorKind: 'system',
      entityId: String(loaded.version),
      after: { version: loaded.version, name: 'Audited program', file: good },
    });
    expect(entry?.at).toEqual(at);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...(exampleProgramFile as object), ruleSets: [] }));
    await expect(
      t.deps.db.transaction((tx) => loadProgramFile(tx, bad, { actor: SYSTEM_ACTOR, at })),
    ).rejects.toThrow(/bad\.json is not a valid program/);
    const after = await listAudit(t.deps.db, { entity: 'program' });
    expect(after).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
