// The console's single sign-on page: an operator sets up a provider and an operator domain,
// sees the secret only as a hint afterwards, the sign-in page then offers single sign-on,
// and the operator turns it off again (other journeys expect it off).
import { describe, expect, it } from 'vitest';
import { signIn } from './browser.ts';
import { baseUrl, checkScreen, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();

describe('the single sign-on page', () => {
  it('saves the provider and a domain mapping, and shows the secret only as a hint', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.operator);
    await page.getByRole('link', { name: 'Single sign-on' }).click();
    await page.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
    await page.getByLabel('Issuer URL').fill('https://login.demo-vendor.example');
    await page.getByLabel('Client ID').fill('tierwise-demo');
    await page.getByLabel('Client secret').fill('demo-secret-value-4242');
    await page.getByRole('button', { name: 'Add a domain' }).click();
    await page.getByLabel('Domain').fill('demo-vendor.example');
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Operator' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Single sign-on is saved.').waitFor();
    await page.getByText('A secret is stored (••••4242)').waitFor();
    expect(await page.content()).not.toContain('demo-secret-value-4242');
    await checkScreen(page, 'operator-sso-en');

    const signInPage = await browser().context.newPage();
    await signInPage.goto(`${baseUrl()}/sign-in`);
    await signInPage.getByRole('link', { name: 'Sign in with single sign-on' }).waitFor();
    await checkScreen(signInPage, 'sign-in-with-sso-en');
    await signInPage.close();

    await page.getByRole('button', { name: 'Turn single sign-on off' }).click();
    await page.getByRole('button', { name: 'Turn single sign-on off' }).waitFor({ state: 'detached' });
    await page.close();
  });
});
