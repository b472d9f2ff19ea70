// One error handler. Routes and services throw AppError (src/core/errors.ts); this file alone
// turns errors into the API's error JSON: { "error": { "code", "message", "details"? } }.
// Server errors (5xx) are logged and answered with a generic message: internals never
// leave the process.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldIssue, validationError } from '../core/errors.ts';
import { isDatabaseOutage } from '../db/outage.ts';

function zodIssues(error: ZodError, where?: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    ...(where ? { in: where } : {}),
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Fastify's own client errors (bad JSON, wrong content type, too large) keep their message. */
function fromFastifyStatus(status: number): ErrorCode {
  switch (status) {
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return 'bad_request';
  }
}

/** Postgres refuses text it cannot store (a NUL character): the caller's input, not our fault. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if ((error as FastifyError).code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new AppError('uri_too_long', 'A part of the URL path is too long (at most 100 characters each)');
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++)
    if (UNSTORABLE_TEXT.has(String((e as { code?: unknown }).code)))
      return new AppError(
        'bad_request',
        'The request holds a character that cannot be stored (a NUL, \\u0000)',
      );
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext;
    return validationError(
      error.validation.map((v) => ({
        ...(where ? { in: where } : {}),
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'is not valid',
      })),
    );
  }
  if (error instanceof ZodError) return validationError(zodIssues(error));
  const fastifyError = error as Partial<FastifyError>;
  if (
    !(error instanceof Error && isResponseSerializationError(error as never)) &&
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new AppError(fromFastifyStatus(fastifyError.statusCode), fastifyError.message ?? 'Bad request');
  }
  if (isDatabaseOutage(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return new AppError('unavailable', 'The database is not answering right now; try again in a moment', {
      headers: { 'retry-after': '5' },
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal', 'Internal server error');
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error, request);
  if (appError.status >= 500 && error instanceof AppError) {
    // A deliberate 5xx (e.g. unavailable) still hides its cause.
    request.log.error({ err: error.cause ?? error }, appError.message);
  }
  for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
  return reply.status(appError.status).send({
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
  });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return errorHandler(new AppError('not_found', `No route ${request.method} ${request.url}`), request, reply);
}
