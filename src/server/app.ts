// buildApp: the HTTP server without listening. Plugins (OpenAPI, docs, security headers,
// cookies), one error handler, the authentication hook, and every route module of
// ./routes.ts; the route table of what was registered is app.routeTable.
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { App, AppDeps, RouteEntry, RouteModule } from '../core/app.ts';
import { DEFAULT_UPLOAD_MB } from '../core/config.ts';
import { authenticationHook } from '../features/auth/hook.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { loggerOptions, requestId } from './logging.ts';
import { registerMetrics } from './metrics.ts';
import { checkOperationId, documented } from './openapi-conventions.ts';
import { routeModules } from './routes.ts';
import { registerWebApp } from './web.ts';

export interface BuildAppOptions extends AppDeps {
  /** Fastify's logger setting; default: the config's log level. */
  logger?: FastifyServerOptions['logger'];
  /** The route modules to register (default: all of ./routes.ts). */
  modules?: readonly RouteModule[];
  /** The built web app's folder (default dist/web, when built); false: API only. */
  webDir?: string | false;
}

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Same-origin only: the web app, its API calls and the API docs come from this server. */
const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    // Component libraries set style attributes and inject <style> elements.
    styleSrc: ["'self'", "'unsafe-inline'"],
    workerSrc: ["'self'", 'blob:'],
    // Not forced: a plain-HTTP install (localhost, a LAN) must keep working.
    upgradeInsecureRequests: null,
  },
};

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { db, config, clock } = options;
  const deps: AppDeps = { db, config, clock };
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    genReqId: requestId,
    // The router's own refusals (a path parameter too long, a bad URL) answer our error JSON.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // JSON only: a cross-site form can send text/plain without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  app.decorate('deps', deps);
  app.decorateRequest('principal', null);
  app.decorateRequest('preloaded', null);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  const operationIds = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = route.config?.access;
    const partnerScoped = route.url.includes('/partners/:partnerId');
    if (route.url.startsWith('/api/v1/') && !access)
      throw new Error(`${methods.join(',')} ${route.url}: an /api/v1 route must declare config.access`);
    if (partnerScoped && access && 'public' in access)
      throw new Error(`${route.url}: a partner's route cannot be public`);
    if (/\/partners\/:(?!partnerId(\/|$))/.test(route.url))
      throw new Error(`${route.url}: name the partner parameter :partnerId, so tenancy is checked`);
    // Public routes need no credentials: say so in the OpenAPI document.
    const isPublic = Boolean(access && 'public' in access);
    if (isPublic) route.schema = { ...route.schema, security: [] };
    checkOperationId(route, operationIds);
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, access, partnerScoped });
    }
  });

  // Security headers from helmet's middleware, built once: @fastify/helmet built it again on
  // every request (parsing the CSP each time), a tenth of a dashboard request's CPU.
  const securityHeaders = helmet({ contentSecurityPolicy, crossOriginEmbedderPolicy: false });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    ),
  );
  await app.register(fastifyCookie);
  // Uploads (the console's imports): each file up to the upload limit, read as it arrives.
  await app.register(fastifyMultipart, {
    limits: { fileSize: (config.uploadMb ?? DEFAULT_UPLOAD_MB) * 2 ** 20, files: 20, fields: 10, parts: 30 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tierwise API',
        version: '1',
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Partner program API. Browser sessions use the httpOnly session cookie (POST /api/v1/session) and ' +
          'send the x-csrf-token header on writes; integrations send `Authorization: Bearer tw_...`.',
      },
      servers: [{ url: '/', description: 'The Tierwise server that serves this document' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tw_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: (input) =>
      jsonSchemaTransform({ ...input, schema: documented(input.route, input.schema as never) as never }),
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PATH });

  app.addHook('onRequest', authenticationHook(deps));
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    // API answers are per user and may hold secrets: never cached.
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  registerMetrics(app, deps);
  for (const module of options.modules ?? routeModules) module.register(app, deps);
  if (options.webDir !== false) await registerWebApp(app, options.webDir);
  return app;
}
