// Journey on the console's Registration queue: the top partner's admin registers a deal
// through the API; since then the CRM brought a client with the same domain that the Gold
// partner manages. The operator sees the registration in the queue with that evidence (the
// domain and the Gold partner, named), tries to reject it without a reason and is told one
// is needed, then approves it. The deal closes won through an upload of deals.csv and
// mrr_changes.csv on the Imports page: the partner's sold points rise by the points the
// registration shows. The queue in Swedish and Dutch.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QueueRegistration } from '../web/src/lib/api-types.ts';
import {
  apiAs,
  checkScreen,
  choose,
  consoleLoaded,
  DEMO,
  sharedBrowser,
  signInOperator,
} from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

interface Registration {
  id: string;
  status: string;
  points: number | null;
  dealId: string | null;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function upload(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Console navigation' })
    .getByRole('link', { name: 'Imports', exact: true })
    .click();
  await page.getByRole('heading', { name: 'Upload files' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Files', exact: true }).click(),
  ]);
  await chooser.setFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) })),
  );
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const current = page.getByTestId('import-current');
  await current.waitFor();
  await expect.poll(() => current.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
}

describe('the registration queue', () => {
  it('shows a registration with its conflict evidence, asks a reason to reject, approves it, and the won deal earns its points', async () => {
    const operator = await apiAs(DEMO.operator);
    const partner = await apiAs(DEMO.topAdmin);
    const gold = await apiAs(DEMO.goldUser);
    const partnerId = partner.partnerId!;
    const { today } = await operator.get<{ today: string }>('/api/v1/overview');
    // Unique per run: the demo database outlives a run.
    const run = Date.now().toString(36);
    const domain = `nordlicht-${run}.example`;
    const clientId = `E2E-REG-C-${run}`;
    const dealId = `E2E-REG-D-${run}`;
    const mine = `/api/v1/partners/${encodeURIComponent(partnerId)}/deal-registrations`;

    const created = await partner.post<Registration>(mine, {
      clientName: 'Nordlicht Analytics GmbH',
      domain: `https://www.${domain}/kontakt`,
      country: 'DE',
      currency: 'USD',
      products: ['Marketing Hub'],
      expectedMrr: '1234.56',
      expectedCloseDate: addDays(today, 30),
      dealType: 'sourced',
      notes: 'Met at the partner summit',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const registration = created.body;
    // Since then the CRM sent a client of that domain, managed by the Gold partner.
    const crm = await operator.post('/api/v1/facts', {
      clients: [{ client_id: clientId, name: 'Nordlicht Analytics', country: 'DE', currency: 'USD', domain }],
      managements: [{ partner_id: gold.partnerId, client_id: clientId, start_date: today }],
    });
    expect(crm.status, JSON.stringify(crm.body)).toBe(200);
    const queue = await operator.get<{
      registrations: QueueRegistration[];
      partnerNames: Record<string, string>;
    }>('/api/v1/deal-registrations?status=submitted');
    const queued = queue.registrations.find((r) => r.id === registration.id)!;
    expect(queued.conflicts).toEqual([
      expect.objectContaining({ kind: 'client', match: 'domain', clientId, partnerIds: [gold.partnerId] }),
    ]);
    const goldName = queue.partnerNames[gold.partnerId!]!;

    const page = await browser().context.newPage();
    await signInOperator(page);
    await page
      .getByRole('navigation', { name: 'Console navigation' })
      .getByRole('link', { name: 'Registration queue', exact: true })
      .click();
    await page.waitForURL(/\/operator\/registrations$/);
    await consoleLoaded(page);
    const row = page.getByTestId('registration-queue').locator(`tr[data-registration="${registration.id}"]`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining([
        queued.partnerName,
        'Nordlicht Analytics GmbH',
        domain,
        '$1,234.56',
        'Submitted',
      ]),
    );
    await row.getByTestId('conflict-marker').waitFor();
    await checkScreen(page, 'operator-registrations-queue-en');

    await row.getByRole('button', { name: /^Details of Nordlicht/ }).click();
    const detail = page.getByTestId('registration-detail');
    await detail.waitFor();
    const evidence = detail.getByTestId('conflict-evidence');
    expect(await evidence.count()).toBe(1);
    const evidenceText = await evidence.textContent();
    expect(evidenceText).toContain(`The same domain: ${domain}`);
    expect(evidenceText).toContain(`${goldName} (${gold.partnerId})`);
    await detail.getByRole('heading', { name: 'Decide the disputed registration' }).waitFor();
    await checkScreen(page, 'operator-registrations-detail-en');

    // No reason: told so, and nothing decided.
    await detail.getByRole('button', { name: 'Reject', exact: true }).click();
    await detail.getByText('Give a reason to reject the registration.').waitFor();
    await checkScreen(page, 'operator-registrations-reason-en');
    expect((await partner.get<Registration>(`${mine}/${registration.id}`)).status).toBe('submitted');

    await detail.getByLabel('Reason').fill('The Gold partner manages only support; this is a new sale');
    await detail.getByRole('button', { name: 'Approve', exact: true }).click();
    await page
      .getByTestId('decision-notice')
      .getByText('Approved the registration of Nordlicht Analytics GmbH.')
      .waitFor();
    // It left the queue; it is among the approved ones, decided by the operator.
    await expect.poll(() => row.count()).toBe(0);
    expect((await partner.get<Registration>(`${mine}/${registration.id}`)).status).toBe('approved');
    await choose(page, 'Show', 'Approved');
    await row.waitFor();
    await row.getByRole('button').click();
    expect(await detail.getByTestId('decided-by').textContent()).toContain(DEMO.operator);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });

    // The deal closes won: deals.csv and its MRR change through the Imports page.
    const dashboard = `/api/v1/partners/${encodeURIComponent(partnerId)}/dashboard`;
    const soldBefore = (await partner.get<{ points: { sold: number } }>(dashboard)).points.sold;
    await upload(page, [
      {
        name: 'deals.csv',
        text:
          'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency,products,name\n' +
          `${dealId},${partnerId},${clientId},sourced,closed_won,${today},${today},1234.56,USD,Marketing Hub,Nordlicht\n`,
      },
      {
        name: 'mrr_changes.csv',
        text:
          'change_id,client_id,product,date,mrr_after,currency,deal_id,reason\n' +
          `E2E-REG-M-${run},${clientId},Marketing Hub,${today},1234.56,USD,${dealId},new\n`,
      },
    ]);
    const won = await partner.get<Registration>(`${mine}/${registration.id}`);
    expect(won).toMatchObject({ status: 'won', dealId });
    const soldAfter = (await partner.get<{ points: { sold: number } }>(dashboard)).points.sold;
    expect(won.points, 'the won deal earns sold points').toBeGreaterThan(0);
    expect(soldAfter - soldBefore).toBeCloseTo(won.points!, 2);

    await page.goto(
      page.url().replace(/\/operator\/.*$/, `/operator/registrations?view=won&open=${registration.id}`),
    );
    await consoleLoaded(page);
    await detail.waitFor();
    const points = await detail.getByTestId('registration-points').textContent();
    expect(Number(points!.replace(/[^\d.]/g, ''))).toBeCloseTo(won.points!, 2);
    await checkScreen(page, 'operator-registrations-won-en');

    for (const [label, title, status, locale] of [
      ['Svenska', 'Registreringskö', 'Vunnen', 'sv'],
      ['Nederlands', 'Registratiewachtrij', 'Gewonnen', 'nl'],
    ] as const) {
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });
      await choose(page, language, label);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await row.getByText(status, { exact: true }).waitFor();
      await checkScreen(page, `operator-registrations-won-${locale}`);
      await row.getByRole('button').click();
      await detail.waitFor();
      await checkScreen(page, `operator-registrations-detail-${locale}`);
    }
    await page.keyboard.press('Escape');
    await choose(page, language, 'English');
    await page.close();
  });
});
