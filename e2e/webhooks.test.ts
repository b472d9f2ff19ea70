// The integrations page's webhooks: an operator adds an endpoint pointing at a local
// receiver started here (its secret shown once), sends a test event that arrives signed and
// shows as delivered with 200; a receiver answering 500 gives a failed delivery (the demo
// server retries once after 1 s, see global-setup.ts), which is redelivered once the
// receiver answers 200 again. The page in Swedish and Dutch; the endpoint is deleted at the end.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/features/webhooks/signature.ts';
import { type Receiver, startReceiver } from '../src/features/webhooks/testing.ts';
import { signIn } from './browser.ts';
import { baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

/** The rows of the endpoint's deliveries table with this status (as the page shows it). */
const rowsWith = (endpoint: Locator, status: string) =>
  endpoint.getByTestId('webhook-deliveries').locator(`tbody tr[data-status="${status}"]`);

describe('the webhooks on the integrations page', () => {
  it('adds an endpoint, delivers a signed test event, redelivers a failed one', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.operator);
    await page.getByRole('link', { name: 'API tokens and webhooks' }).click();
    await page.getByTestId('webhooks').waitFor();

    // Validation: a URL is needed, and at least one event.
    await page.getByRole('checkbox', { name: 'Tier changed' }).uncheck();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Enter an http:// or https:// URL').waitFor();
    await page.getByText('Choose at least one event').waitFor();
    await checkScreen(page, 'operator-webhooks-invalid-en');

    const url = `${receiver.url}?journey=${Date.now()}`;
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByRole('checkbox', { name: 'Tier changed' }).check();
    await page.getByRole('checkbox', { name: 'Points changed' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = page.getByTestId('new-webhook-secret');
    await shown.waitFor();
    const secret = (await shown.locator('code').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const endpoint = page.getByRole('article', { name: url });
    await endpoint.getByText('Tier changed, Points changed').waitFor();
    await endpoint.getByText('No deliveries yet.').waitFor();
    await checkScreen(page, 'operator-webhooks-added-en');

    // A test event: it arrives signed with that secret and shows as delivered, 200.
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    await receiver.waitFor(1);
    const [test] = receiver.received;
    expect(test!.headers['tierwise-event']).toBe('webhook.test');
    expect(verifySignature(secret, String(test!.headers['tierwise-signature']), test!.body)).toBe(true);
    expect(verifySignature('whsec_wrong', String(test!.headers['tierwise-signature']), test!.body)).toBe(
      false,
    );
    const delivered = rowsWith(endpoint, 'delivered');
    await expect.poll(() => delivered.count()).toBe(1);
    await expect.poll(() => delivered.first().getByTestId('response-code').textContent()).toBe('200');
    expect(await delivered.first().textContent()).toContain('Test event');

    // A receiver answering 500: the attempt and its one retry fail, the delivery is failed.
    receiver.answer = () => 500;
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    const failed = rowsWith(endpoint, 'failed');
    await expect.poll(() => failed.count()).toBe(1);
    expect(receiver.received).toHaveLength(3);
    expect(await failed.getByTestId('response-code').textContent()).toBe('500');
    expect(await failed.locator('td').nth(3).textContent()).toBe('2');
    await checkScreen(page, 'operator-webhooks-failed-en');

    // Fixed receiver: redeliver the failed one, a new delivery of the same event arrives.
    receiver.answer = () => 200;
    await failed.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => delivered.count()).toBe(2);
    await expect.poll(() => delivered.first().getByTestId('response-code').textContent()).toBe('200');
    expect(receiver.received).toHaveLength(4);
    const [, , lastFailed, again] = receiver.received;
    expect(JSON.parse(again!.body).id).toBe(JSON.parse(lastFailed!.body).id);
    expect(again!.headers['tierwise-delivery']).not.toBe(lastFailed!.headers['tierwise-delivery']);
    expect(verifySignature(secret, String(again!.headers['tierwise-signature']), again!.body)).toBe(true);
    await checkScreen(page, 'operator-webhooks-en');

    // Shown once: after a reload the secret is nowhere on the page.
    await page.reload();
    await endpoint.getByTestId('webhook-deliveries').waitFor();
    expect(await page.content()).not.toContain(secret);

    for (const [label, title, locale] of [
      ['Svenska', 'Senaste leveranser', 'sv'],
      ['Nederlands', 'Recente leveringen', 'nl'],
    ] as const) {
      await choose(page, language, label);
      await endpoint.getByRole('heading', { name: title }).waitFor();
      await endpoint.getByTestId('webhook-deliveries').waitFor();
      await checkScreen(page, `operator-webhooks-${locale}`);
    }
    await choose(page, language, 'English');

    await page.getByRole('button', { name: `Delete ${url}` }).click();
    await endpoint.getByRole('button', { name: 'Delete now' }).click();
    await expect.poll(() => endpoint.count()).toBe(0);
    await page.close();
  });
});
