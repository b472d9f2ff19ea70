// The shapes of the import routes (POST/GET /api/v1/imports...): an import as the console
// and integrations see it, while it runs and after.
import { z } from 'zod';

export const importParams = z.object({ importId: z.uuid('an import id (uuid)') });

export const importListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

const problemSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.string(),
  message: z.string(),
});

const fileCountsSchema = z.object({
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
});

const stageSchema = z.enum(['queued', 'reading', 'recomputing', 'done', 'failed']);

export const importSummarySchema = z.object({
  importId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  source: z.enum(['upload', 'cli']),
  /** Who started it: a user (email), an API token, or the command line (system). */
  by: z.object({ kind: z.enum(['user', 'token', 'system']), email: z.string().nullable() }),
  files: z.array(z.string()),
  skipInvalid: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Rows read (while it runs: so far). */
  rows: z.number(),
  rejected: z.number(),
  errorCount: z.number(),
  /** From start to finish, once finished. */
  seconds: z.number().nullable(),
  /** Why it could not run at all (no import files, the instance stopped, an internal error). */
  message: z.string().nullable(),
});

export const importSchema = importSummarySchema.extend({
  progress: z.object({
    rows: z.number(),
    rowsPerSecond: z.number(),
    stage: stageSchema,
    file: z.string().optional(),
    bytes: z.number().optional(),
    totalBytes: z.number().optional(),
  }),
  /** The first 1,000 errors; errors.csv has every one. */
  errors: z.array(problemSchema),
  /** Rows per file: read, new, updated, unchanged, rejected (once it succeeded). */
  counts: z.record(z.string(), fileCountsSchema),
  partnersRecomputed: z.number(),
  /** The downloads of its result, when there are any. */
  downloads: z.object({ errors: z.string().nullable(), rejects: z.string().nullable() }),
});

export const importPageSchema = z.object({ items: z.array(importSummarySchema), total: z.number() });
export const createdImportSchema = z.object({ importId: z.string() });

export type ImportView = z.infer<typeof importSchema>;
export type ImportSummary = z.infer<typeof importSummarySchema>;
