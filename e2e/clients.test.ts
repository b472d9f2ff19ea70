// Journeys on the clients table, the client panel and its four tabs, ending services, the
// upcoming renewals table, and a client of another partner named in the URL.
import { describe, expect, it } from 'vitest';
import type { ClientDetail, ClientList, RenewalList, Summary } from '../web/src/lib/api-types.ts';
import { launch, signIn } from './browser.ts';
import { apiAs, baseUrl, checkScreen, DEMO, panelsLoaded, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();

describe('the clients table and the client panel', () => {
  it('lists the clients of the first page as the API sorts them, and searches on the server', async () => {
    const api = await apiAs(DEMO.goldUser);
    const list = await api.get<ClientList>(`/api/v1/partners/${api.partnerId}/clients?pageSize=10`);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await panelsLoaded(page);
    const rows = page.getByTestId('client-row');
    await expect.poll(() => rows.count()).toBe(list.items.length);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-client-id')));
    expect(ids).toEqual(list.items.map((c) => c.clientId));
    const target = list.items[3] ?? list.items[0];
    await page.getByTestId('clients-search').fill(target?.name ?? '');
    await expect.poll(() => rows.first().getAttribute('data-client-id')).toBe(target?.clientId);
    await page.close();
  });

  it('opens a client panel from the row actions and shows each of its four tabs', async () => {
    const api = await apiAs(DEMO.goldUser);
    const list = await api.get<ClientList>(`/api/v1/partners/${api.partnerId}/clients?pageSize=10`);
    const client = list.items[0];
    const detail = await api.get<ClientDetail>(
      `/api/v1/partners/${api.partnerId}/clients/${client?.clientId}`,
    );
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await panelsLoaded(page);
    await page.getByRole('button', { name: `Actions for ${client?.name} (${client?.clientId})` }).click();
    await page.getByRole('menuitem', { name: 'Client information' }).click();
    const drawer = page.getByTestId('client-drawer');
    await expect.poll(() => drawer.textContent()).toContain(detail.client.name);
    expect(await drawer.getByTestId('client-info').textContent()).toContain(detail.client.clientId);
    expect(page.url()).toContain(`client=${client?.clientId}`);
    await checkScreen(page, 'client-info');
    for (const [tab, content] of [
      ['renewals', 'client-renewal'],
      ['usage', 'client-usage'],
      ['engagement', 'client-engagement'],
    ] as const) {
      await drawer.getByTestId(`client-tab-${tab}`).click();
      await panelsLoaded(page);
      await checkScreen(page, `client-${tab}`);
      expect(
        (await drawer.getByTestId(content).count()) + (await drawer.getByText(/no |nothing/i).count()),
        `the ${tab} tab shows its content or says there is none`,
      ).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('ends services after a confirmation: the client leaves the table and the managed points drop', async () => {
    // A partner admin of the largest partner ends the management of one managed client.
    const api = await apiAs(DEMO.topAdmin);
    const base = `/api/v1/partners/${api.partnerId}`;
    const managed = await api.get<ClientList>(
      `${base}/clients?relationship=managed&sort=managedPoints&dir=desc&pageSize=5`,
    );
    const client = managed.items.find((c) => c.points.managed > 0);
    expect(client, 'the partner manages a client with managed points').toBeDefined();
    const before = await api.get<Summary>(`${base}/dashboard`);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.topAdmin);
    await panelsLoaded(page);
    await page.getByTestId('clients-search').fill(client?.name ?? '');
    const row = page.locator(`[data-testid="client-row"][data-client-id="${client?.clientId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await page.getByRole('button', { name: `Actions for ${client?.name} (${client?.clientId})` }).click();
    await page.getByTestId('end-services').click();
    const modal = page.getByTestId('end-services-modal');
    await checkScreen(page, 'end-services-confirm');
    await modal.getByRole('button', { name: /End services/ }).click();
    await expect.poll(() => page.getByTestId('end-services-done').isVisible()).toBe(true);
    await expect.poll(() => row.count()).toBe(0);
    const after = await api.get<Summary>(`${base}/dashboard`);
    expect(after.points.managed).toBeLessThan(before.points.managed);
    const points = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(after.points.total);
    await expect.poll(() => page.getByTestId('total-points').textContent()).toBe(points);
    await page.close();
  });

  it("shows not found, and none of its data, for another partner's client in the URL", async () => {
    const top = await apiAs(DEMO.topAdmin);
    const theirs = await top.get<ClientList>(`/api/v1/partners/${top.partnerId}/clients?pageSize=1`);
    const secret = theirs.items[0];
    const gold = await apiAs(DEMO.goldUser);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await page.goto(`${baseUrl()}/partners/${gold.partnerId}/dashboard?client=${secret?.clientId}`);
    const drawer = page.getByTestId('client-drawer');
    await expect.poll(() => drawer.textContent()).toContain('Not found');
    expect(await drawer.textContent()).not.toContain(secret?.name);
    await page.goto(`${baseUrl()}/partners/${top.partnerId}/dashboard?client=${secret?.clientId}`);
    await expect.poll(() => page.getByTestId('not-found').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(secret?.name);
    await page.close();
  });
});

describe('upcoming renewals', () => {
  it('sorts on the server and opens the client record', async () => {
    const api = await apiAs(DEMO.goldUser);
    const base = `/api/v1/partners/${api.partnerId}/renewals`;
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await panelsLoaded(page);
    const table = page.getByTestId('renewals-table');
    await table.getByRole('button', { name: /Client/ }).click();
    const byClient = await api.get<RenewalList>(`${base}?sort=client&dir=asc&pageSize=10`);
    await expect
      .poll(async () => (await table.locator('tbody tr').first().textContent()) ?? '')
      .toContain(byClient.items[0]?.clientName);
    await table.locator('tbody tr').first().getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('client-drawer').isVisible()).toBe(true);
    expect(page.url()).toContain(`client=${byClient.items[0]?.clientId}`);
    await page.close();
  });
});

describe('a phone', () => {
  it('shows the dashboard in one column without a horizontal scroll of the page', async () => {
    const phone = await launch({ width: 390, height: 844 });
    const page = await phone.context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await panelsLoaded(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkScreen(page, 'dashboard-phone');
    await phone.close();
  });
});
