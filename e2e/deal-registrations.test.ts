// Journey of a partner's deal registration (issue 14), as a new user of a partner no other
// journey reads: from the navigation to My registrations (empty) and Register a deal. A
// company whose domain is another partner's client: the check as they type and the refused
// submission say it conflicts, never with whom. A clean one with a past close date and a
// negative MRR: each error under its field; corrected, it is in My registrations as
// submitted; registering it again is refused as a duplicate; picking an existing client
// fills in its name. The operator approves it (API), the partner asks for an extension; the
// dashboard's shared-sales panel counts it. The deal closes won through the ingest API: the
// registration is won with the sold points the partner gained. My registrations and the
// form in Swedish and Dutch; the demo partner's registrations in every status.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import {
  apiAs,
  baseUrl,
  checkScreen,
  choose,
  DEMO,
  panelsLoaded,
  sharedBrowser,
  signInOperator,
} from './fixtures.ts';
import { freshUser, writerAs } from './fresh-user.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The error message Mantine shows under a field (the input's aria-describedby). */
async function fieldError(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter((id) => id.endsWith('-error'))
      .map((id) => field.page().locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

async function fillCompany(page: Page, name: string, domain: string): Promise<void> {
  // By test id: the labels are in the page's language.
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('client-domain').fill(domain);
}

describe('deal registration by a partner', () => {
  it('checks for conflicts without naming the other partner, shows field errors, registers, extends, and the won deal earns points', async () => {
    const operator = await apiAs(DEMO.operator);
    const writer = await writerAs(DEMO.operator);
    const { today } = await operator.get<{ today: string }>('/api/v1/overview');
    // Partners with a tier that no demo account (nor the first "quiet" one) belongs to.
    const demo = await Promise.all(
      [DEMO.topAdmin, DEMO.goldUser, DEMO.newUser].map(async (e) => (await apiAs(e)).partnerId),
    );
    const { partners } = await operator.get<{
      partners: { partnerId: string; name: string; credited: string | null }[];
    }>('/api/v1/partners');
    const free = partners.filter((p) => p.credited !== null && !demo.includes(p.partnerId));
    expect(free.length).toBeGreaterThanOrEqual(3);
    const mine = free[free.length - 1]!;
    const other = free[free.length - 2]!;
    const user = await freshUser(writer, mine.partnerId, 'registrations');
    const partner = await apiAs(user);
    const run = Date.now().toString(36);
    const taken = `taken-${run}.example`;
    const domain = `aurora-${run}.example`;
    const clientId = `E2E-PREG-C-${run}`;
    const list = `/api/v1/partners/${encodeURIComponent(mine.partnerId)}/deal-registrations`;

    // The other partner manages a client of the `taken` domain.
    const crm = await operator.post('/api/v1/facts', {
      clients: [
        { client_id: `${clientId}-X`, name: 'Skyline Optics', country: 'SE', currency: 'USD', domain: taken },
      ],
      managements: [{ partner_id: other.partnerId, client_id: `${clientId}-X`, start_date: today }],
    });
    expect(crm.status, JSON.stringify(crm.body)).toBe(200);

    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), user);
    await panelsLoaded(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Registrations', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My registrations' }).waitFor();
    await panelsLoaded(page);
    await page.getByText('You have not registered any deal yet.').waitFor();
    await page.getByRole('link', { name: 'Register a deal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register a deal' }).waitFor();

    // A conflict, said as they type and on submission, never with whom.
    await page.getByRole('textbox', { name: /^Company name/ }).waitFor();
    await page.getByRole('textbox', { name: /^Company domain/ }).waitFor();
    await fillCompany(page, 'Skyline Optics AB', `https://www.${taken}/about`);
    const warning = page.getByTestId('conflict-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('data-conflict')).toBe('conflict');
    await choose(page, /^Country/, 'Sweden');
    await choose(page, /^Currency/, 'USD · US Dollar');
    await page.getByRole('textbox', { name: /^Expected MRR/ }).fill('900');
    await page.getByLabel(/^Expected close date/).fill(addDays(today, 30));
    // The TagsInput's own input (its label also names the suggestions' listbox).
    const products = page.getByLabel(/^Products/).and(page.locator('input'));
    await products.fill('Marketing Hub');
    await products.press('Enter');
    await page.getByRole('button', { name: 'Register the deal' }).click();
    const refused = page.getByTestId('register-error');
    await refused
      .getByText(/conflicts with a client or a protected registration of another partner/)
      .waitFor();
    const main = (await page.getByTestId('app-main').textContent()) ?? '';
    for (const secret of [other.name, other.partnerId, `${clientId}-X`])
      expect(main, 'the other partner is never named').not.toContain(secret);
    await checkScreen(page, 'registrations-conflict-en');

    // A clean company, with a past close date and a negative MRR: each field says what is wrong.
    await fillCompany(page, `Aurora Seafood ${run} AB`, `https://www.${domain}/`);
    await page.getByTestId('conflict-clear').waitFor();
    expect(await page.getByTestId('conflict-clear').textContent()).toContain(`Checked as ${domain}.`);
    const mrr = page.getByRole('textbox', { name: /^Expected MRR/ });
    const close = page.getByLabel(/^Expected close date/);
    await mrr.fill('-50');
    await close.fill(addDays(today, -3));
    await page.getByRole('button', { name: 'Register the deal' }).click();
    expect(await fieldError(mrr)).toBe(
      'Give an amount of zero or more, such as 1250.50 (at most 4 decimals).',
    );
    expect(await fieldError(close)).toBe('Give a close date of today or later.');
    await refused.getByText('Some fields need a change; see the messages below them.').waitFor();
    await checkScreen(page, 'registrations-field-errors-en');
    expect((await partner.get<{ registrations: Registration[] }>(list)).registrations).toEqual([]);

    await mrr.fill('1500.25');
    await close.fill(addDays(today, 30));
    // The partner knows the vendor's deal id: the registration is matched on it when it closes.
    const dealId = `E2E-PREG-D-${run}`;
    await page.getByTestId('register-deal-id').fill(dealId);
    await page.getByRole('button', { name: 'Register the deal' }).click();
    await page.waitForURL(/\/registrations\?registered=/);
    await page
      .getByTestId('registration-notice')
      .getByText(`Registered Aurora Seafood ${run} AB`, { exact: false })
      .waitFor();
    const [created] = (await partner.get<{ registrations: Registration[] }>(list)).registrations;
    expect(created).toMatchObject({
      clientName: `Aurora Seafood ${run} AB`,
      domain,
      status: 'submitted',
      expectedMrr: '1500.25',
      products: ['Marketing Hub'],
      country: 'SE',
      currency: 'USD',
      dealId,
    });
    const row = page.getByTestId('my-registrations').locator(`tr[data-registration="${created!.id}"]`);
    expect(await row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining([`Aurora Seafood ${run} AB`, domain, '$1,500.25', 'Submitted']),
    );
    await checkScreen(page, 'registrations-submitted-en');

    // The same company again: a duplicate, as they type and on submission.
    await page.getByRole('link', { name: 'Register a deal' }).click();
    await fillCompany(page, `Aurora Seafood ${run} AB`, domain);
    await expect.poll(() => warning.getAttribute('data-conflict')).toBe('duplicate');
    await choose(page, /^Country/, 'Sweden');
    await choose(page, /^Currency/, 'USD · US Dollar');
    await mrr.fill('1500');
    await close.fill(addDays(today, 30));
    await page.getByRole('button', { name: 'Register the deal' }).click();
    await refused.getByText(/you already have an active registration of this company/).waitFor();
    await checkScreen(page, 'registrations-duplicate-en');

    // An existing client of the partner fills in its name; the check runs on its id.
    const clients = await partner.get<{ items: { clientId: string; name: string }[] }>(
      `/api/v1/partners/${encodeURIComponent(mine.partnerId)}/clients?sort=client&dir=asc&page=1&pageSize=1`,
    );
    const known = clients.items[0]!;
    await page.getByTestId('client-domain').fill('');
    await choose(page, /^Existing client/, `${known.name} (${known.clientId})`);
    await expect.poll(() => page.getByTestId('client-name').inputValue()).toBe(known.name);
    await page.locator('[data-testid="conflict-clear"], [data-testid="conflict-warning"]').first().waitFor();

    // The operator approves it; the partner asks for an extension.
    const decided = await operator.post(`/api/v1/deal-registrations/${created!.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 1, name: 'My registrations' }).waitFor();
    await page.reload();
    await panelsLoaded(page);
    await row.getByText('Approved', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Request extension for Aurora Seafood ${run} AB` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await dialog.getByText('Give a reason for the extension.').waitFor();
    await dialog
      .getByRole('textbox', { name: /^Why should the protection be extended/ })
      .fill('Their board signs in two months.');
    await checkScreen(page, 'registrations-extension-en');
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('registration-notice')
      .getByText(/Asked to extend the protection/)
      .waitFor();
    await row.getByText('Extension requested', { exact: true }).waitFor();
    expect(await partner.get<Registration>(`${list}/${created!.id}`)).toMatchObject({
      status: 'approved',
      extensionStatus: 'requested',
      extensionReason: 'Their board signs in two months.',
    });

    // The dashboard's shared-sales panel counts it, and leads back to My registrations.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await panelsLoaded(page);
    const counts = page.getByTestId('registration-counts');
    await counts.waitFor();
    expect(await counts.locator('[data-status="approved"]').textContent()).toBe('Approved 1');
    expect(await counts.locator('[data-status="submitted"]').textContent()).toBe('Submitted 0');
    await counts.scrollIntoViewIfNeeded();
    await checkScreen(page, 'registrations-dashboard-en');
    await counts.getByRole('link', { name: 'My registrations' }).click();
    await page.getByRole('heading', { level: 1, name: 'My registrations' }).waitFor();

    // The deal closes won through the ingest API: matched on the deal id given at submission.
    const dashboard = `/api/v1/partners/${encodeURIComponent(mine.partnerId)}/dashboard`;
    const soldBefore = (await partner.get<{ points: { sold: number } }>(dashboard)).points.sold;
    const won = await operator.post('/api/v1/facts', {
      clients: [{ client_id: clientId, name: 'Aurora Seafood', country: 'SE', currency: 'USD', domain }],
      deals: [
        {
          deal_id: dealId,
          partner_id: mine.partnerId,
          client_id: clientId,
          type: 'sourced',
          stage: 'closed_won',
          created_on: today,
          closed_on: today,
          amount: '1500.25',
          currency: 'USD',
          products: 'Marketing Hub',
          name: 'Aurora',
        },
      ],
      'mrr-changes': [
        {
          change_id: `E2E-PREG-M-${run}`,
          client_id: clientId,
          product: 'Marketing Hub',
          date: today,
          mrr_after: '1500.25',
          currency: 'USD',
          deal_id: dealId,
          reason: 'new',
        },
      ],
    });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    const settled = await partner.get<Registration>(`${list}/${created!.id}`);
    expect(settled).toMatchObject({ status: 'won', dealId });
    const soldAfter = (await partner.get<{ points: { sold: number } }>(dashboard)).points.sold;
    expect(settled.points, 'the won deal earns sold points').toBeGreaterThan(0);
    expect(soldAfter - soldBefore).toBeCloseTo(settled.points!, 2);
    await page.reload();
    await panelsLoaded(page);
    await row.getByText('Won', { exact: true }).waitFor();
    const points = await row.getByTestId('registration-points').textContent();
    expect(Number(points!.replace(/[^\d.]/g, ''))).toBeCloseTo(settled.points!, 2);
    await checkScreen(page, 'registrations-won-en');

    for (const [label, title, status, register, locale] of [
      ['Svenska', 'Mina registreringar', 'Vunnen', 'Registrera en affär', 'sv'],
      ['Nederlands', 'Mijn registraties', 'Gewonnen', 'Een deal registreren', 'nl'],
    ] as const) {
      await choose(page, language, label);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await row.getByText(status, { exact: true }).waitFor();
      await checkScreen(page, `registrations-won-${locale}`);
      await page.getByRole('link', { name: register }).first().click();
      await page.getByRole('heading', { level: 1, name: register }).waitFor();
      await fillCompany(page, 'Skyline Optics AB', taken);
      await page.getByTestId('conflict-warning').waitFor();
      await checkScreen(page, `registrations-conflict-${locale}`);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
    await choose(page, language, 'English');
    await page.close();

    // The demo data: the largest partner's registrations in every status, as an operator sees them.
    const ops = await browser().context.newPage();
    await signInOperator(ops);
    await ops.goto(`${baseUrl()}/partners/${encodeURIComponent(demo[0]!)}/registrations`);
    await panelsLoaded(ops);
    const statuses = await ops
      .getByTestId('my-registrations')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(
      new Set(['submitted', 'approved', 'rejected', 'expired', 'won', 'lost']),
    );
    await ops.getByTestId('rejection-reason').first().waitFor();
    await checkScreen(ops, 'registrations-demo-en');
    await ops.close();
  });
});
