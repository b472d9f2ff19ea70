// Prometheus metrics: off unless enabled, behind the token when one is set, and the
// figures an operator watches: request durations per route, imports, recomputes, queues.
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../features/demo/seed.ts';
import { createTestApp, type TestApp } from './testing.ts';

const TOKEN = 'metrics-token-0123456789';
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

describe('/metrics', () => {
  it('is not served unless enabled', async () => {
    const t = await createTestApp();
    apps.push(t);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('asks for the token, then answers request, import, recompute and queue figures', {
    timeout: 120_000,
  }, async () => {
    const t = await createTestApp({ config: { metrics: { enabled: true, token: TOKEN } } });
    apps.push(t);
    await loadDemoIfEmpty(t.deps);
    await t.app.inject({ method: 'GET', url: '/api/health' });
    await t.app.inject({ method: 'GET', url: '/api/v1/partners/P00001/dashboard' });

    const refused = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'unauthorized']);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);

    const response = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(
      value('tierwise_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    // The route pattern, not the partner's id, and the 401 of a request without a session.
    expect(
      value(
        'tierwise_http_request_duration_seconds_count{method="GET",route="/api/v1/partners/:partnerId/dashboard",status="401"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('P00001');
    expect(value('tierwise_import_duration_seconds_count{outcome="succeeded"}')).toBeGreaterThanOrEqual(1);
    expect(value('tierwise_recomputed_partners_total')).toBeGreaterThanOrEqual(40);
    expect(value('tierwise_queue_depth{queue="webhook_deliveries"}')).toBe(0);
    expect(text).toContain('tierwise_process_cpu_user_seconds_total');
  });
});
