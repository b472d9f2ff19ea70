// Journeys of user management: an operator invites a partner user in the console, the
// invitation email arrives at the local SMTP server (./global-setup.ts), its link sets a
// password and the new user signs in; a partner super admin invites a colleague and
// deactivates them, and the colleague can no longer sign in. Every account created here is
// new (unique emails), so the demo accounts other journeys read stay as they were.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from './browser.ts';
import { auditRow, baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';
import { quietPartner, writerAs } from './fresh-user.ts';

const browser = sharedBrowser();
let counter = 0;

function uniqueEmail(name: string): string {
  counter += 1;
  return `${name}-${Date.now()}-${counter}@e2e.tierwise.test`;
}

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** The email to `to` that the local SMTP server wrote to the mail folder. */
async function mailTo(to: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const dir = inject('mailDir');
        for (const file of readdirSync(dir)) {
          const mail = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Mail;
          if (mail.to.includes(to)) found = mail;
        }
        return found !== undefined;
      },
      { message: `an email to ${to}` },
    )
    .toBe(true);
  return found!;
}

function linkIn(mail: Mail): string {
  const link = /https?:\/\/\S+\/set-password\?token=\S+/.exec(mail.text)?.[0];
  expect(link, 'a set-password link in the email').toBeDefined();
  return link!;
}

/** Signs in on the sign-in page and waits until it is left (operators land in the console). */
async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel(/email|e-post|e-mail/i).fill(email);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function signInStatus(email: string): Promise<number> {
  const response = await fetch(`${baseUrl()}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return response.status;
}

/** Opens a set-password link in the browser and chooses the demo password. */
async function setPasswordWith(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('alert').or(page.locator('.mantine-Alert-root')).first().waitFor();
  await expect.poll(() => page.locator('body').textContent()).toMatch(/password is set|lösenord|wachtwoord/i);
}

/** A new user with a saved language, created through the API and with the demo password. */
async function userWithLocale(
  role: 'operator' | 'partner-admin',
  locale: 'sv' | 'nl',
  partnerId: string | null,
): Promise<string> {
  const operator = await writerAs(DEMO.operator);
  const email = uniqueEmail(`${role}-${locale}`);
  const answer = await operator.send<{ setPasswordLink: { url: string } }>('POST', '/api/v1/users', {
    email,
    role,
    partnerId,
    locale,
  });
  const token = new URL(answer.setPasswordLink.url).searchParams.get('token');
  const set = await fetch(`${baseUrl()}/api/v1/password/set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: DEMO_PASSWORD }),
  });
  expect(set.status).toBe(204);
  return email;
}

async function openRowActions(page: Page, email: string): Promise<void> {
  const row = page.locator(`tr[data-email="${email}"]`);
  await row.waitFor();
  await row.getByTestId('user-actions').click();
}

describe('an operator inviting a partner user', () => {
  it('invites in the console; the email arrives, its link sets a password, the user signs in', {
    timeout: 180_000,
  }, async () => {
    const operator = await writerAs(DEMO.operator);
    const demo = await Promise.all(
      [DEMO.goldUser, DEMO.topAdmin, DEMO.newUser].map(async (e) => (await writerAs(e)).partnerId),
    );
    const partnerId = await quietPartner(operator, demo);
    const email = uniqueEmail('invited');

    const page = await browser().context.newPage();
    page.setDefaultTimeout(60_000);
    await signInAs(page, DEMO.operator);
    await page.goto(`${baseUrl()}/operator/users`);
    await page.getByTestId('users-table').waitFor();
    await checkScreen(page, 'users-console-en');

    await page.getByTestId('invite-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill(email);
    await choose(dialog, /^Role/, 'Partner user');
    await dialog.getByRole('combobox', { name: /^Partner/ }).fill(partnerId);
    await page.getByRole('option', { name: new RegExp(`\\(${partnerId}\\)`) }).click();
    await checkScreen(page, 'users-invite-form-en');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const result = page.getByTestId('invitation-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`Invitation sent to ${email}`);
    await checkScreen(page, 'users-invitation-sent-en');
    await page.getByRole('button', { name: 'Done' }).click();

    const mail = await mailTo(email);
    expect(mail.subject).toBe('You are invited to Tierwise');
    const link = linkIn(mail);
    expect(link.startsWith(baseUrl()), `${link} opens the demo server`).toBe(true);

    await page.getByTestId('users-search').fill(email);
    const row = page.locator(`tr[data-email="${email}"]`);
    await expect.poll(() => row.textContent()).toContain('Invited');
    const invitation = await auditRow(page, 'user.create', email);
    expect(await invitation.textContent()).toContain(DEMO.operator);

    // The same browser signs in as the invitee (the operator's session is replaced).
    await setPasswordWith(page, link);
    await signInAs(page, email);
    await page.waitForURL(new RegExp(`/partners/${partnerId}/dashboard`));
    const users =
      await operator.get<{ email: string; hasPassword: boolean; lastSignInAt: string | null }[]>(
        '/api/v1/users',
      );
    expect(users.find((u) => u.email === email)).toMatchObject({ hasPassword: true });
    expect(users.find((u) => u.email === email)?.lastSignInAt).not.toBeNull();
    await page.close();
  });

  it('shows every user in Swedish to an operator who reads Swedish', { timeout: 120_000 }, async () => {
    const email = await userWithLocale('operator', 'sv', null);
    const page = await browser().context.newPage();
    page.setDefaultTimeout(60_000);
    await signInAs(page, email);
    await page.goto(`${baseUrl()}/operator/users`);
    await page.getByTestId('users-table').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Användare');
    await page.getByTestId('users-search').fill(email);
    await openRowActions(page, email);
    await checkScreen(page, 'users-console-sv');
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('a partner super admin managing colleagues', () => {
  it('invites a colleague and deactivates them; the colleague can no longer sign in', {
    timeout: 180_000,
  }, async () => {
    const admin = await writerAs(DEMO.topAdmin);
    const partnerId = admin.partnerId!;
    const email = uniqueEmail('colleague');
    const page = await browser().context.newPage();
    page.setDefaultTimeout(60_000);
    await signInAs(page, DEMO.topAdmin);
    await page.goto(`${baseUrl()}/partners/${partnerId}/users`);
    await page.getByTestId('users-table').waitFor();

    await page.getByTestId('invite-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByTestId('invitation-result').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    const link = linkIn(await mailTo(email));
    const token = new URL(link).searchParams.get('token');
    const set = await fetch(`${baseUrl()}/api/v1/password/set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: DEMO_PASSWORD }),
    });
    expect(set.status).toBe(204);
    expect(await signInStatus(email)).toBe(200);

    await page.reload();
    await page.getByTestId('users-search').fill(email);
    await openRowActions(page, email);
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await page.getByTestId('confirm-user-change').waitFor();
    await checkScreen(page, 'users-partner-confirm-en');
    await page.getByTestId('confirm-user-change').click();
    await expect.poll(() => page.locator(`tr[data-email="${email}"]`).textContent()).toContain('Deactivated');
    await checkScreen(page, 'users-partner-en');

    expect(await signInStatus(email)).toBe(401);
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel(/email/i).fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // An operator finds both in the audit log, done by the partner's super admin.
    await signInAs(page, DEMO.operator);
    const invited = await auditRow(page, 'user.create', email);
    expect(await invited.textContent()).toContain(DEMO.topAdmin);
    const deactivated = await auditRow(page, 'user.update', email);
    expect(await deactivated.textContent()).toContain(DEMO.topAdmin);
    await deactivated.getByRole('button', { name: /^Show the changes/ }).click();
    await page.getByTestId('audit-changes').locator('tr[data-changed]', { hasText: 'disabled' }).waitFor();
    await page.close();
  });

  it('shows the partner’s users in Dutch to a partner admin who reads Dutch', {
    timeout: 120_000,
  }, async () => {
    const partnerId = (await writerAs(DEMO.topAdmin)).partnerId!;
    const email = await userWithLocale('partner-admin', 'nl', partnerId);
    const page = await browser().context.newPage();
    page.setDefaultTimeout(60_000);
    await signInAs(page, email);
    await page.goto(`${baseUrl()}/partners/${partnerId}/users`);
    await page.getByTestId('users-table').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gebruikers');
    await checkScreen(page, 'users-partner-nl');
    // Their own row offers no way to deactivate or demote themselves.
    await page.getByTestId('users-search').fill(email);
    await openRowActions(page, email);
    expect(await page.getByRole('menuitem', { name: 'Deactiveren' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.close();
  });
});
