// Deals that settle an approved registration (the fixture: ./testing.ts; today 2025-08-01):
// one that closes won, through an import of deals.csv or the ingest API, earns its partner
// sold points by the rules and the registration shows them; one that closes lost sets it lost.
// Matched on the registration's deal id or its client's domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/service.ts';
import { importFolder } from '../import/service.ts';
import { removeFolders, writeFolder } from '../import/testing.ts';
import { currentProgram } from '../portal/program.ts';
import { mine, RegistrationTest } from './testing.ts';

let h: RegistrationTest;

beforeAll(async () => {
  h = await RegistrationTest.start();
  await h.approve((await h.register(h.p1, 'P1')).id);
});
afterAll(async () => {
  removeFolders();
  await h.t.close();
});

describe('won through an import', () => {
  it('settles the approved registration when its client’s deal closes won, with the rules’ sold points', async () => {
    const nova = (await h.call('GET', mine('P1', '?status=approved'), h.p1)).body.registrations[0];
    const soldBefore = await h.soldPoints('P1');
    const dir = writeFolder({
      'clients.csv': 'client_id,name,country,currency,domain\nC20,Nova Robotics,SE,USD,nova-robotics.se\n',
      'deals.csv':
        'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency,products,name\n' +
        'D20,P1,C20,sourced,closed_won,2025-07-20,2025-08-01,1000,USD,Marketing Hub,Nova\n',
      'mrr_changes.csv':
        'change_id,client_id,product,date,mrr_after,currency,deal_id,reason\n' +
        'M20,C20,Marketing Hub,2025-08-01,1000,USD,D20,new\n',
    });
    const program = await currentProgram(h.t.deps.db);
    const result = await importFolder(h.t.deps.db, {
      dir,
      program,
      asOf: h.t.deps.clock.today(),
      now: h.t.deps.clock.now(),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const won = (await h.call('GET', mine('P1', `/${nova.id}`), h.p1)).body;
    // Rule set 2025-07: sourced 5 points per 100 USD, SE not a growth market: $1,000 → 50.
    expect(won).toMatchObject({ status: 'won', dealId: 'D20', points: 50 });
    expect(await h.soldPoints('P1')).toBe(soldBefore + 50);
    expect((await listAudit(h.t.deps.db, { entityId: nova.id })).map((e) => e.action)).toContain(
      'deal_registration.win',
    );
    expect((await h.events(nova.id)).map((e) => e.change)).toContain('won');
  });
});

describe('closed through the ingest API', () => {
  const facts = (batch: Record<string, Record<string, string>[]>) =>
    h.call('POST', '/api/v1/facts', h.ops, batch);
  const client = (id: string, name: string, domain: string) => ({
    client_id: id,
    name,
    country: 'SE',
    currency: 'USD',
    domain,
  });
  const closed = (id: string, clientId: string, stage: string, amount: string) => ({
    deal_id: id,
    partner_id: 'P1',
    client_id: clientId,
    type: 'sourced',
    stage,
    created_on: '2025-07-25',
    closed_on: '2025-08-01',
    amount,
    currency: 'USD',
    products: 'Marketing Hub',
    name: `${clientId} deal`,
  });

  it('a deal registered by its id that closes won earns the partner sold points, shown on the registration', async () => {
    const lumen = await h.register(h.p1, 'P1', {
      clientName: 'Lumen Labs GmbH',
      domain: 'lumen.example',
      currency: 'USD',
      expectedMrr: '2000',
      dealId: 'D31',
    });
    await h.approve(lumen.id);
    const soldBefore = await h.soldPoints('P1');
    const r = await facts({
      clients: [client('C31', 'Lumen Labs', 'lumen-labs.example')],
      deals: [closed('D31', 'C31', 'closed_won', '2000')],
      'mrr-changes': [
        {
          change_id: 'M31',
          client_id: 'C31',
          product: 'Marketing Hub',
          date: '2025-08-01',
          mrr_after: '2000',
          currency: 'USD',
          deal_id: 'D31',
          reason: 'new',
        },
      ],
    });
    expect(r.status, r.raw).toBe(200);
    const soldAfter = await h.soldPoints('P1');
    expect(soldAfter).toBeGreaterThan(soldBefore);
    const won = (await h.call('GET', mine('P1', `/${lumen.id}`), h.p1)).body;
    expect(won).toMatchObject({ status: 'won', dealId: 'D31' });
    // The registration shows what the deal earned: the whole rise of the partner's sold points.
    expect(won.points).toBe(soldAfter - soldBefore);
    const queue = await h.call('GET', '/api/v1/deal-registrations?status=won', h.ops);
    expect(queue.body.registrations.find((x: { id: string }) => x.id === lumen.id)).toMatchObject({
      points: won.points,
      dealId: 'D31',
    });
  });

  it("a deal of the registration's client (by domain) that closes lost sets it lost, without points", async () => {
    const quill = await h.register(h.p1, 'P1', { clientName: 'Quill Media BV', domain: 'quill.example' });
    await h.approve(quill.id);
    const soldBefore = await h.soldPoints('P1');
    const r = await facts({
      clients: [client('C32', 'Quill Media', 'https://www.Quill.example/')],
      deals: [closed('D32', 'C32', 'closed_lost', '900')],
    });
    expect(r.status, r.raw).toBe(200);
    const lost = (await h.call('GET', mine('P1', `/${quill.id}`), h.p1)).body;
    expect(lost).toMatchObject({ status: 'lost', dealId: 'D32', points: null });
    expect(await h.soldPoints('P1')).toBe(soldBefore);
    expect((await listAudit(h.t.deps.db, { entityId: quill.id })).map((e) => e.action)).toContain(
      'deal_registration.lose',
    );
    expect((await h.events(quill.id)).map((e) => e.change)).toContain('lost');
  });
});
