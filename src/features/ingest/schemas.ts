// zod schemas of live ingestion: a batch is rows shaped like the import files' rows
// (DATA_AND_INTERFACES §1), as JSON objects. The request schemas only fix the batch's
// shape; each cell is checked by the import's own column table (../import/schemas.ts), so
// a batch reports every problem at once and accepts exactly what a file would.
import { z } from 'zod';
import { type FileSpec, IMPORT_FILES } from '../import/schemas.ts';

/** A fact file's name in the API: the CSV file's name without `.csv`, hyphenated (mrr-changes). */
export function ingestName(spec: FileSpec): string {
  return spec.file.replace(/\.csv$/, '').replaceAll('_', '-');
}

export const INGEST_FILES: ReadonlyMap<string, FileSpec> = new Map(
  IMPORT_FILES.map((s) => [ingestName(s), s]),
);
export const INGEST_NAMES = [...INGEST_FILES.keys()] as [string, ...string[]];

/** Most rows one request may carry (all files together). */
export const MAX_BATCH_ROWS = 10_000;

const TYPE_HINT: Record<string, string> = {
  text: 'text',
  date: 'a date, YYYY-MM-DD',
  numeric: 'a decimal number (string or number)',
  integer: 'a whole number (string or number)',
  'text[]': 'a list: an array of strings, or one string with `;` between items',
};

/** One row of a file: every column, described; unknown fields are refused by the service. */
function rowSchema(spec: FileSpec) {
  const shape = Object.fromEntries(
    Object.entries(spec.columns).map(([name, c]) => [
      name,
      z
        .unknown()
        .optional()
        .describe(`${c.required ? 'Required' : 'Optional'}: ${TYPE_HINT[c.sqlType]}`),
    ]),
  );
  return z
    .looseObject(shape)
    .describe(
      `A row of ${spec.file}; key: ${spec.key.join(' + ')}. Strings or numbers; null or absent = empty.`,
    );
}

export const fileParams = z.object({
  file: z.enum(INGEST_NAMES).describe('The fact file: partners, clients, deals, ..., mrr-changes'),
});

export function rowsBody(spec: FileSpec | null) {
  const row = spec ? rowSchema(spec) : z.record(z.string(), z.unknown());
  return z.object({ rows: z.array(row).min(1).max(MAX_BATCH_ROWS) }).strict();
}

/** Several files in one all-or-nothing batch, applied in dependency order (partners before deals ...). */
export const factsBody = z
  .object(
    Object.fromEntries(
      IMPORT_FILES.map((spec) => [ingestName(spec), z.array(rowSchema(spec)).max(MAX_BATCH_ROWS).optional()]),
    ),
  )
  .strict()
  .refine((b) => Object.values(b).some((rows) => Array.isArray(rows) && rows.length > 0), {
    message: 'send at least one row',
  });

const countsSchema = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int().describe('Rows equal to the stored ones: not rewritten'),
});

export const ingestResultSchema = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    partnersRecomputed: z
      .number()
      .int()
      .describe('Partners whose derived state (points, tiers, dashboard) was recomputed before this answer'),
    files: z.record(z.string(), countsSchema),
  })
  .describe('Committed: the dashboard shows the change from the next request on');
