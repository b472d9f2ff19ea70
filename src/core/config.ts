// The only reader of process.env: configuration, validated.
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'expected a postgres:// or postgresql:// connection string')
    .optional(),
  TIERWISE_DATA: z.string().trim().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Where users reach the app: the origin of set-password and reset links. */
  TIERWISE_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** Behind a reverse proxy: honour X-Forwarded-For / X-Forwarded-Proto. */
  TIERWISE_TRUST_PROXY: flag.optional(),
  TIERWISE_SESSION_DAYS: z.coerce.number().int().min(1).max(365).optional(),
  /** The largest upload (an import's files, each and together), in MB. */
  TIERWISE_UPLOAD_MB: z.coerce.number().int().min(1).max(100_000).optional(),
  /**
   * The waits before each retry of a failed webhook delivery, in seconds, comma-separated
   * (default 60,300,1800,7200,21600,43200,86400); after the last one the delivery fails.
   */
  TIERWISE_WEBHOOK_RETRY_SECONDS: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+){0,19}$/, 'expected up to 20 whole seconds, comma-separated, e.g. 60,300,1800')
    .transform((v) => v.split(',').map((n) => Number(n.trim()) * 1000))
    .refine((delays) => delays.every((ms) => ms >= 1000), 'each wait must be at least 1 second')
    .optional(),
  /** Serve Prometheus metrics at /metrics (off by default). */
  TIERWISE_METRICS: flag.optional(),
  /** How many daily backups of the embedded database to keep (default 7; 0: no daily backup). */
  TIERWISE_BACKUPS_KEEP: z.coerce.number().int().min(0).max(1000).optional(),
  /** When set, /metrics asks for `Authorization: Bearer <this>`. */
  TIERWISE_METRICS_TOKEN: z.string().trim().min(16, 'at least 16 characters').optional(),
  TIERWISE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Where invitation and password reset emails go out, e.g. smtp://user:pass@mail.example.com:587 */
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'expected an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587',
    })
    .optional(),
  /** The sender of those emails. */
  SMTP_FROM: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>]*<[^<>\s]+@[^<>\s]+>|[^<>\s]+@[^<>\s]+)$/,
      'expected an address, e.g. "Tierwise <no-reply@example.com>"',
    )
    .optional(),
});

export interface Config {
  /** A PostgreSQL server; when unset, the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** The app's public origin without a trailing slash, e.g. https://partners.example.com */
  baseUrl: string;
  /** Trust X-Forwarded-* headers (only when a proxy you control sets them). */
  trustProxy: boolean;
  /** A session's lifetime from sign-in. */
  sessionDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Prometheus metrics at /metrics (TIERWISE_METRICS), optionally behind a bearer token. */
  metrics?: { enabled: boolean; token?: string | undefined };
  /** Daily backups of the embedded database kept in <dataDir>/backups (0: none taken). */
  backupsKeep?: number;
  /** The largest upload in MB (TIERWISE_UPLOAD_MB; default DEFAULT_UPLOAD_MB). */
  uploadMb?: number;
  /** The waits before each webhook delivery retry, in ms (default: the worker's RETRY_DELAYS_MS). */
  webhookRetryDelaysMs?: readonly number[] | undefined;
  /** Outgoing mail (invitations, password resets); undefined: links are shown to copy instead. */
  smtpUrl?: string | undefined;
  /** The sender of those emails (default DEFAULT_SMTP_FROM). */
  smtpFrom?: string | undefined;
}

export const DEFAULT_SMTP_FROM = 'Tierwise <no-reply@localhost>';

export const DEFAULT_UPLOAD_MB = 512;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { dataDir?: string } = {},
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      `invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const port = parsed.data.PORT ?? 3000;
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: overrides.dataDir ?? parsed.data.TIERWISE_DATA ?? './.tierwise',
    port,
    baseUrl: parsed.data.TIERWISE_BASE_URL ?? `http://localhost:${port}`,
    trustProxy: parsed.data.TIERWISE_TRUST_PROXY ?? false,
    sessionDays: parsed.data.TIERWISE_SESSION_DAYS ?? 14,
    logLevel: parsed.data.TIERWISE_LOG_LEVEL ?? 'info',
    metrics: { enabled: parsed.data.TIERWISE_METRICS ?? false, token: parsed.data.TIERWISE_METRICS_TOKEN },
    backupsKeep: parsed.data.TIERWISE_BACKUPS_KEEP ?? 7,
    uploadMb: parsed.data.TIERWISE_UPLOAD_MB ?? DEFAULT_UPLOAD_MB,
    webhookRetryDelaysMs: parsed.data.TIERWISE_WEBHOOK_RETRY_SECONDS,
    smtpUrl: parsed.data.SMTP_URL,
    smtpFrom: parsed.data.SMTP_FROM ?? DEFAULT_SMTP_FROM,
  };
}
