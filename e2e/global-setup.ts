// Before the browser journeys: build the web app if its sources changed, start a local
// SMTP server that writes each message it receives to a folder (inject('mailDir')), then a
// demo server (./demo-server.ts) that sends its emails there, whose address the journeys
// read with inject('baseUrl'). Its links (TIERWISE_BASE_URL) name that same address. Its
// webhook deliveries retry once after 1 s, then fail (TIERWISE_WEBHOOK_RETRY_SECONDS), so
// the webhooks journey sees a failed delivery in seconds rather than a day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestSmtp } from '../src/features/mail/test-smtp.ts';
import { buildWeb, freePort, startDemoServer } from './demo-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the local SMTP server writes each received email (one JSON file each). */
    mailDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWeb();
  const mailDir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-mail-'));
  const smtp = await startTestSmtp({ folder: mailDir });
  const port = await freePort();
  const server = await startDemoServer({
    port,
    env: {
      SMTP_URL: smtp.url,
      TIERWISE_BASE_URL: `http://127.0.0.1:${port}`,
      TIERWISE_WEBHOOK_RETRY_SECONDS: '1',
    },
  });
  project.provide('baseUrl', server.url);
  project.provide('mailDir', mailDir);
  return async () => {
    await server.stop();
    await smtp.close();
    rmSync(mailDir, { recursive: true, force: true });
  };
}
