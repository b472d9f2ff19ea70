// The delivery worker: claims due deliveries (FOR UPDATE SKIP LOCKED, so any number of
// instances share the queue and each delivery goes to one of them), POSTs them signed,
// outside any transaction and with a timeout, and records the outcome: delivered, retried
// with exponential backoff, or failed after the last attempt. A claim is a lease: a worker
// that dies mid-delivery leaves it to be claimed again once the lease ends, so a receiver
// may (rarely) see a delivery twice and should deduplicate on Tierwise-Delivery.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { webhookOutcomes } from '../../core/metrics.ts';
import { type Db, rows } from '../../db/client.ts';
import { getProgram } from '../program/service.ts';
import { announceDueRenewals } from './events.ts';
import { signatureHeader } from './signature.ts';

const MINUTE = 60_000;
/** The wait before each retry: after the 1st failed attempt 1 minute, ... then give up. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360, 720, 1440].map((m) => m * MINUTE);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const DEFAULT_TIMEOUT_MS = 5_000;

export interface WorkerDeps {
  db: Db;
  clock: Clock;
}

export interface DeliveryOptions {
  /** Most deliveries claimed in one run (default 50). */
  limit?: number;
  /** A receiver's time to answer (default 5 s). */
  timeoutMs?: number;
  /** Deliveries sent at once (default 10). */
  concurrency?: number;
  /** The wait before each retry (default RETRY_DELAYS_MS); after the last the delivery fails. */
  retryDelaysMs?: readonly number[] | undefined;
}

export interface DeliveryRun {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  data: unknown;
  created_at: string | Date;
}

async function claim(deps: WorkerDeps, limit: number, leaseMs: number): Promise<Claimed[]> {
  const now = deps.clock.now();
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
  return rows<Claimed>(
    deps.db,
    sql`with due as (
          select id from webhook_deliveries
          where status in ('pending', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked
        ), claimed as (
          update webhook_deliveries d
          set status = 'sending', attempts = d.attempts + 1, next_attempt_at = ${leaseEnd}::timestamptz,
              last_attempt_at = ${now.toISOString()}::timestamptz
          from due where d.id = due.id
          returning d.id, d.attempts, d.endpoint_id, d.event_id
        )
        select c.id, c.attempts, p.url, p.secret, e.id as event_id, e.type, e.data, e.created_at
        from claimed c
        join webhook_endpoints p on p.id = c.endpoint_id
        join webhook_events e on e.id = c.event_id`,
  );
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function send(deps: WorkerDeps, d: Claimed, timeoutMs: number): Promise<Outcome> {
  const createdAt = d.created_at instanceof Date ? d.created_at : new Date(d.created_at);
  const body = JSON.stringify({
    id: d.event_id,
    type: d.type,
    createdAt: createdAt.toISOString(),
    data: d.data,
  });
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  try {
    const response = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tierwise-Webhooks/1',
        'tierwise-event': d.type,
        'tierwise-delivery': d.id,
        'tierwise-timestamp': String(timestamp),
        'tierwise-signature': signatureHeader(d.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not needed: release the connection.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError')
      return { ok: false, status: null, error: `no answer within ${timeoutMs} ms` };
    const detail = e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
    return { ok: false, status: null, error: `request failed: ${detail}`.slice(0, 500) };
  }
}

/** Records an attempt's outcome, unless the lease ran out and another worker claimed the delivery again. */
async function record(
  deps: WorkerDeps,
  d: Claimed,
  outcome: Outcome,
  retryDelaysMs: readonly number[],
): Promise<'delivered' | 'retrying' | 'failed'> {
  const now = deps.clock.now();
  const status = outcome.ok ? 'delivered' : d.attempts > retryDelaysMs.length ? 'failed' : 'pending';
  const next =
    status === 'pending' ? new Date(now.getTime() + retryDelaysMs[d.attempts - 1]!).toISOString() : null;
  const error = outcome.ok ? null : outcome.error;
  await deps.db.execute(
    sql`update webhook_deliveries
        set status = ${status}, next_attempt_at = ${next}::timestamptz, last_status_code = ${outcome.status},
            last_error = ${error},
            delivered_at = ${outcome.ok ? now.toISOString() : null}::timestamptz
        where id = ${d.id} and status = 'sending' and attempts = ${d.attempts}`,
  );
  return status === 'pending' ? 'retrying' : status;
}

/** One run: claims the due deliveries (up to `limit`), sends them, records each outcome. */
export async function runDueDeliveries(
  deps: WorkerDeps,
  options: DeliveryOptions = {},
): Promise<DeliveryRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  // The lease outlasts the attempt by far: only a worker that died lets it run out.
  const claimed = await claim(deps, options.limit ?? 50, timeoutMs + 5 * MINUTE);
  const run: DeliveryRun = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  const queue = [...claimed];
  const lane = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const outcome = await record(deps, d, await send(deps, d, timeoutMs), retryDelaysMs);
      webhookOutcomes.inc({ outcome });
      run[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 10, queue.length) }, lane));
  return run;
}

export interface WorkerOptions extends DeliveryOptions {
  /** Pause between runs when the queue is empty (default 1 s). */
  intervalMs?: number;
  /** How often to look for renewals whose decision deadline arrived (default hourly). */
  renewalCheckMs?: number;
  onError?: (error: unknown) => void;
}

export interface WebhookWorker {
  /** Stops after the run in progress (waits for it). */
  stop(): Promise<void>;
}

/** Runs deliveries (and the renewal.due check) in the background until stopped. */
export function startWebhookWorker(deps: WorkerDeps, options: WorkerOptions = {}): WebhookWorker {
  const interval = options.intervalMs ?? 1_000;
  const renewalEvery = options.renewalCheckMs ?? 60 * MINUTE;
  const limit = options.limit ?? 50;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let lastRenewalCheck = Number.NEGATIVE_INFINITY;

  const tick = async () => {
    if (Date.now() - lastRenewalCheck >= renewalEvery) {
      lastRenewalCheck = Date.now();
      const program = await getProgram(deps.db);
      await announceDueRenewals(deps.db, { program, today: deps.clock.today(), now: deps.clock.now() });
    }
    // A full run means more may be due: go on at once.
    while (!stopped && (await runDueDeliveries(deps, { ...options, limit })).claimed === limit) {}
  };
  const loop = (async () => {
    while (!stopped) {
      try {
        await tick();
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, interval);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
