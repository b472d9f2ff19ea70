// Test helpers for the HTTP API: an app on a fresh test database with a manual clock,
// seeded partners and users, and signing in through the real routes.
import type { FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import type { App, AppDeps } from '../core/app.ts';
import { type ManualClock, manualClock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import type { Database } from '../db/client.ts';
import { partners } from '../db/schema.ts';
import { createTestDatabase } from '../db/testing.ts';
import { SYSTEM_ACTOR } from '../features/audit/service.ts';
import type { PartnerRole, Role } from '../features/auth/access.ts';
import { createUser } from '../features/users/service.ts';
import { buildApp } from './app.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: undefined,
    dataDir: 'memory://',
    port: 3000,
    baseUrl: 'http://localhost:3000',
    trustProxy: false,
    sessionDays: 14,
    logLevel: 'silent',
    ...overrides,
  };
}

export interface TestApp {
  app: App;
  deps: AppDeps & { clock: ManualClock };
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    config?: Partial<Config>;
    prepare?: (app: App) => void;
    webDir?: string;
    /** Fastify's logger setting (default: none). */
    logger?: FastifyServerOptions['logger'];
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const deps = { db: database.db, config: testConfig(options.config), clock: manualClock() };
  // The API alone unless a test asks for a web app folder: tests never depend on a build.
  const app = await buildApp({ ...deps, logger: options.logger ?? false, webDir: options.webDir ?? false });
  options.prepare?.(app);
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function seedPartners(deps: AppDeps, ...ids: string[]): Promise<void> {
  await deps.db
    .insert(partners)
    .values(ids.map((id) => ({ partnerId: id, name: `Partner ${id}`, country: 'US', currency: 'USD' })))
    .onConflictDoNothing();
}

export const TEST_PASSWORD = 'correct horse battery';

export async function seedUser(
  deps: AppDeps,
  user: { email: string; role: Role; partnerId?: string; password?: string },
): Promise<string> {
  const created = await createUser(deps, {
    email: user.email,
    role: user.role,
    partnerId: user.partnerId ?? null,
    password: user.password ?? TEST_PASSWORD,
    actor: SYSTEM_ACTOR,
  });
  return created.user.id;
}

export async function seedPartnerUser(
  deps: AppDeps,
  partnerId: string,
  role: PartnerRole = 'partner-admin',
): Promise<string> {
  const email = `${role}@${partnerId.toLowerCase()}.example`;
  await seedUser(deps, { email, role, partnerId });
  return email;
}

/** A signed-in browser: its cookie header and CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
  /** Headers for a write: the cookie and the CSRF token. */
  write: Record<string, string>;
  read: Record<string, string>;
}

export function cookieOf(response: LightMyRequestResponse, name = 'tw_session'): string {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie in the response`);
  return `${name}=${cookie.value}`;
}

export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Browser> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = cookieOf(response);
  const csrf = response.json().csrfToken as string;
  return { cookie, csrf, read: { cookie }, write: { cookie, 'x-csrf-token': csrf } };
}
