// The server's structured JSON log (Fastify's pino logger): one line per event with the
// request id (taken from a proxy's X-Request-Id when it sends one, and answered back in
// that header) and, once authenticated, the user or API token. Secrets never reach it:
// credentials live in headers and bodies, which are not logged, and the few paths that
// carry a secret in the URL (set-password and reset links) are logged without it.
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../core/config.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const SECRET_QUERY = /([?&](?:token|code|state|password|secret)=)[^&#]*/gi;

/** A URL as logged: the values of secret-bearing query parameters replaced. */
export function loggedUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) => ({
        method: request.method,
        url: loggedUrl(request.url),
        ...(request.ip ? { ip: request.ip } : {}),
        ...(typeof request.headers?.['user-agent'] === 'string'
          ? { userAgent: request.headers['user-agent'] }
          : {}),
      }),
    },
  };
}

/** The request id: the proxy's X-Request-Id when it is a sane token, else a new UUID. */
export function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
}
