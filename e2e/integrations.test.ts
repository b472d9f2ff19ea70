// The console's integrations page: an operator creates an API token (shown once), the token
// reads the API, the operator revokes it and the same token gets 401 at once. The page in
// Swedish and Dutch. The token made here is new, so other journeys are untouched.
import { describe, expect, it } from 'vitest';
import { signIn } from './browser.ts';
import { baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

async function readWith(token: string): Promise<number> {
  const answer = await fetch(`${baseUrl()}/api/v1/partners?page=1&pageSize=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return answer.status;
}

describe('the integrations page', () => {
  it('creates a token shown once, which reads the API until it is revoked', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.operator);
    await page.getByRole('link', { name: 'API tokens and webhooks' }).click();
    await page.getByTestId('api-tokens').waitFor();

    const name = `E2E token ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('new-token');
    await shown.waitFor();
    const token = (await shown.locator('code').textContent())!.trim();
    expect(token).toMatch(/^tw_/);
    await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    expect(await readWith(token)).toBe(200);
    await checkScreen(page, 'operator-integrations-en');

    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await page.getByRole('button', { name: 'Revoke now' }).click();
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByText(/^Revoked/)
      .waitFor();
    expect(await readWith(token)).toBe(401);
    // Shown once: after a reload the secret is nowhere on the page.
    await page.reload();
    await page.getByTestId('api-tokens').waitFor();
    expect(await page.content()).not.toContain(token);

    for (const [label, title, locale] of [
      ['Svenska', 'API-nycklar och webhooks', 'sv'],
      ['Nederlands', 'API-tokens en webhooks', 'nl'],
    ] as const) {
      await choose(page, language, label);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await page.getByTestId('api-tokens').waitFor();
      await checkScreen(page, `operator-integrations-${locale}`);
    }
    await choose(page, language, 'English');
    await page.close();
  });
});
