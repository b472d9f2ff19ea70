// Live ingestion over HTTP: POST /api/v1/mrr-changes (the contract's name), one fact file
// at /api/v1/facts/{file}, or several files in one batch at /api/v1/facts. API tokens need
// the ingest scope; operators may send from a session too.

import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import { type Access, actorOf, principalOf } from '../auth/access.ts';
import { LockBusyError } from '../import/repository.ts';
import { mrrChangesFile } from '../import/schemas.ts';
import { factsBody, fileParams, ingestName, ingestResultSchema, rowsBody } from './schemas.ts';
import { type IngestBatch, IngestRefusedError, ingestFacts } from './service.ts';

const tags = ['ingestion'];
const INGEST: Access = { roles: ['operator'], token: 'ingest' };

const description =
  'All or nothing, in one transaction: any invalid row refuses the batch (400 validation_failed, ' +
  'details.issues lists every problem with its file, row index and column) and nothing is stored. ' +
  'Rows upsert by their key, so sending the same batch twice changes nothing the second time. ' +
  'References to partners, clients and deals are checked against the database and the batch. ' +
  'Answers once the points, tiers and dashboard figures of the partners concerned are committed. ' +
  'While an import runs, waits for it (503 unavailable with Retry-After after 30 s).';

/** Runs a batch, turning its refusals into the API's errors. `path` names a problem's field. */
async function ingest(
  deps: AppDeps,
  request: Parameters<typeof principalOf>[0],
  batch: IngestBatch,
  path: (file: string, row: number, column: string) => string,
) {
  try {
    return await ingestFacts(deps, { batch, actor: actorOf(principalOf(request)) });
  } catch (error) {
    if (error instanceof IngestRefusedError) {
      throw new AppError(
        'validation_failed',
        `The batch is not valid (${error.message}); nothing was stored`,
        {
          details: {
            issues: error.problems.map((p) => ({ in: 'body', path: path(p.file, p.row, p.column), ...p })),
          },
        },
      );
    }
    if (error instanceof LockBusyError) {
      throw new AppError('unavailable', 'An import is running; send the batch again shortly', {
        headers: { 'retry-after': '5' },
        cause: error,
      });
    }
    throw error;
  }
}

function register(app: App, deps: AppDeps): void {
  const mrrChanges = ingestName(mrrChangesFile);
  app.post(
    '/api/v1/mrr-changes',
    {
      config: { access: INGEST },
      schema: {
        tags,
        summary: 'Ingest a batch of MRR changes (rows shaped like mrr_changes.csv)',
        description,
        body: rowsBody(mrrChangesFile),
        response: { 200: ingestResultSchema },
      },
    },
    async (request) =>
      ingest(
        deps,
        request,
        { [mrrChanges]: request.body.rows },
        (_f, row, column) => `rows.${row}.${column}`,
      ),
  );

  app.post(
    '/api/v1/facts/:file',
    {
      config: { access: INGEST },
      schema: {
        tags,
        summary: 'Ingest a batch of rows of one fact file (partners, clients, deals, ..., mrr-changes)',
        description,
        params: fileParams,
        body: rowsBody(null),
        response: { 200: ingestResultSchema },
      },
    },
    async (request) =>
      ingest(
        deps,
        request,
        { [request.params.file]: request.body.rows },
        (_f, row, column) => `rows.${row}.${column}`,
      ),
  );

  app.post(
    '/api/v1/facts',
    {
      config: { access: INGEST },
      schema: {
        tags,
        summary:
          'Ingest rows of several fact files at once (e.g. a new client, its deal and its first MRR change)',
        description: `${description} Files are applied in dependency order: partners, clients, deals, certifications, team, managements, mrr-changes, renewals, usage, payments.`,
        body: factsBody,
        response: { 200: ingestResultSchema },
      },
    },
    async (request) =>
      ingest(deps, request, request.body as IngestBatch, (file, row, column) => `${file}.${row}.${column}`),
  );
}

export const ingestRoutes: RouteModule = { name: 'ingest', register };
