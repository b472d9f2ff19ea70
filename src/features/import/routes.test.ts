// The console's imports through the API: an upload (CSV files or a zip) is queued and run
// by the job worker with progress and an outcome; a refused import keeps nothing but its
// errors (also as errors.csv); skipInvalid keeps the valid rows and the rejects; uploads
// queue one behind the other; bad uploads are refused at once, naming the file.
import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import {
  type Browser,
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  type TestApp,
} from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { type JobWorker, startJobWorker } from '../jobs/worker.ts';
import { getProgram } from '../program/service.ts';
import { IMPORT_JOB, importJobHandler, inlineImport } from './jobs.ts';
import { emptyFacts, removeFolders, VALID_FOLDER, writeFolder } from './testing.ts';

let t: TestApp;
let operator: Browser;
let partnerUser: Browser;
let worker: JobWorker | null = null;

beforeAll(async () => {
  t = await createTestApp({ config: { uploadMb: 1 } });
});
afterAll(async () => {
  await t?.close();
  removeFolders();
});
beforeEach(async () => {
  // Emptying the partners empties the users too (truncate ... cascade): sign in again.
  await emptyFacts(t.deps.db);
  await t.deps.db.execute(sql`delete from jobs`);
  await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  operator = await signIn(t.app, 'op@vendor.example');
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

const startWorker = () => {
  worker = startJobWorker(t.deps, { handlers: { [IMPORT_JOB]: importJobHandler }, pollMs: 20 });
};

/** A multipart body as a browser's FormData would send it. */
async function multipart(files: Record<string, string | Uint8Array>, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, content] of Object.entries(files))
    form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

async function upload(
  files: Record<string, string | Uint8Array>,
  fields: Record<string, string> = {},
  as: Browser = operator,
) {
  const body = await multipart(files, fields);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...as.write, ...body.headers },
    payload: body.payload,
  });
}

async function getImport(id: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: operator.read,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function finished(id: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const found = await getImport(id);
    if (found.status === 'succeeded' || found.status === 'failed') return found;
    if (Date.now() > end) throw new Error(`import ${id} still ${found.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const partnerCount = async () =>
  Number((await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from partners`))[0]!.n);

describe('POST /api/v1/imports', () => {
  it('queues the uploaded files and imports them: progress, counts, audit, history', async () => {
    const response = await upload(VALID_FOLDER);
    expect(response.statusCode, response.body).toBe(202);
    const { importId } = response.json();
    expect(response.headers.location).toBe(`/api/v1/imports/${importId}`);
    const queued = await getImport(importId);
    expect(queued).toMatchObject({
      status: 'queued',
      progress: { stage: 'queued', rows: 0 },
      source: 'upload',
    });

    startWorker();
    const done = await finished(importId);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: { stage: 'done' },
      errors: [],
      errorCount: 0,
      by: { kind: 'user', email: 'op@vendor.example' },
      downloads: { errors: null, rejects: null },
    });
    expect([...done.files].sort()).toEqual(Object.keys(VALID_FOLDER).sort());
    expect(done.counts['partners.csv']).toMatchObject({ rows: 2, inserted: 2 });
    expect(done.counts['mrr_changes.csv']).toMatchObject({ rows: 3, inserted: 3 });
    expect(done.rows).toBe(15);
    expect(done.progress.rows).toBe(15);
    expect(done.partnersRecomputed).toBe(2);
    expect(await partnerCount()).toBe(2);

    const [entry] = await listAudit(t.deps.db, { entity: 'import' });
    expect(entry).toMatchObject({ action: 'import.run', entityId: importId, actorKind: 'user' });
    expect(entry?.after).toMatchObject({ source: 'upload', rows: 15, rejected: 0, partnersRecomputed: 2 });

    const history = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: operator.read });
    expect(history.json()).toMatchObject({ total: 1, items: [{ importId, status: 'succeeded', rows: 15 }] });
    expect(history.json().items[0].seconds).toBeGreaterThanOrEqual(0);
  });

  it('refuses the whole import on an error and keeps every error, also as errors.csv', async () => {
    startWorker();
    await finished((await upload(VALID_FOLDER)).json().importId);
    const broken = {
      ...VALID_FOLDER,
      'partners.csv': `${VALID_FOLDER['partners.csv']}P3,Gamma,US,DOLLARS,\nP4,,US,USD,\n`,
    };
    const done = await finished((await upload(broken)).json().importId);
    expect(done.status).toBe('failed');
    expect(done.errorCount).toBe(2);
    expect(done.errors).toEqual([
      expect.objectContaining({ file: 'partners.csv', line: 4, column: 'currency' }),
      expect.objectContaining({ file: 'partners.csv', line: 5, column: 'name' }),
    ]);
    expect(await partnerCount()).toBe(2); // nothing of the refused import was kept
    expect(done.downloads.errors).toBe(`/api/v1/imports/${done.importId}/errors.csv`);
    const csv = await t.app.inject({ method: 'GET', url: done.downloads.errors, headers: operator.read });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="import-.*errors\.csv"/);
    const lines = csv.body.replace('\uFEFF', '').trim().split('\n');
    expect(lines[0]).toBe('file,line,column,message');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'partners.csv,4,currency',
      'partners.csv,5,name',
    ]);
    const rejects = await t.app.inject({
      method: 'GET',
      url: `${done.downloads.errors.replace('errors', 'rejects')}`,
      headers: operator.read,
    });
    expect(rejects.statusCode).toBe(404);
  });

  it('with skipInvalid imports the valid rows and offers the rejects', async () => {
    startWorker();
    const broken = {
      ...VALID_FOLDER,
      'partners.csv': `${VALID_FOLDER['partners.csv']}P3,Gamma,US,DOLLARS,\n`,
    };
    const done = await finished((await upload(broken, { skipInvalid: 'true' })).json().importId);
    expect(done).toMatchObject({ status: 'succeeded', skipInvalid: true, rejected: 1, errorCount: 1 });
    expect(done.counts['partners.csv']).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect(await partnerCount()).toBe(2);
    const rejects = await t.app.inject({
      method: 'GET',
      url: done.downloads.rejects,
      headers: operator.read,
    });
    expect(rejects.statusCode).toBe(200);
    expect(rejects.body).toContain('P3');
    expect(rejects.body).toContain('DOLLARS');
  });

  it('takes a zip of a folder (any folder inside, other entries left)', async () => {
    startWorker();
    const enc = new TextEncoder();
    const zip = zipSync({
      export: Object.fromEntries(Object.entries(VALID_FOLDER).map(([n, c]) => [n, enc.encode(c)])),
      '__MACOSX/export/._partners.csv': enc.encode('junk'),
      'README.txt': enc.encode('not an import file'),
    });
    const done = await finished((await upload({ 'export.zip': zip })).json().importId);
    expect(done.status, JSON.stringify(done.errors)).toBe('succeeded');
    expect(done.files).toHaveLength(Object.keys(VALID_FOLDER).length);
    expect(await partnerCount()).toBe(2);
  });

  it('runs two uploads at once one after the other, in the order they came', async () => {
    const first = (await upload(VALID_FOLDER)).json().importId;
    const second = (await upload({ 'partners.csv': VALID_FOLDER['partners.csv']! })).json().importId;
    startWorker();
    const [a, b] = [await finished(first), await finished(second)];
    expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
    expect(Date.parse(b.startedAt)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt));
    expect(b.counts['partners.csv']).toMatchObject({ unchanged: 2 });
  });

  it('refuses a bad upload at once, naming the problem, and stores no job', async () => {
    const cases: [Record<string, string | Uint8Array>, number, RegExp][] = [
      [{ 'partner.csv': 'x' }, 400, /partner\.csv: not an import file/],
      [{}, 400, /holds no files/],
      [{ 'export.zip': new TextEncoder().encode('not a zip') }, 400, /export\.zip: not a readable zip/],
      [{ 'partners.csv': 'a'.repeat(1.5 * 2 ** 20) }, 413, /upload limit of 1 MB \(TIERWISE_UPLOAD_MB\)/],
    ];
    for (const [files, status, message] of cases) {
      const response = await upload(files);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.message).toMatch(message);
    }
    const bad = await upload({ 'partners.csv': 'x' }, { skipInvalid: 'maybe' });
    expect(bad.json().error.message).toBe('skipInvalid: expected true or false, got maybe');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: operator.write,
      payload: { files: [] },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toMatch(/multipart\/form-data/);
    const history = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: operator.read });
    expect(history.json().total).toBe(0);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/imports/00000000-0000-7000-8000-000000000000',
      headers: operator.read,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is for operators: a partner user gets 403', async () => {
    await seedPartners(t.deps, 'A');
    await seedUser(t.deps, { email: 'pu@partner.example', role: 'partner-user', partnerId: 'A' });
    partnerUser = await signIn(t.app, 'pu@partner.example');
    expect((await upload(VALID_FOLDER, {}, partnerUser)).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: partnerUser.read });
    expect(list.statusCode).toBe(403);
  });

  it("lists the command line's imports in the same history", async () => {
    const dir = writeFolder(VALID_FOLDER);
    await inlineImport(t.deps.db, {
      dir,
      program: await getProgram(t.deps.db),
      asOf: t.deps.clock.today(),
      now: () => t.deps.clock.now(),
      skipInvalid: false,
    });
    const history = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: operator.read });
    expect(history.json().items).toMatchObject([
      { source: 'cli', status: 'succeeded', by: { kind: 'system' }, rows: 15 },
    ]);
  });
});
