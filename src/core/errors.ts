// One error type with a code and one code → status table. Features and services throw
// AppError; the server's error handler (src/server/errors.ts) alone turns it into the
// API's error JSON: { "error": { "code", "message", "details"? } }.
import { z } from 'zod';

export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** A deal registration that matches another partner's client or registration (issue 14). */
  registration_conflict: 409,
  /** A deal registration the same partner already holds. */
  registration_duplicate: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  csrf_failed: 403,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface AppErrorOptions {
  details?: unknown;
  /** Response headers that belong to the error, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly details: unknown;
  readonly headers: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** One field problem: where (body, querystring, params, headers), the field path, the message. */
export interface FieldIssue {
  in?: string;
  path: string;
  message: string;
}

/** The error body, for response schemas and the OpenAPI document. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('An error');

export function validationError(issues: FieldIssue[], message = 'The request is not valid'): AppError {
  return new AppError('validation_failed', message, { details: { issues } });
}
