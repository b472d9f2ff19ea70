// Saved reports of a partner (list, save, read with its live figure, edit, delete, export)
// and the signed-in user's dashboard cards. Thin: the hook has checked the caller's access
// to the partner; the services find a report among the partner's own.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, PARTNER_MEMBER, principalOf, SIGNED_IN, userOf } from '../auth/access.ts';
import { exportName } from '../export/service.ts';
import { EXPORT_FORMATS, sendExport } from '../export/writer.ts';
import { partnerParams } from '../portal/schemas.ts';
import { addCard, listCards, orderCards, removeCard } from './cards.ts';
import { reportCatalog } from './catalog.ts';
import {
  addCardBody,
  cardListSchema,
  cardParams,
  catalogSchema,
  createReportBody,
  orderCardsBody,
  patchReportBody,
  reportParams,
  savedReportListSchema,
  savedReportSchema,
  savedReportWithFigureSchema,
} from './schemas.ts';
import {
  checkDefinition,
  createReport,
  definitionColumns,
  definitionRows,
  deleteReport,
  getReport,
  listReports,
  updateReport,
} from './service.ts';

const tags = ['saved reports'];
const REPORTS = '/api/v1/partners/:partnerId/saved-reports';
const REPORT = `${REPORTS}/:reportId`;
const CARDS = '/api/v1/me/dashboard-cards';

function register(app: App, deps: AppDeps): void {
  const actor = (request: Parameters<typeof principalOf>[0]) => actorOf(principalOf(request));
  const access = PARTNER_MEMBER;

  app.get(
    '/api/v1/saved-reports/catalog',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'What a saved report can be: each report with its metrics, filters and columns',
        response: { 200: catalogSchema },
      },
    },
    async () => reportCatalog(),
  );

  app.get(
    REPORTS,
    {
      config: { access },
      schema: {
        tags,
        summary: "The partner's saved reports, by name",
        params: partnerParams,
        response: { 200: savedReportListSchema },
      },
    },
    async (request) => listReports(deps.db, request.params.partnerId),
  );

  app.post(
    REPORTS,
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Save a report: a name and a definition (report, metric, fixed or relative range, filters, columns)',
        params: partnerParams,
        body: createReportBody,
        response: { 201: savedReportSchema },
      },
    },
    async (request, reply) => {
      const saved = await createReport(deps, { ...request.params, ...request.body, actor: actor(request) });
      return reply
        .status(201)
        .header(
          'location',
          `/api/v1/partners/${encodeURIComponent(saved.partnerId)}/saved-reports/${saved.id}`,
        )
        .send(saved);
    },
  );

  app.get(
    REPORT,
    {
      config: { access },
      schema: {
        tags,
        summary: 'A saved report with its figure as of today',
        params: reportParams,
        response: { 200: savedReportWithFigureSchema },
      },
    },
    async (request) => getReport(deps, request.params.partnerId, request.params.reportId),
  );

  app.patch(
    REPORT,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Rename a saved report or change its definition',
        params: reportParams,
        body: patchReportBody,
        response: { 200: savedReportSchema },
      },
    },
    async (request) => updateReport(deps, { ...request.params, ...request.body, actor: actor(request) }),
  );

  app.delete(
    REPORT,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete a saved report (and the dashboard cards showing it)',
        params: reportParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await deleteReport(deps, { ...request.params, actor: actor(request) });
      return reply.status(204).send();
    },
  );

  app.get(
    `${REPORT}/export`,
    {
      config: { access },
      schema: {
        tags,
        summary: "A saved report's rows (its filters and columns) as CSV or XLSX",
        params: reportParams,
        querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('csv') }),
      },
    },
    async (request, reply) => {
      const { partnerId, reportId } = request.params;
      const report = await getReport(deps, partnerId, reportId);
      const checked = checkDefinition(report.definition, partnerId, deps.clock.today());
      return sendExport(
        reply,
        exportName(checked, report.name),
        request.query.format,
        definitionColumns(report.definition, checked),
        definitionRows(deps.db, report.definition, checked),
      );
    },
  );

  app.get(
    CARDS,
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: "The signed-in user's dashboard cards, in order, each with its live figure",
        response: { 200: cardListSchema },
      },
    },
    async (request) => listCards(deps, userOf(request).user),
  );

  app.post(
    CARDS,
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'Add a saved report to the dashboard, last (409 when it is there already)',
        body: addCardBody,
        response: { 201: cardListSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCard(deps, userOf(request).user, request.body.reportId)),
  );

  app.put(
    `${CARDS}/order`,
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'Reorder the dashboard cards (every card id once)',
        body: orderCardsBody,
        response: { 200: cardListSchema },
      },
    },
    async (request) => orderCards(deps, userOf(request).user, request.body.cardIds),
  );

  app.delete(
    `${CARDS}/:cardId`,
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'Remove a card from the dashboard (the saved report stays)',
        params: cardParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await removeCard(deps, userOf(request).user, request.params.cardId);
      return reply.status(204).send();
    },
  );
}

export const savedReportRoutes: RouteModule = { name: 'saved-reports', register };
