// Exports of unsummarized report data as CSV or XLSX: a partner's own (its users and
// operators), and every partner's at once (operators). The file streams: the download
// starts with the first block of rows.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import { OPERATOR, PARTNER_MEMBER, principalOf } from '../auth/access.ts';
import { partnerParams } from '../portal/schemas.ts';
import { REPORT_NAMES, REPORTS } from './reports.ts';
import { checkExport, checkExportClient, exportName } from './service.ts';
import { EXPORT_FORMATS, sendExport } from './writer.ts';

const tags = ['exports'];

const reportParam = z.object({
  report: z.string().describe(`The report: ${REPORT_NAMES.join(', ')}`),
});

const exportQuery = z.object({
  format: z
    .string()
    .optional()
    .describe(`${EXPORT_FORMATS.join(' or ')} (default csv)`),
  name: z
    .string()
    .max(200)
    .optional()
    .describe('The file name (without extension; default: report and dates)'),
  from: z.string().optional().describe('First day of a range report (default: 29 days before `to`)'),
  to: z.string().optional().describe('Last day of a range report, inclusive (default: today)'),
  on: z.string().optional().describe('The day of a day report (default: today)'),
  metric: z.string().optional().describe('point-changes: new-sold, increased-sold, expired-sold, ...'),
  client: z.string().optional().describe("sold-entries: one client's entries (a client id of the partner)"),
  q: z
    .string()
    .optional()
    .describe("clients: part of the client's name or id, as the clients table searches"),
  relationship: z.string().optional().describe('clients: sold, managed or both'),
});

type Query = z.infer<typeof exportQuery>;

function register(app: App, deps: AppDeps): void {
  const send = async (
    reply: Parameters<typeof sendExport>[0],
    report: string,
    query: Query,
    partnerId: string | null,
  ) => {
    const checked = checkExport({ ...query, report, partnerId }, deps.clock.today());
    await checkExportClient(deps.db, checked);
    const definition = REPORTS[checked.report];
    return sendExport(
      reply,
      exportName(checked, query.name),
      checked.format,
      definition.columns,
      definition.rows(deps.db, checked.params),
    );
  };

  app.get(
    '/api/v1/partners/:partnerId/exports/:report',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary: "A report's unsummarized rows for one partner, as CSV (UTF-8 with BOM) or XLSX",
        params: partnerParams.merge(reportParam),
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { partnerId, report } = request.params;
      const principal = principalOf(request);
      if (
        REPORTS[report as keyof typeof REPORTS]?.operatorOnly &&
        principal.kind === 'user' &&
        principal.user.role !== 'operator'
      )
        throw new AppError('forbidden', `The ${report} report is for operators`);
      return send(reply, report, request.query, partnerId);
    },
  );

  app.get(
    '/api/v1/exports/:report',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: "A report's unsummarized rows for every partner, as CSV (UTF-8 with BOM) or XLSX",
        params: reportParam,
        querystring: exportQuery,
      },
    },
    async (request, reply) => send(reply, request.params.report, request.query, null),
  );
}

export const exportRoutes: RouteModule = { name: 'exports', register };
