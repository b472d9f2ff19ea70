// The process's Prometheus metrics (prom-client), recorded by the features where the work
// happens and served by the server's /metrics route when TIERWISE_METRICS is on. One
// registry per process; recording costs a few nanoseconds when nobody scrapes.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
let defaultsOn = false;

/** Node's own process metrics (CPU, memory, event loop lag, GC), once per process. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'tierwise_' });
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LONG_SECONDS = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800];

export const httpDuration = new Histogram({
  name: 'tierwise_http_request_duration_seconds',
  help: 'HTTP request durations by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const importDuration = new Histogram({
  name: 'tierwise_import_duration_seconds',
  help: 'Durations of imports (files or live ingestion batches) by outcome',
  labelNames: ['outcome'] as const,
  buckets: LONG_SECONDS,
  registers: [metricsRegistry],
});

export const recomputeDuration = new Histogram({
  name: 'tierwise_recompute_duration_seconds',
  help: 'Durations of derived-state recomputes (one call, any number of partners)',
  buckets: SECONDS.concat(30, 60, 300),
  registers: [metricsRegistry],
});

export const recomputedPartners = new Counter({
  name: 'tierwise_recomputed_partners_total',
  help: 'Partners whose derived state was recomputed',
  registers: [metricsRegistry],
});

export const webhookOutcomes = new Counter({
  name: 'tierwise_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome (delivered, retrying, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const queueDepth = new Gauge({
  name: 'tierwise_queue_depth',
  help: 'Work waiting, read from the database at each scrape: jobs queued or running by kind, webhook deliveries pending',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

/** Seconds since `started` (a performance.now() value). */
export const secondsSince = (started: number) => (performance.now() - started) / 1000;
