// The program routes on the demo data: a draft saved while invalid (every problem with its
// path) refuses what-if and publish; a valid one runs a what-if job and its CSV, publishes
// with a note as the next version (audited, the draft gone), a second publish while one
// waits is refused; versions, one version, the diff and a restore. Dashboard reads during a
// publish see a partner all-old or all-new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { createTestApp, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { loadDemoIfEmpty } from '../demo/seed.ts';
import { type JobWorker, startJobWorker } from '../jobs/worker.ts';
import { PROGRAM_JOB_HANDLERS } from './jobs.ts';

let t: TestApp;
let op: Record<string, string>;
let worker: JobWorker | null = null;
const startWorker = () => {
  worker = startJobWorker(t.deps, { handlers: PROGRAM_JOB_HANDLERS, pollMs: 20 });
};

type Doc = { ruleSets: { rates?: Record<string, number>; tiers?: { total: number }[] }[] };
const example = () => structuredClone(exampleProgramFile) as Doc;
function halved(): Doc {
  const d = example();
  for (const r of d.ruleSets) for (const tier of r.tiers ?? []) tier.total /= 2;
  return d;
}

beforeAll(async () => {
  t = await createTestApp();
  expect(await loadDemoIfEmpty(t.deps)).toBe(true);
  await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  op = (await signIn(t.app, 'op@vendor.example')).write;
  startWorker();
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: op,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: op });

async function finished(url: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await get(url)).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not finish`);
}

async function newDraft(name: string, document?: unknown) {
  const created = await send('POST', '/api/v1/program/drafts', { name, ...(document ? { document } : {}) });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { draftId: string; valid: boolean; basedOn: number | null; document: unknown };
}

describe('program drafts, what-if and publish', () => {
  it('saves an invalid draft with every problem, and refuses what-if and publish', async () => {
    const draft = await newDraft('Broken');
    expect(draft).toMatchObject({ valid: true, basedOn: 0 });
    expect(draft.document).toEqual(exampleProgramFile);
    const doc = example();
    doc.ruleSets[0]!.rates!.sourced = -1;
    doc.ruleSets[0]!.tiers![1]!.total = 10;
    const saved = await send('PATCH', `/api/v1/program/drafts/${draft.draftId}`, { document: doc });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body.valid).toBe(false);
    const paths = body.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain('ruleSets[0].rates.sourced');
    expect(paths).toContain('ruleSets[0].tiers[1].total');
    expect((await get(`/api/v1/program/drafts/${draft.draftId}`)).json().document).toEqual(doc);

    for (const action of ['what-if', 'publish']) {
      const refused = await send('POST', `/api/v1/program/drafts/${draft.draftId}/${action}`, { note: 'x' });
      expect(refused.statusCode, action).toBe(400);
      expect(refused.json().error.code).toBe('validation_failed');
      expect(refused.json().error.details.problems).toEqual(body.problems);
    }
    const list = (await get('/api/v1/program/drafts')).json().drafts;
    expect(list.find((d: { draftId: string }) => d.draftId === draft.draftId)).toMatchObject({
      name: 'Broken',
      valid: false,
      problemCount: body.problems.length,
      createdBy: { email: 'op@vendor.example' },
    });
    expect((await send('DELETE', `/api/v1/program/drafts/${draft.draftId}`)).statusCode).toBe(204);
    expect((await get(`/api/v1/program/drafts/${draft.draftId}`)).statusCode).toBe(404);
  });

  it('runs a what-if job: every partner before and after, tier counts, commission, CSV', async () => {
    const draft = await newDraft('Half the thresholds', halved());
    const asked = await send('POST', `/api/v1/program/drafts/${draft.draftId}/what-if`, {});
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.headers.location).toBe(`/api/v1/program/what-if/${asked.json().jobId}`);
    const job = await finished(asked.headers.location as string);
    expect(job.status, job.error).toBe('succeeded');
    expect(job.progress).toEqual({ stage: 'done', partners: 40, of: 40 });
    const result = job.result;
    expect(result).toMatchObject({ on: t.deps.clock.today(), version: 0 });
    expect(result.partners).toHaveLength(40);
    const moved = result.partners.filter(
      (p: { before: { credited: string }; after: { credited: string } }) =>
        p.before.credited !== p.after.credited,
    );
    expect(moved.length).toBeGreaterThan(0);
    const sum = (side: Record<string, number>) => Object.values(side).reduce((a, b) => a + b, 0);
    expect(sum(result.tiers.before)).toBe(40);
    expect(sum(result.tiers.after)).toBe(40);
    expect(result.commission).toMatchObject({ currency: 'USD' });
    // The same rates: the same commission.
    expect(result.commission.after).toBe(result.commission.before);

    const csv = await get(`/api/v1/program/what-if/${job.jobId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(
      /^partner_id,sourced_before,sourced_after,.*,credited_before,credited_after,total_change,/,
    );
    expect(lines).toHaveLength(41);
    expect((await get('/api/v1/program/what-if/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('publishes with a note as the next version; a second publish waits its turn or is refused', async () => {
    const draft = await newDraft('Half the thresholds, published', halved());
    const noNote = await send('POST', `/api/v1/program/drafts/${draft.draftId}/publish`, { note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toMatch(/note/);

    // With the worker stopped the first publish waits; a second is refused while it does.
    await worker?.stop();
    const first = await send('POST', `/api/v1/program/drafts/${draft.draftId}/publish`, {
      note: 'Halve every threshold',
    });
    expect(first.statusCode, first.body).toBe(202);
    const other = await newDraft('Another');
    const second = await send('POST', `/api/v1/program/drafts/${other.draftId}/publish`, {
      note: 'Too soon',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(
      /Another publish is waiting to run \(asked by op@vendor\.example/,
    );

    // Reads during the publish see each partner all-old or all-new.
    const { partners } = (await get('/api/v1/partners?sort=total&dir=desc&pageSize=1')).json();
    const partnerId = partners[0].partnerId as string;
    const before = (await get(`/api/v1/partners/${partnerId}/dashboard`)).body;
    startWorker();
    const seen = new Set<string>();
    let job: { status: string; result: { version: number; partnersRebuilt: number } };
    for (;;) {
      const read = await get(`/api/v1/partners/${partnerId}/dashboard`);
      expect(read.statusCode).toBe(200);
      seen.add(read.body);
      job = (await get(first.headers.location as string)).json();
      if (job.status === 'succeeded' || job.status === 'failed') break;
    }
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ version: 1, partnersRebuilt: 40 });
    const after = (await get(`/api/v1/partners/${partnerId}/dashboard`)).body;
    for (const body of seen) expect([before, after]).toContain(body);

    expect((await get('/api/v1/program')).json().version).toBe(1);
    expect((await get(`/api/v1/program/drafts/${draft.draftId}`)).statusCode).toBe(404);
    const [versions] = [(await get('/api/v1/program/versions')).json().versions];
    expect(versions[0]).toMatchObject({
      version: 1,
      current: true,
      note: 'Halve every threshold',
      publishedBy: { email: 'op@vendor.example' },
      restoredFrom: null,
    });
    expect(versions.at(-1)).toMatchObject({ version: 0, current: false });
    const [entry] = await listAudit(t.deps.db, { entity: 'program', limit: 1 });
    expect(entry).toMatchObject({ action: 'program.publish', entityId: '1' });
    expect(entry?.after).toMatchObject({ note: 'Halve every threshold', partnersRebuilt: 40 });
    await send('DELETE', `/api/v1/program/drafts/${other.draftId}`);
  });

  it('shows one version, the diff between two, and restores an older one as a new version', async () => {
    const one = (await get('/api/v1/program/versions/1')).json();
    expect(one).toMatchObject({ version: 1, current: true });
    expect(one.document).toEqual(halved());
    expect((await get('/api/v1/program/versions/7')).json().error.message).toMatch(
      /no program version 7: the newest is 1/,
    );

    const diff = (await get('/api/v1/program/diff?from=0&to=1')).json();
    expect(diff.changes).toContainEqual({
      path: 'ruleSets[0].tiers[0].total',
      change: 'changed',
      before: 600,
      after: 300,
    });
    expect((await send('POST', '/api/v1/program/versions/1/restore', { note: 'x' })).statusCode).toBe(409);
    const restore = await send('POST', '/api/v1/program/versions/0/restore', { note: 'Back to the example' });
    expect(restore.statusCode, restore.body).toBe(202);
    const job = await finished(restore.headers.location as string);
    expect(job.result.version).toBe(2);
    const two = (await get('/api/v1/program/versions/2')).json();
    expect(two).toMatchObject({ restoredFrom: 0, note: 'Back to the example', current: true });
    expect(two.document).toEqual(exampleProgramFile);
    expect((await get('/api/v1/program/diff?from=0&to=2')).json().changes).toEqual([]);
  });
});
