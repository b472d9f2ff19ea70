// The only reader of process.env: configuration, validated.
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'expected a postgres:// or postgresql:// connection string')
    .optional(),
  TIERWISE_DATA: z.string().trim().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
});

export interface Config {
  /** A PostgreSQL server; when unset, the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
}

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
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: overrides.dataDir ?? parsed.data.TIERWISE_DATA ?? './.tierwise',
    port: parsed.data.PORT ?? 3000,
  };
}
