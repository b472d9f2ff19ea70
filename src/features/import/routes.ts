// The console's imports: POST /api/v1/imports takes the files as multipart/form-data (CSV
// files by their import-file names, or a zip of a folder) and queues an import job; GET
// shows its progress and result while it runs and after, and the history of every import
// (uploads and the command line's). Two uploads at once queue: one import runs at a time.
import type { FastifyRequest } from 'fastify';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { DEFAULT_UPLOAD_MB } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { actorOf, OPERATOR, principalOf } from '../auth/access.ts';
import { sendStoredCsv } from '../export/writer.ts';
import { findJob, readFile } from '../jobs/repository.ts';
import { enqueueJob } from '../jobs/service.ts';
import {
  createdImportSchema,
  importListQuery,
  importPageSchema,
  importParams,
  importSchema,
} from './api-schemas.ts';
import { findImport, listImports } from './history.ts';
import { ERRORS_FILE, IMPORT_JOB, type ImportJobPayload, REJECTS_FILE } from './jobs.ts';
import { readUpload, type UploadPart } from './uploads.ts';

const tags = ['imports'];
const ADMIN = { ...OPERATOR, token: 'admin' } as const;

/** The multipart plugin's limit errors, in words that name our limit. */
function uploadError(error: unknown, limitMb: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError(
      'payload_too_large',
      `a file of the upload is larger than the upload limit of ${limitMb} MB (TIERWISE_UPLOAD_MB)`,
    );
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('payload_too_large', `the upload has too many parts (${(error as Error).message})`);
  return error;
}

/** The multipart body as upload parts. */
async function* partsOf(request: FastifyRequest, limitMb: number): AsyncIterable<UploadPart> {
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file')
        yield {
          type: 'file',
          filename: part.filename,
          read: () =>
            part.toBuffer().catch((error: unknown) => {
              throw uploadError(error, limitMb);
            }),
        };
      else yield { type: 'field', name: part.fieldname, value: String(part.value ?? '') };
    }
  } catch (error) {
    throw uploadError(error, limitMb);
  }
}

function register(app: App, deps: AppDeps): void {
  const limitMb = deps.config.uploadMb ?? DEFAULT_UPLOAD_MB;

  app.post(
    '/api/v1/imports',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Upload import files (multipart/form-data) and queue their import',
        description:
          'Send the CSV files of DATA_AND_INTERFACES §1 by their names (partners.csv, customers.csv, ...), ' +
          'or a zip of a folder holding them, as file parts; the field `skipInvalid=true` imports the valid ' +
          'rows and keeps the rejects for download. Answers 202 with the import id; follow it with ' +
          'GET /api/v1/imports/{importId}. Imports run one at a time, in the order they came.',
        response: { 202: createdImportSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          'Send the import files as multipart/form-data (file parts named by their import file, or a zip)',
        );
      const upload = await readUpload(partsOf(request, limitMb), limitMb);
      const principal = principalOf(request);
      const payload: ImportJobPayload = {
        files: upload.files.map((f) => f.name),
        skipInvalid: upload.skipInvalid,
        source: 'upload',
        actor: actorOf(principal),
      };
      const importId = await enqueueJob(deps.db, {
        kind: IMPORT_JOB,
        payload,
        files: upload.files,
        createdBy: principal.kind === 'user' ? principal.user.id : null,
        now: deps.clock.now(),
      });
      return reply.status(202).header('location', `/api/v1/imports/${importId}`).send({ importId });
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'Every import (uploads and the command line), newest first: who, when, files, rows, outcome',
        querystring: importListQuery,
        response: { 200: importPageSchema },
      },
    },
    async (request) => listImports(deps.db, request.query),
  );

  app.get(
    '/api/v1/imports/:importId',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'One import: status, progress (rows, rows/s, stage), errors and counts',
        params: importParams,
        response: { 200: importSchema },
      },
    },
    async (request) => {
      const found = await findImport(deps.db, request.params.importId);
      if (!found) throw new AppError('not_found', `No import ${request.params.importId}`);
      return found;
    },
  );

  for (const name of [ERRORS_FILE, REJECTS_FILE]) {
    app.get(
      `/api/v1/imports/:importId/${name}`,
      {
        config: { access: OPERATOR },
        schema: {
          tags,
          summary:
            name === ERRORS_FILE
              ? 'Every error of an import as CSV (file, line, column, message)'
              : 'The rows an import with skipInvalid left out, as CSV, with why',
          params: importParams,
        },
      },
      async (request, reply) => {
        const { importId } = request.params;
        const file = await readFile(deps.db, importId, 'output', name);
        if (file) return sendStoredCsv(reply, `import-${importId.slice(0, 8)}-${name}`, file.content);
        // Only when there is no file: say whether the import or its file is missing.
        const job = await findJob(deps.db, IMPORT_JOB, importId);
        throw new AppError('not_found', job ? `Import ${importId} has no ${name}` : `No import ${importId}`);
      },
    );
  }
}

export const importRoutes: RouteModule = { name: 'imports', register };
