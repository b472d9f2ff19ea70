// Test databases: every test file gets its own migrated database, quickly.
// PGlite: loaded from a migrated snapshot made once by test/global-setup.ts.
// PostgreSQL (DATABASE_URL set): a new database copied from a migrated template.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PartnerFacts } from '../domain/facts.ts';
import { formatDecimal } from '../domain/money.ts';
import { type Database, type Db, openDatabase } from './client.ts';
import * as s from './schema.ts';

/** The migrated template of this test run (one per run, so parallel runs don't collide). */
export const TEMPLATE_ENV = 'TIERWISE_TEST_TEMPLATE';
function templateDb(): string {
  const name = process.env[TEMPLATE_ENV];
  if (!name)
    throw new Error(`${TEMPLATE_ENV} is not set: run the tests through vitest (test/global-setup.ts)`);
  return name;
}
export const SNAPSHOT_ENV = 'TIERWISE_TEST_SNAPSHOT';

let counter = 0;

export function serverUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated, empty database for one test file. Close it in afterAll. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    counter += 1;
    const name = `tierwise_test_${process.pid}_${counter}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database "${name}" template "${templateDb()}"`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ url: serverUrlFor(url, name), poolSize: 5 });
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        try {
          await cleanup.query(`drop database if exists "${name}" with (force)`);
        } finally {
          await cleanup.end();
        }
      },
    };
  }
  const snapshot = process.env[SNAPSHOT_ENV];
  if (!snapshot)
    throw new Error(`${SNAPSHOT_ENV} is not set: run the tests through vitest (test/global-setup.ts)`);
  return openDatabase({ loadDataDir: new Blob([readFileSync(snapshot)]) });
}

/** Writes the facts of a test builder to the database (partners and clients created as needed). */
export async function seedFacts(
  db: Db,
  facts: PartnerFacts,
  more: { partners?: string[] } = {},
): Promise<void> {
  const partnerIds = new Set([facts.partnerId, ...(more.partners ?? [])]);
  for (const d of facts.deals) partnerIds.add(d.partnerId);
  for (const m of facts.managements) partnerIds.add(m.partnerId);
  const money = (v: number) => formatDecimal(v, 4);
  await db
    .insert(s.partners)
    .values(
      [...partnerIds].map((id) => ({ partnerId: id, name: `Partner ${id}`, country: 'US', currency: 'USD' })),
    )
    .onConflictDoNothing();
  if (facts.clients.length) {
    await db
      .insert(s.clients)
      .values(
        facts.clients.map((c) => ({
          clientId: c.clientId,
          name: c.name ?? c.clientId,
          country: c.country,
          currency: c.currency,
        })),
      )
      .onConflictDoNothing();
  }
  if (facts.deals.length) {
    await db.insert(s.deals).values(
      facts.deals.map((d) => ({
        dealId: d.dealId,
        partnerId: d.partnerId,
        clientId: d.clientId,
        type: d.type,
        stage: d.stage,
        createdOn: d.createdOn,
        closedOn: d.closedOn ?? null,
        amount: money(d.amount),
        currency: d.currency,
      })),
    );
  }
  if (facts.changes.length) {
    const currency = new Map(facts.clients.map((c) => [c.clientId, c.currency]));
    await db.insert(s.mrrChanges).values(
      facts.changes.map((c) => ({
        changeId: c.changeId,
        clientId: c.clientId,
        product: c.product,
        date: c.date,
        mrrAfter: money(c.mrrAfter),
        currency: currency.get(c.clientId) ?? 'USD',
        dealId: c.dealId ?? null,
        reason: c.reason ?? null,
      })),
    );
  }
  if (facts.managements.length)
    await db
      .insert(s.managements)
      .values(facts.managements.map((m) => ({ ...m, endDate: m.endDate ?? null })));
  if (facts.certifications.length) await db.insert(s.certifications).values([...facts.certifications]);
  if (facts.renewals?.length)
    await db.insert(s.renewals).values(
      facts.renewals.map((r) => ({
        clientId: r.clientId,
        product: r.product,
        renewalDate: r.renewalDate,
        status: r.status,
      })),
    );
}

/**
 * Where a command-line test points the `tierwise` command: a fresh database on the
 * PostgreSQL server (as DATABASE_URL) when the suite runs there, else a fresh PGlite folder.
 */
export async function createCliTarget(): Promise<{
  args: string[];
  env: { DATABASE_URL?: string };
  cleanup(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    counter += 1;
    const name = `tierwise_cli_${process.pid}_${counter}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${name}" template "${templateDb()}"`).finally(() => admin.end());
    return {
      args: [],
      env: { DATABASE_URL: serverUrlFor(url, name) },
      cleanup: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`).finally(() => c.end());
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));
  return {
    args: ['--data', join(dir, 'db')],
    env: {},
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
