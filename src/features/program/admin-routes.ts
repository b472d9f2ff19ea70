// The operators' program routes: versions (list, one, diff, restore), drafts (create, list,
// read, change, delete), what-if of a draft and its publishing (both background jobs).
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import { actorOf, OPERATOR, principalOf } from '../auth/access.ts';
import { type ExportColumn, sendCsv } from '../export/writer.ts';
import {
  createDraftBody,
  createdJobSchema,
  diffQuery,
  diffSchema,
  draftListSchema,
  draftParams,
  draftSchema,
  jobParams,
  patchDraftBody,
  publishBody,
  publishJobSchema,
  restoreBody,
  versionListSchema,
  versionParams,
  versionSchema,
  type WhatIfAnswer,
  whatIfBody,
  whatIfJobSchema,
} from './api-schemas.ts';
import { createDraft, deleteDraft, getDraft, listDrafts, requireValid, updateDraft } from './drafts.ts';
import { PUBLISH_JOB, programJobView, startPublish, startWhatIf, WHAT_IF_JOB } from './jobs.ts';
import { diffVersions, getVersion, listVersions } from './versions.ts';

const tags = ['program'];
const access = OPERATOR;

type Row = WhatIfAnswer['partners'][number] & { commission?: { before: number; after: number } };
const FIELDS = ['sourced', 'assisted', 'sold', 'managed', 'total', 'performance', 'credited'] as const;
const WHAT_IF_COLUMNS: ExportColumn<Row>[] = [
  { header: 'partner_id', value: (r) => r.partnerId },
  ...FIELDS.flatMap((f): ExportColumn<Row>[] => [
    { header: `${f}_before`, value: (r) => r.before[f] },
    { header: `${f}_after`, value: (r) => r.after[f] },
  ]),
  { header: 'total_change', value: (r) => Math.round((r.after.total - r.before.total) * 100) / 100 },
  { header: 'commission_before', value: (r) => r.commission?.before ?? 0 },
  { header: 'commission_after', value: (r) => r.commission?.after ?? 0 },
];

function register(app: App, deps: AppDeps): void {
  const actor = (request: Parameters<typeof principalOf>[0]) => actorOf(principalOf(request));

  app.get(
    '/api/v1/program/versions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Every published version, newest (in force) first',
        response: { 200: versionListSchema },
      },
    },
    async () => ({ versions: await listVersions(deps.db) }),
  );

  app.get(
    '/api/v1/program/versions/:version',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One version with its document',
        params: versionParams,
        response: { 200: versionSchema },
      },
    },
    async (request) => getVersion(deps.db, request.params.version),
  );

  app.get(
    '/api/v1/program/diff',
    {
      config: { access },
      schema: {
        tags,
        summary: 'What changed between two versions, field by field',
        querystring: diffQuery,
        response: { 200: diffSchema },
      },
    },
    async (request) => diffVersions(deps.db, request.query.from, request.query.to),
  );

  app.post(
    '/api/v1/program/versions/:version/restore',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Publish an older version again, as a new version (a background job, like publish)',
        params: versionParams,
        body: restoreBody,
        response: { 202: createdJobSchema },
      },
    },
    async (request, reply) => {
      const old = await getVersion(deps.db, request.params.version);
      if (old.current)
        throw new AppError('conflict', `Version ${old.version} is the version in force already`);
      const jobId = await startPublish(deps, {
        document: old.document,
        note: request.body.note,
        draftId: null,
        restoredFrom: old.version,
        actor: actor(request),
      });
      return reply.status(202).header('location', `/api/v1/program/publish/${jobId}`).send({ jobId });
    },
  );

  app.post(
    '/api/v1/program/drafts',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Start a draft from a version (default: the one in force) or from a document',
        body: createDraftBody,
        response: { 201: draftSchema },
      },
    },
    async (request, reply) => {
      const { name, basedOn, document } = request.body;
      const draft = await createDraft(deps, {
        name,
        ...(basedOn === undefined ? {} : { basedOn }),
        ...(document === undefined ? {} : { document }),
        actor: actor(request),
      });
      return reply.status(201).header('location', `/api/v1/program/drafts/${draft.draftId}`).send(draft);
    },
  );

  app.get(
    '/api/v1/program/drafts',
    {
      config: { access },
      schema: { tags, summary: 'Every draft, last changed first', response: { 200: draftListSchema } },
    },
    async () => ({ drafts: await listDrafts(deps.db) }),
  );

  app.get(
    '/api/v1/program/drafts/:draftId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A draft with its document and every problem',
        params: draftParams,
        response: { 200: draftSchema },
      },
    },
    async (request) => getDraft(deps.db, request.params.draftId),
  );

  app.patch(
    '/api/v1/program/drafts/:draftId',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Rename a draft or save its document (saved even when invalid; the answer lists the problems)',
        params: draftParams,
        body: patchDraftBody,
        response: { 200: draftSchema },
      },
    },
    async (request) => {
      const { name, document } = request.body;
      return updateDraft(deps, {
        draftId: request.params.draftId,
        ...(name === undefined ? {} : { name }),
        ...(document === undefined ? {} : { document }),
        actor: actor(request),
      });
    },
  );

  app.delete(
    '/api/v1/program/drafts/:draftId',
    {
      config: { access },
      schema: { tags, summary: 'Delete a draft', params: draftParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteDraft(deps, { draftId: request.params.draftId, actor: actor(request) });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/program/drafts/:draftId/what-if',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Derive every partner under the draft beside the program in force (a background job)',
        description:
          'Answers 202 with the job; follow it with GET /api/v1/program/what-if/{jobId}. Nothing published changes. ' +
          'An invalid draft is refused with every problem (400).',
        params: draftParams,
        body: whatIfBody,
        response: { 202: createdJobSchema },
      },
    },
    async (request, reply) => {
      const draft = await getDraft(deps.db, request.params.draftId);
      requireValid(draft, 'a what-if');
      const jobId = await startWhatIf(deps, {
        draftId: draft.draftId,
        document: draft.document,
        ...request.body,
        actor: actor(request),
      });
      return reply.status(202).header('location', `/api/v1/program/what-if/${jobId}`).send({ jobId });
    },
  );

  app.get(
    '/api/v1/program/what-if/:jobId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A what-if: progress, then every partner before and after',
        params: jobParams,
        response: { 200: whatIfJobSchema },
      },
    },
    async (request) => programJobView(deps.db, WHAT_IF_JOB, request.params.jobId),
  );

  app.get(
    '/api/v1/program/what-if/:jobId/export.csv',
    {
      config: { access },
      schema: { tags, summary: 'A finished what-if as CSV, a row per partner', params: jobParams },
    },
    async (request, reply) => {
      const job = await programJobView(deps.db, WHAT_IF_JOB, request.params.jobId);
      const result = job.result as WhatIfAnswer | null;
      if (!result)
        throw new AppError(
          'conflict',
          `The what-if ${job.jobId} is ${job.status}: it has no result to export`,
        );
      const rows: Row[] = result.partners.map((p) => {
        const commission = result.commission.partners[p.partnerId];
        return commission ? { ...p, commission } : p;
      });
      return sendCsv(reply, `what-if-${result.on}.csv`, WHAT_IF_COLUMNS, rows);
    },
  );

  app.post(
    '/api/v1/program/drafts/:draftId/publish',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Publish a draft as the next version; every partner is rebuilt from it (a background job)',
        description:
          'Answers 202 with the job; follow it with GET /api/v1/program/publish/{jobId}. Partners keep their ' +
          'figures until the rebuild is complete, then all switch at once. Refused while another publish runs (409) ' +
          'and for an invalid draft (400, every problem).',
        params: draftParams,
        body: publishBody,
        response: { 202: createdJobSchema },
      },
    },
    async (request, reply) => {
      const draft = await getDraft(deps.db, request.params.draftId);
      requireValid(draft, 'publishing it');
      const jobId = await startPublish(deps, {
        document: draft.document,
        note: request.body.note,
        draftId: draft.draftId,
        restoredFrom: null,
        actor: actor(request),
      });
      return reply.status(202).header('location', `/api/v1/program/publish/${jobId}`).send({ jobId });
    },
  );

  app.get(
    '/api/v1/program/publish/:jobId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A publish: progress of the rebuild, then the new version',
        params: jobParams,
        response: { 200: publishJobSchema },
      },
    },
    async (request) => programJobView(deps.db, PUBLISH_JOB, request.params.jobId),
  );
}

export const programAdminRoutes: RouteModule = { name: 'program-admin', register };
