// zod schemas of the program's versions, drafts, what-if and publish routes (operators only).
// A draft holds any JSON document, valid or not: its problems are listed with it, and an
// invalid draft refuses what-if and publish with every problem.
import { z } from 'zod';
import { isoDateSchema } from '../portal/schemas.ts';

export const problemSchema = z.object({
  /** Where in the document: 'ruleSets[2].tiers[1].total', or '' for the document itself. */
  path: z.string(),
  message: z.string(),
});
export type ProgramProblem = z.infer<typeof problemSchema>;

const person = z
  .object({ userId: z.string().nullable(), email: z.string().nullable() })
  .describe('Who did it; userId and email null: the command line');

export const versionSummarySchema = z.object({
  version: z.number().int(),
  name: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: person,
  /** The version it restored, when it was published by "restore". */
  restoredFrom: z.number().int().nullable(),
  /** True for the version in force (the newest). */
  current: z.boolean(),
});
export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) });
export const versionSchema = versionSummarySchema.extend({ document: z.unknown() });
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionParams = z.object({ version: z.coerce.number().int().min(0) });
export const diffQuery = z.object({
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(0),
});

export const diffEntrySchema = z.object({
  /** The field, as in problems: 'ruleSets[1].rates.sourced'. */
  path: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});
export const diffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(diffEntrySchema),
});
export type DiffEntry = z.infer<typeof diffEntrySchema>;

export const draftSummarySchema = z.object({
  draftId: z.string(),
  name: z.string(),
  /** The version it was started from (null: started from a pasted document). */
  basedOn: z.number().int().nullable(),
  createdBy: person,
  createdAt: z.string(),
  updatedBy: person,
  updatedAt: z.string(),
  valid: z.boolean(),
  problemCount: z.number().int(),
});
export const draftListSchema = z.object({ drafts: z.array(draftSummarySchema) });
export const draftSchema = draftSummarySchema.extend({
  document: z.unknown(),
  problems: z.array(problemSchema),
});
export type DraftView = z.infer<typeof draftSchema>;

export const draftParams = z.object({ draftId: z.uuid('a draft id (a UUID)') });
export const createDraftBody = z
  .object({
    name: z.string().trim().min(1, 'a name for the draft').max(200),
    /** Start from this version (default: the published one)... */
    basedOn: z.number().int().min(0).optional(),
    /** ...or from this document (a program file as JSON). */
    document: z.unknown().optional(),
  })
  .refine((b) => b.basedOn === undefined || b.document === undefined, {
    message: 'give basedOn or document, not both',
    path: ['document'],
  });
export const patchDraftBody = z
  .object({
    name: z.string().trim().min(1, 'a name for the draft').max(200).optional(),
    document: z.unknown().optional(),
  })
  .refine((b) => b.name !== undefined || b.document !== undefined, {
    message: 'give a new name or document',
  });

export const whatIfBody = z.object({
  /** The day partners are compared on (default: today). */
  on: isoDateSchema.optional(),
  /** The commission period (default: the 12 months up to `on`). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const standingSchema = z.object({
  sourced: z.number(),
  assisted: z.number(),
  sold: z.number(),
  managed: z.number(),
  total: z.number(),
  performance: z.string().nullable(),
  credited: z.string().nullable(),
});
export type Standing = z.infer<typeof standingSchema>;

export const whatIfRowSchema = z.object({
  partnerId: z.string(),
  before: standingSchema,
  after: standingSchema,
});

/** `tierwise program what-if FILE --json`: every partner under the published program and the draft. */
export const whatIfResultSchema = z.object({
  on: isoDateSchema,
  partners: z.array(whatIfRowSchema),
  tiers: z.object({
    before: z.record(z.string(), z.number().int()),
    after: z.record(z.string(), z.number().int()),
  }),
});
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;

/** The HTTP answer adds the commission over a period, per partner and in total (base currency). */
export const whatIfAnswerSchema = whatIfResultSchema.extend({
  version: z.number().int().describe('The published version compared with'),
  commission: z.object({
    from: isoDateSchema,
    to: isoDateSchema,
    currency: z.string(),
    before: z.number(),
    after: z.number(),
    partners: z.record(z.string(), z.object({ before: z.number(), after: z.number() })),
  }),
});
export type WhatIfAnswer = z.infer<typeof whatIfAnswerSchema>;

export const programJobSchema = z.object({
  jobId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({
    stage: z.string(),
    partners: z.number().int(),
    of: z.number().int(),
  }),
  /** Why it failed, in words. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const whatIfJobSchema = programJobSchema.extend({ result: whatIfAnswerSchema.nullable() });
export const publishJobSchema = programJobSchema.extend({
  result: z
    .object({ version: z.number().int(), partnersRebuilt: z.number().int(), tierChanges: z.number().int() })
    .nullable(),
});

export const publishBody = z.object({
  note: z.string().trim().min(1, 'a note saying what changes and why').max(2000),
});
export const restoreBody = publishBody;
export const jobParams = z.object({ jobId: z.uuid('a job id (a UUID)') });
export const draftJobParams = draftParams.extend({ jobId: z.uuid('a job id (a UUID)') });
export const createdJobSchema = z.object({ jobId: z.string() });
