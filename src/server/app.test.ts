import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { PUBLIC } from '../features/auth/access.ts';
import { buildApp } from './app.ts';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    prepare: (app) => {
      app.get('/api/test/crash', { config: { access: PUBLIC } }, async () => {
        throw new Error('connection to db-internal-7 refused: password=hunter2');
      });
      app.get(
        '/api/test/bad-response',
        { config: { access: PUBLIC }, schema: { response: { 200: z.object({ n: z.number() }) } } },
        async () => ({ n: 'not a number' }) as unknown as { n: number },
      );
      app.get('/api/test/conflict', { config: { access: PUBLIC } }, async () => {
        throw new AppError('conflict', 'Already there', { details: { id: 'x' } });
      });
    },
  });
});
afterAll(() => t.close());

describe('the server skeleton', () => {
  it('answers the health route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('sends security headers, with a same-origin CSP', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('marks API answers as not cacheable', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves a valid OpenAPI 3.1 document listing every /api route of the route table', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/') || r.url === '/api/health')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(documented).toContain(route);
    // Public routes need no credentials; the rest inherit the session or bearer requirement.
    expect(document.paths['/api/v1/session'].post.security).toEqual([]);
    expect(document.paths['/api/v1/me'].get.security).toBeUndefined();
    expect(document.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(
      document.paths['/api/v1/session'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({
      type: 'object',
      required: ['email', 'password'],
    });
  });

  it('serves the docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('requires an access rule on every /api/v1 route', async () => {
    const built = await buildApp({ ...t.deps, logger: false });
    expect(() => built.get('/api/v1/forgotten', async () => ({}))).toThrow(/must declare config.access/);
    expect(() =>
      built.get('/api/v1/partners/:id/x', { config: { access: PUBLIC } }, async () => ({})),
    ).toThrow(/:partnerId/);
    await built.close();
  });
});

describe('errors', () => {
  it('answers an unknown route with the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers an AppError with its status, code, message and details', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'conflict', message: 'Already there', details: { id: 'x' } },
    });
  });

  it('answers a validation error with every field path', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 42 } });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'password']);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({ code: 'bad_request', message: expect.any(String) });
  });

  it('hides the internals of a 500', async () => {
    for (const url of ['/api/test/crash', '/api/test/bad-response']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
      expect(response.body).not.toMatch(/hunter2|db-internal|not a number|stack/);
    }
  });

  it('logs what it hides', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      ...t.deps,
      logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } },
    });
    app.get('/api/test/crash', { config: { access: PUBLIC } }, async () => {
      throw new Error('password=hunter2');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(response.statusCode).toBe(500);
    expect(lines.join('')).toContain('hunter2');
    await app.close();
  });
});
