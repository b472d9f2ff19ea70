// Demo data on first start: the generated program history imported like any folder,
// sign-in accounts for an operator and for partners in different tiers, and those partners'
// deal registrations in every status (./registrations.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { partnerState, partners, users } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import type { Role } from '../auth/access.ts';
import { inlineImport, problemLines } from '../import/jobs.ts';
import { getProgram } from '../program/service.ts';
import { createUser } from '../users/service.ts';
import { addForecastDemo } from './forecast-demo.ts';
import { DEMO_SIZE, generateDataset } from './generate.ts';
import { seedDemoRegistrations } from './registrations.ts';
import { writeDatasetFolder } from './write-folder.ts';

/** Every demo account has this password (they are for trying the product, never for production). */
export const DEMO_PASSWORD = 'tierwise-demo-2026';
const DEMO_DOMAIN = 'demo.tierwise.test';

export interface DemoLogin {
  email: string;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  tier: string | null;
}

/** Loads the demo data and accounts when the database has no partners; returns whether it did. */
export async function loadDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  const [{ n }] = (await deps.db.select({ n: sql<number>`count(*)::int` }).from(partners)) as [{ n: number }];
  if (n > 0) return false;
  const program = await getProgram(deps.db);
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-demo-'));
  try {
    const dataset = generateDataset({
      ...DEMO_SIZE,
      seed: 'tierwise-demo',
      endDate: deps.clock.today(),
      program,
    });
    await writeDatasetFolder(dataset, dir);
    const outcome = await inlineImport(deps.db, {
      dir,
      program,
      asOf: deps.clock.today(),
      now: () => deps.clock.now(),
      skipInvalid: false,
    });
    if (outcome.status !== 'succeeded')
      throw new Error(`the demo data did not import:\n${problemLines(outcome).join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const partnerIds = await createDemoAccounts(deps);
  await seedDemoRegistrations(deps, partnerIds);
  await addForecastDemo(deps);
  return true;
}

/** Creates the demo accounts; returns their partners (the largest with a tier first). */
async function createDemoAccounts(deps: AppDeps): Promise<string[]> {
  const actor = SYSTEM_ACTOR;
  const pick = async (where: SQL) => {
    const [row] = await deps.db
      .select({ partnerId: partnerState.partnerId })
      .from(partnerState)
      .where(where)
      .orderBy(desc(partnerState.total))
      .limit(1);
    return row?.partnerId;
  };
  const top = await pick(isNotNull(partnerState.credited));
  const gold = await pick(eq(partnerState.credited, 'gold'));
  const none = await pick(isNull(partnerState.credited));
  await createUser(deps, {
    email: `operator@${DEMO_DOMAIN}`,
    role: 'operator',
    password: DEMO_PASSWORD,
    actor,
  });
  const accounts: [string | undefined, string, Role][] = [
    [top, 'top-admin', 'partner-admin'],
    [gold, 'gold-user', 'partner-user'],
    [none, 'new-user', 'partner-user'],
  ];
  for (const [partnerId, name, role] of accounts) {
    if (partnerId) {
      await createUser(deps, {
        email: `${name}@${DEMO_DOMAIN}`,
        role,
        partnerId,
        password: DEMO_PASSWORD,
        actor,
      });
    }
  }
  return accounts.flatMap(([partnerId]) => (partnerId ? [partnerId] : []));
}

/** The demo accounts that exist, with their partner's name and credited tier. */
export async function demoLogins(deps: Pick<AppDeps, 'db'>): Promise<DemoLogin[]> {
  const found = await deps.db
    .select({
      email: users.email,
      role: users.role,
      partnerId: users.partnerId,
      partnerName: partners.name,
      tier: partnerState.credited,
    })
    .from(users)
    .leftJoin(partners, eq(partners.partnerId, users.partnerId))
    .leftJoin(partnerState, eq(partnerState.partnerId, users.partnerId))
    .where(sql`${users.email} like ${`%@${DEMO_DOMAIN}`}`)
    .orderBy(users.email);
  return found.map((u) => ({ ...u, role: u.role as Role }));
}

export function formatDemoLogins(logins: readonly DemoLogin[]): string {
  if (logins.length === 0) return '';
  const lines = logins.map(
    (l) =>
      `  ${l.email.padEnd(34)} ${l.role.padEnd(14)} ${l.partnerName ? `${l.partnerName} (${l.tier ?? 'no tier'})` : 'all partners'}`,
  );
  return `Demo logins (password ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`;
}
