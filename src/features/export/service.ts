// An export request, checked the same way for the command line and the HTTP routes: the
// report, the format, the filters it takes, a range in order. Every problem is named with
// its field; nothing is read before the request is whole.

import { sql } from 'drizzle-orm';
import { type FieldIssue, validationError } from '../../core/errors.ts';
import { type Queryable, rows } from '../../db/client.ts';
import { addDays, type IsoDate, isIsoDate } from '../../domain/dates.ts';
import { isPartnerClient } from '../clients/repository.ts';
import { RELATIONSHIPS, type Relationship } from '../clients/schemas.ts';
import { REPORT_FILTERS } from './report-types.ts';
import { REPORT_NAMES, REPORTS, type ReportName, type ReportParams } from './reports.ts';
import { EXPORT_FORMATS, type ExportFormat } from './writer.ts';

export interface ExportRequest {
  report: string;
  format?: string | undefined;
  partnerId: string | null;
  from?: string | undefined;
  to?: string | undefined;
  on?: string | undefined;
  metric?: string | undefined;
  /** sold-entries: one client's entries (a client id of the partner). */
  client?: string | undefined;
  /** clients: part of the client's name or id (the clients table's search). */
  q?: string | undefined;
  /** clients: sold, managed or both (the clients table's relationship filter). */
  relationship?: string | undefined;
}

export interface CheckedExport {
  report: ReportName;
  format: ExportFormat;
  params: ReportParams;
}

const list = (values: readonly string[]) => values.join(', ');

/** The request checked, or a validation error listing every problem by field. */
export function checkExport(
  request: ExportRequest,
  today: IsoDate,
  where: FieldIssue['in'] = 'querystring',
): CheckedExport {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ in: where, path, message });
  const report = (REPORT_NAMES as readonly string[]).includes(request.report)
    ? (request.report as ReportName)
    : null;
  if (!report) issue('report', `unknown report "${request.report}"; one of ${list(REPORT_NAMES)}`);
  const format = request.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    issue('format', `unknown format "${format}"; one of ${list(EXPORT_FORMATS)}`);
  for (const field of ['from', 'to', 'on'] as const) {
    const value = request[field];
    if (value !== undefined && !isIsoDate(value)) issue(field, `"${value}" is not a date YYYY-MM-DD`);
  }
  const definition = report ? REPORTS[report] : null;
  // One metric, or several comma-separated (their rows together: lost sold points are
  // expired-sold,decreased-sold,declined-sold).
  const metrics =
    request.metric === undefined ? [] : [...new Set(request.metric.split(',').map((m) => m.trim()))];
  const unknownMetric = metrics.find((m) => !definition?.metrics.includes(m));
  if (request.metric !== undefined && definition && unknownMetric !== undefined)
    issue(
      'metric',
      definition.metrics.length === 0
        ? `the ${report} report takes no metric`
        : `unknown metric "${unknownMetric}"; one or more (comma-separated) of ${list(definition.metrics)}`,
    );
  for (const filter of REPORT_FILTERS) {
    if (request[filter] === undefined || !definition) continue;
    const takes = definition.filters ?? [];
    if (!takes.includes(filter))
      issue(
        filter,
        takes.length === 0
          ? `the ${report} report takes no ${filter} filter`
          : `the ${report} report takes no ${filter} filter; it takes ${list(takes)}`,
      );
  }
  const client = request.client?.trim();
  if (request.client !== undefined && !client) issue('client', 'a client id');
  const q = request.q?.trim();
  if (q !== undefined && q.length > 200) issue('q', 'at most 200 characters');
  if (
    request.relationship !== undefined &&
    !(RELATIONSHIPS as readonly string[]).includes(request.relationship)
  )
    issue('relationship', `unknown relationship "${request.relationship}"; one of ${list(RELATIONSHIPS)}`);
  const to = request.to ?? today;
  const from = request.from ?? addDays(to, -29);
  if (isIsoDate(from) && isIsoDate(to) && from > to) issue('from', `${from} is after to (${to})`);
  if (issues.length > 0 || !report) throw validationError(issues, 'The export request is not valid');
  return {
    report,
    format: format as ExportFormat,
    params: {
      partnerId: request.partnerId,
      from,
      to,
      on: request.on ?? today,
      metric: request.metric === undefined ? null : metrics.join(','),
      client: client || null,
      q: q || null,
      relationship: (request.relationship as Relationship | undefined) ?? null,
    },
  };
}

/**
 * The export's client filter checked against the database: a client of the partner (for
 * every partner's export, a client of any partner), or a 400 naming the field. The same
 * answer whether the client does not exist or is another partner's.
 */
export async function checkExportClient(
  db: Queryable,
  checked: CheckedExport,
  where: FieldIssue['in'] = 'querystring',
): Promise<void> {
  const { client, partnerId } = checked.params;
  if (client === null) return;
  const known =
    partnerId === null
      ? (await rows(db, sql`select 1 from clients where client_id = ${client}`)).length > 0
      : await isPartnerClient(db, partnerId, client);
  if (!known)
    throw validationError(
      [
        {
          in: where,
          path: 'client',
          message: partnerId === null ? `no client ${client}` : `no client ${client} of partner ${partnerId}`,
        },
      ],
      'The export request is not valid',
    );
}

/** The file name of an export: the user's name for it, or the report and its dates. */
export function exportName(checked: CheckedExport, name?: string): string {
  if (name && name.trim().length > 0) return name.trim();
  const { params, report } = checked;
  const scope = params.partnerId ?? 'all-partners';
  const metric = params.metric ? `-${params.metric}` : '';
  const dates = REPORTS[report].uses === 'range' ? `${params.from}-to-${params.to}` : params.on;
  return `${report}${metric}-${scope}-${dates}`;
}
