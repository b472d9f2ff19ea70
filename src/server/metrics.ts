// GET /metrics in Prometheus' text format when TIERWISE_METRICS is on (otherwise no such
// route), behind a bearer token when TIERWISE_METRICS_TOKEN is set. Request
// durations are recorded per route pattern (never the raw URL: ids would explode the series).
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { App, AppDeps } from '../core/app.ts';
import { AppError } from '../core/errors.ts';
import { collectProcessMetrics, httpDuration, metricsRegistry, queueDepth } from '../core/metrics.ts';
import { rows } from '../db/client.ts';

export const METRICS_PATH = '/metrics';

export function registerMetrics(app: App, deps: AppDeps): void {
  const settings = deps.config.metrics;
  if (!settings?.enabled) return;
  collectProcessMetrics();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === METRICS_PATH) return;
    httpDuration.observe(
      { method: request.method, route: route ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (settings.token !== undefined && !bearerIs(request.headers.authorization, settings.token))
      throw new AppError('unauthorized', 'Send the metrics token as Authorization: Bearer <token>');
    await readQueueDepths(deps);
    return reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}

function bearerIs(header: string | undefined, token: string): boolean {
  const sent = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return sent.length === wanted.length && timingSafeEqual(sent, wanted);
}

async function readQueueDepths(deps: AppDeps): Promise<void> {
  const [jobs, deliveries] = await Promise.all([
    rows<{ kind: string; n: number }>(
      deps.db,
      sql`select kind, count(*)::int as n from jobs where status in ('queued', 'running') group by kind`,
    ),
    rows<{ n: number }>(
      deps.db,
      sql`select count(*)::int as n from webhook_deliveries where status in ('pending', 'sending')`,
    ),
  ]);
  queueDepth.reset();
  for (const j of jobs) queueDepth.set({ queue: `jobs:${j.kind}` }, j.n);
  queueDepth.set({ queue: 'webhook_deliveries' }, deliveries[0]?.n ?? 0);
}
