// The portal API's test fixture: partner P1 with a handful of clients whose numbers are
// derived by hand from PROGRAM_RULES (example program, today 2025-08-01, rule set 2025-07
// in force: sourced 5, assisted 3, managed 1 per 100 USD; EUR 88; Gold 630/60/150), and
// partner P2, which co-manages C2 and alone manages C9.
//
// P1 on 2025-08-01 (asOf):
//   C1 Acme (US, USD): sourced deal D1 2025-03-10 new line $1,000 → 50; upsell without a deal
//      2025-06-01 to $1,500 (seller of record D1) → 25; downgrade 2025-07-01 to $1,200
//      consumes the upsell first: 500 → 200 backing, 25 → 10 points (15 decreased).
//      Managed since 2025-01-01: 1,200 / 100 = 12.
//   C2 Beta (DE, EUR): €880 since 2024-05-01, no deal; managed by P1 since 2024-06-01 and by
//      P2 since 2025-01-01: 880 / 88 / 2 = 5 (on 2024-12-31, alone, EUR 75: 11.73).
//   C3 Gamma (BR, growth market): assisted deal D3 2025-05-01 $500 → 5 × 3 × 2 = 30.
//   C4 Delta (US): $4,000 since 2025-01-15, no deal; managed since 2025-02-01 → 40.
//   C5 Epsilon (US): sourced D5 2024-06-01 $200 → 10, expired 2025-06-01 (not a client now).
//   C6 Zeta (US): sourced D6 2025-02-01 $10,000 → 500; managed since 2025-02-01 → 100.
//   C7 Eta (US): sourced D7 2025-01-10 $400 → 20; churned 2025-04-01 (20 declined).
//   sourced 560, assisted 30, sold 590, managed 157, total 747: Gold (credited 2025-03-31,
//   when managed first reached 155.87 ≥ 150 with total 735.87 ≥ 600).
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import type { Tx } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { seedFacts } from '../../db/testing.ts';
import { scaled } from '../../domain/money.ts';
import { facts } from '../../domain/testing.ts';
import { seedUser } from '../../server/testing.ts';
import { recomputePartners } from '../points/service.ts';
import { currentProgram } from './program.ts';

export const TODAY = '2025-08-01';

export const USERS = {
  p1User: 'user@p1.example',
  p1Admin: 'admin@p1.example',
  p2User: 'user@secret-p2.example',
  operator: 'ops@vendor.example',
} as const;

export async function seedPortalFixture(deps: AppDeps): Promise<void> {
  const b = facts('P1')
    .client('C1')
    .client('C2', 'DE', 'EUR')
    .client('C3', 'BR', 'USD')
    .client('C4')
    .client('C5')
    .client('C6')
    .client('C7')
    .client('C9')
    .deal('D1', 'C1', { closedOn: '2025-03-10' })
    .deal('D3', 'C3', { type: 'assisted', closedOn: '2025-05-01' })
    .deal('D5', 'C5', { closedOn: '2024-06-01' })
    .deal('D6', 'C6', { closedOn: '2025-02-01' })
    .deal('D7', 'C7', { closedOn: '2025-01-10' })
    .deal('D8', 'C6', { stage: 'open', closedOn: '2025-07-01' })
    .deal('D9', 'C1', { type: 'assisted', stage: 'closed_lost', closedOn: '2025-03-01' })
    .mrr('C1', 'Marketing Hub', '2025-03-10', 1000, { deal: 'D1', id: 'CH-C1-1', reason: 'new' })
    .mrr('C1', 'Marketing Hub', '2025-06-01', 1500, { id: 'CH-C1-2', reason: 'upsell' })
    .mrr('C1', 'Marketing Hub', '2025-07-01', 1200, { id: 'CH-C1-3', reason: 'downgrade' })
    .mrr('C2', 'Sales Hub', '2024-05-01', 880, { id: 'CH-C2-1', reason: 'new' })
    .mrr('C3', 'Service Hub', '2025-05-01', 500, { deal: 'D3', id: 'CH-C3-1', reason: 'new' })
    .mrr('C4', 'CMS Hub', '2025-01-15', 4000, { id: 'CH-C4-1', reason: 'new' })
    .mrr('C5', 'Marketing Hub', '2024-06-01', 200, { deal: 'D5', id: 'CH-C5-1', reason: 'new' })
    .mrr('C6', 'Enterprise Suite', '2025-02-01', 10000, { deal: 'D6', id: 'CH-C6-1', reason: 'new' })
    .mrr('C7', 'Sales Hub', '2025-01-10', 400, { deal: 'D7', id: 'CH-C7-1', reason: 'new' })
    .mrr('C7', 'Sales Hub', '2025-04-01', 0, { id: 'CH-C7-2', reason: 'churn' })
    .mrr('C9', 'Sales Hub', '2025-01-01', 1000, { id: 'CH-C9-1', reason: 'new' })
    .manage('C1', '2025-01-01')
    .manage('C2', '2024-06-01')
    .manage('C2', '2025-01-01', null, 'P2')
    .manage('C4', '2025-02-01')
    .manage('C6', '2025-02-01')
    .manage('C9', '2024-01-01', null, 'P2')
    .certify('2024-01-01', '2026-12-31', 'Solutions Partner Certification');
  const names: Record<string, string> = {
    C1: 'Acme Inc',
    C2: 'Beta GmbH',
    C3: 'Gamma Ltda',
    C4: 'Delta LLC',
    C5: 'Epsilon Co',
    C6: 'Zeta Corp',
    C7: 'Eta Inc',
    C9: 'Secret P2 Client',
  };
  for (const c of b.clients) c.name = names[c.clientId]!;
  const amounts: Record<string, number> = {
    D1: 1000,
    D3: 500,
    D5: 200,
    D6: 10000,
    D7: 400,
    D8: 3000,
    D9: 700,
  };
  for (const d of b.deals) d.amount = scaled(amounts[d.dealId]!);
  await seedFacts(deps.db, b.build(), { partners: ['P2'] });

  const db = deps.db;
  await db
    .update(s.clients)
    .set({
      domain: 'acme.example',
      industry: 'Software',
      employees: 120,
      contactTier: 'Tier 1',
      emailTier: 'Tier 2',
      accountUrl: 'https://app.vendor.example/accounts/C1',
      crmUrl: 'https://crm.vendor.example/companies/C1',
    })
    .where(sql`client_id = 'C1'`);
  await db
    .update(s.deals)
    .set({ name: 'Acme marketing', products: ['Marketing Hub'] })
    .where(sql`deal_id = 'D1'`);
  await db
    .insert(s.renewals)
    .values([
      renewal('C1', 'Marketing Hub', '2025-09-15', 'pending', '100', 'Rita Renewal', 'Partner'),
      renewal('C6', 'Enterprise Suite', '2025-10-01', 'confirmed', '0', 'Rita Renewal', 'Vendor'),
      renewal('C4', 'CMS Hub', '2025-12-15', 'cancellation_requested', '-4000', 'Sam Renewal', 'Partner'),
      renewal('C5', 'Marketing Hub', '2025-09-01', 'pending', null, 'Sam Renewal', 'Partner'),
      renewal('C9', 'Sales Hub', '2025-09-01', 'pending', null, 'Sam Renewal', 'Partner'),
    ]);
  await db.insert(s.usage).values([
    { clientId: 'C1', month: '2025-06', toolsUsed: 3, engagementScore: 5, productsUsed: ['Marketing Hub'] },
    {
      clientId: 'C1',
      month: '2025-07',
      toolsUsed: 5,
      engagementScore: 8,
      productsUsed: ['Marketing Hub'],
      appsUsed: ['Slack', 'Zoom'],
      lastActiveUser: 'ann@acme.example',
      lastActiveOn: '2025-07-30',
    },
    {
      clientId: 'C6',
      month: '2025-07',
      toolsUsed: 2,
      engagementScore: 2,
      productsUsed: ['Enterprise Suite'],
      lastActiveUser: 'zed@zeta.example',
      lastActiveOn: '2025-07-28',
    },
  ]);
  await db.insert(s.teamContacts).values([
    {
      partnerId: 'P1',
      role: 'Partner Development Manager',
      name: 'Pat Manager',
      email: 'pat@vendor.example',
      description: 'Helps you grow your practice and reach the next tier',
    },
    {
      partnerId: 'P1',
      role: 'Channel Account Manager',
      name: 'Chris Account',
      email: 'chris@vendor.example',
    },
    {
      partnerId: 'P2',
      role: 'Partner Development Manager',
      name: 'Secret PDM',
      email: 'pdm@secret-p2.example',
    },
  ]);
  await db
    .insert(s.payments)
    .values([
      { partnerId: 'P1', paidOn: '2025-05-15', amount: '2280', currency: 'USD', reference: 'PAY-2025Q1' },
    ]);

  const program = await currentProgram(db);
  await db.transaction((tx: Tx) => recomputePartners(tx, { program, partnerIds: ['P1', 'P2'], asOf: TODAY }));

  await seedUser(deps, { email: USERS.p1User, role: 'partner-user', partnerId: 'P1' });
  await seedUser(deps, { email: USERS.p1Admin, role: 'partner-admin', partnerId: 'P1' });
  await seedUser(deps, { email: USERS.p2User, role: 'partner-user', partnerId: 'P2' });
  await seedUser(deps, { email: USERS.operator, role: 'operator' });
}

function renewal(
  clientId: string,
  product: string,
  renewalDate: string,
  status: string,
  projectedMrrChange: string | null,
  renewalManager: string,
  communicationOwner: string,
) {
  return { clientId, product, renewalDate, status, projectedMrrChange, renewalManager, communicationOwner };
}
