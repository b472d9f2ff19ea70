// An export request, checked the same way for the command line and the HTTP routes: the
// report, the format, the filters it takes, a range in order. Every problem is named with
// its field; nothing is read before the request is whole.
import { type FieldIssue, validationError } from '../../core/errors.ts';
import { addDays, type IsoDate, isIsoDate } from '../../domain/dates.ts';
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
    },
  };
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
