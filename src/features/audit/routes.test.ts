// The audit log for operators: filters by actor, action (exact and prefix), partner and
// days, cursor pages newest first, and the CSV export with before/after as JSON text.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedPartners, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { recordAudit } from './service.ts';

let t: TestApp;
let operator: Record<string, string>;
let operatorId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1', 'P2');
  operatorId = await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  await seedUser(t.deps, { email: 'admin@p1.example', role: 'partner-admin', partnerId: 'P1' });
  operator = (await signIn(t.app, 'op@vendor.example')).read;
  await t.deps.db.execute(sql`delete from audit_log`);
  const actor = { kind: 'user' as const, userId: operatorId };
  for (let i = 0; i < 7; i++) {
    await recordAudit(t.deps.db, {
      actor: i % 2 === 0 ? actor : { kind: 'system' },
      at: new Date(Date.UTC(2025, 6, 1 + i, 12)),
      action: i < 4 ? 'certification.create' : 'user.update',
      entity: i < 4 ? 'certification' : 'user',
      entityId: `E${i}`,
      partnerId: i % 2 === 0 ? 'P1' : 'P2',
      before: i === 6 ? { role: 'partner-user' } : null,
      after: { n: i, note: 'a, "quoted" value' },
    });
  }
});
afterAll(async () => {
  await t?.close();
});

async function get(query: string, headers = operator) {
  return t.app.inject({ method: 'GET', url: `/api/v1/audit-log${query}`, headers });
}

describe('GET /api/v1/audit-log', () => {
  it('answers newest first with the actor named, paged by cursor', async () => {
    const first = await get('?limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.entries.map((e: { entityId: string }) => e.entityId)).toEqual(['E6', 'E5', 'E4']);
    expect(page.entries[0].actor).toEqual({
      kind: 'user',
      userId: operatorId,
      email: 'op@vendor.example',
      tokenId: null,
      tokenName: null,
    });
    expect(page.entries[0].before).toEqual({ role: 'partner-user' });
    const seen: string[] = page.entries.map((e: { entityId: string }) => e.entityId);
    let cursor = page.nextCursor;
    while (cursor) {
      const next = (await get(`?limit=3&cursor=${cursor}`)).json();
      seen.push(...next.entries.map((e: { entityId: string }) => e.entityId));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual(['E6', 'E5', 'E4', 'E3', 'E2', 'E1', 'E0']);
  });

  it('filters by action (exact and prefix), actor (email or id), partner and days', async () => {
    const ids = async (q: string) =>
      (await get(q)).json().entries.map((e: { entityId: string }) => e.entityId);
    expect(await ids('?action=user.')).toEqual(['E6', 'E5', 'E4']);
    expect(await ids('?action=certification.create')).toEqual(['E3', 'E2', 'E1', 'E0']);
    expect(await ids('?action=certification')).toEqual([]);
    expect(await ids('?actor=OP@vendor.example')).toEqual(['E6', 'E4', 'E2', 'E0']);
    expect(await ids(`?actor=${operatorId}&partnerId=P1&action=user.`)).toEqual(['E6', 'E4']);
    expect(await ids('?partnerId=P2')).toEqual(['E5', 'E3', 'E1']);
    expect(await ids('?from=2025-07-02&to=2025-07-04')).toEqual(['E3', 'E2', 'E1']);
  });

  it('refuses bad filters with a message naming them', async () => {
    const bad = await get('?from=July&limit=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/from/);
    expect(bad.body).toMatch(/limit/);
  });

  it('is for operators only', async () => {
    const partner = (await signIn(t.app, 'admin@p1.example')).read;
    expect((await get('', partner)).statusCode).toBe(403);
    expect((await get('/export.csv', partner)).statusCode).toBe(403);
  });

  it('exports the same filters as CSV with before/after as JSON text', async () => {
    const response = await get('/export.csv?action=user.');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'id,at,actor_kind,actor_email,actor_user_id,token_name,action,entity,entity_id,entity_name,partner_id,before,after',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('op@vendor.example');
    expect(lines[1]).toContain('"{""role"":""partner-user""}"');
    expect(lines[1]).toContain('"{""n"":6,""note"":""a, \\""quoted\\"" value""}"');
  });

  it('names a user target by email, whatever the entry holds', async () => {
    const adminId = await seedUser(t.deps, {
      email: 'second@p1.example',
      role: 'partner-user',
      partnerId: 'P1',
    });
    await recordAudit(t.deps.db, {
      actor: { kind: 'user', userId: operatorId },
      at: new Date(Date.UTC(2025, 6, 20, 12)),
      action: 'user.update',
      entity: 'user',
      entityId: adminId,
      partnerId: 'P1',
      before: { active: true },
      after: { active: false },
    });
    const [entry] = (await get('?limit=1')).json().entries;
    expect(entry).toMatchObject({ entityId: adminId, entityName: 'second@p1.example' });
    const [certification] = (await get('?action=certification.create&limit=1')).json().entries;
    expect(certification.entityName).toBeNull();
  });
});
