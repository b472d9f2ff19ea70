// Use cases of saved reports ("Save as report") and dashboard cards. A saved report is a
// definition of one of the exportable reports (features/export/reports.ts): its figure is
// computed from the same rows an export of it holds (the sum of their points, or their
// count), over its range as of the day it is read, so a card is always live. Every write
// and its audit record commit in one transaction.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../core/app.ts';
import { AppError, type FieldIssue, validationError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { REPORTS } from '../export/reports.ts';
import { type CheckedExport, checkExport } from '../export/service.ts';
import type { ExportColumn } from '../export/writer.ts';
import * as repo from './repository.ts';
import { type Definition, definitionSchema, type Figure, type SavedReport } from './schemas.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export function reportNotFound(): AppError {
  return new AppError('not_found', 'No such saved report');
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export function view(r: repo.ReportRow): SavedReport {
  return {
    id: r.id,
    partnerId: r.partnerId,
    name: r.name,
    definition: definitionSchema.parse(r.definition),
    owner: { userId: r.ownerId, email: r.ownerEmail },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The range a definition covers when read on `today`. */
export function rangeOn(definition: Definition, today: IsoDate): { from: IsoDate; to: IsoDate } {
  return definition.range.kind === 'fixed'
    ? { from: definition.range.from, to: definition.range.to }
    : { from: addDays(today, -(definition.range.days - 1)), to: today };
}

// biome-ignore lint/suspicious/noExplicitAny: a report's own row type
type AnyColumn = ExportColumn<any>;
const columnOf = (checked: CheckedExport, header: string): AnyColumn | undefined =>
  REPORTS[checked.report].columns.find((c) => c.header === header);

/** The definition as an export request for one partner, or 400 naming each problem in it. */
export function checkDefinition(definition: Definition, partnerId: string, today: IsoDate): CheckedExport {
  const { from, to } = rangeOn(definition, today);
  let checked: CheckedExport;
  try {
    checked = checkExport(
      { report: definition.report, metric: definition.metric, from, to, partnerId },
      today,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = (error.details as { issues: FieldIssue[] }).issues;
    throw validationError(
      issues.map((i) => ({
        in: 'body',
        path: `definition.${i.path === 'from' ? 'range' : i.path}`,
        message: i.message,
      })),
    );
  }
  const issues: FieldIssue[] = [];
  const headers = new Set(REPORTS[checked.report].columns.map((c) => c.header));
  for (const [i, column] of (definition.columns ?? []).entries())
    if (!headers.has(column))
      issues.push({
        in: 'body',
        path: `definition.columns[${i}]`,
        message: `the ${checked.report} report has no column "${column}"`,
      });
  const { dealType, marketType } = definition.filters;
  if (dealType && !columnOf(checked, 'deal_type'))
    issues.push({
      in: 'body',
      path: 'definition.filters.dealType',
      message: `the ${checked.report} report has no deal type`,
    });
  if (marketType && !columnOf(checked, 'growth_market'))
    issues.push({
      in: 'body',
      path: 'definition.filters.marketType',
      message: `the ${checked.report} report has no market type`,
    });
  if (issues.length > 0) throw validationError(issues, 'The report definition is not valid');
  // A day report is read on the range's last day.
  return { ...checked, params: { ...checked.params, on: to } };
}

/** The rows of the definition's report that pass its filters (what an export of it holds). */
export async function* definitionRows(db: Queryable, definition: Definition, checked: CheckedExport) {
  const dealType = columnOf(checked, 'deal_type');
  const growth = columnOf(checked, 'growth_market');
  const { filters } = definition;
  for await (const row of REPORTS[checked.report].rows(db, checked.params)) {
    if (filters.dealType && dealType?.value(row) !== filters.dealType) continue;
    if (filters.marketType && (growth?.value(row) === true) !== (filters.marketType === 'growth')) continue;
    yield row;
  }
}

/** The columns an export of the definition shows, in the definition's order (default: all). */
export function definitionColumns(definition: Definition, checked: CheckedExport): AnyColumn[] {
  const all = REPORTS[checked.report].columns;
  return definition.columns ? definition.columns.map((h) => all.find((c) => c.header === h)!) : [...all];
}

export async function figureOf(
  db: Queryable,
  definition: Definition,
  partnerId: string,
  today: IsoDate,
): Promise<Figure> {
  const checked = checkDefinition(definition, partnerId, today);
  const points = columnOf(checked, 'points');
  let value = 0;
  let rows = 0;
  for await (const row of definitionRows(db, definition, checked)) {
    rows += 1;
    if (points) value += Math.round(Number(points.value(row) ?? 0) * 100);
  }
  const { from, to, on } = checked.params;
  return { value: points ? value / 100 : rows, unit: points ? 'points' : 'rows', rows, from, to, on };
}

async function requireReport(db: Queryable, partnerId: string, reportId: string) {
  const row = await repo.findReport(db, partnerId, reportId);
  if (!row) throw reportNotFound();
  return row;
}

export async function listReports(db: Queryable, partnerId: string) {
  return { reports: (await repo.listReports(db, partnerId)).map(view) };
}

export async function getReport(deps: Deps, partnerId: string, reportId: string) {
  const report = view(await requireReport(deps.db, partnerId, reportId));
  return { ...report, figure: await figureOf(deps.db, report.definition, partnerId, deps.clock.today()) };
}

export async function createReport(
  deps: Deps,
  options: { partnerId: string; name: string; definition: Definition; actor: Actor },
): Promise<SavedReport> {
  checkDefinition(options.definition, options.partnerId, deps.clock.today());
  const id = randomUUID();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.insertReport(tx, {
      id,
      partnerId: options.partnerId,
      name: options.name,
      definition: options.definition,
      ownerId: userOf(options.actor),
      at: now,
    });
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'saved_report.create',
      entity: 'saved_report',
      entityId: id,
      partnerId: options.partnerId,
      after: { name: options.name, definition: options.definition },
    });
  });
  return view(await requireReport(deps.db, options.partnerId, id));
}

export async function updateReport(
  deps: Deps,
  options: {
    partnerId: string;
    reportId: string;
    name?: string | undefined;
    definition?: Definition | undefined;
    actor: Actor;
  },
): Promise<SavedReport> {
  if (options.definition) checkDefinition(options.definition, options.partnerId, deps.clock.today());
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = view(await requireReport(tx, options.partnerId, options.reportId));
    const change = {
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.definition !== undefined ? { definition: options.definition } : {}),
    };
    await repo.updateReport(tx, options.partnerId, options.reportId, { ...change, at: now });
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'saved_report.update',
      entity: 'saved_report',
      entityId: options.reportId,
      partnerId: options.partnerId,
      before: { name: before.name, definition: before.definition },
      after: { name: options.name ?? before.name, definition: options.definition ?? before.definition },
    });
  });
  return view(await requireReport(deps.db, options.partnerId, options.reportId));
}

export async function deleteReport(
  deps: Deps,
  options: { partnerId: string; reportId: string; actor: Actor },
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = view(await requireReport(tx, options.partnerId, options.reportId));
    await repo.deleteReport(tx, options.partnerId, options.reportId);
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'saved_report.delete',
      entity: 'saved_report',
      entityId: options.reportId,
      partnerId: options.partnerId,
      before: { name: before.name, definition: before.definition },
    });
  });
}
