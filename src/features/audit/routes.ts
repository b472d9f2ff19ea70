// GET /api/v1/audit-log (filters, cursor pagination) and its CSV export, for operators.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { OPERATOR } from '../auth/access.ts';
import { type ExportColumn, sendCsv } from '../export/writer.ts';
import { auditAll, auditPage } from './repository.ts';
import { type AuditEntryView, auditFilterQuery, auditListQuery, auditPageSchema } from './schemas.ts';

const tags = ['audit'];
const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

const CSV_COLUMNS: ExportColumn<AuditEntryView>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'at', value: (e) => e.at },
  { header: 'actor_kind', value: (e) => e.actor.kind },
  { header: 'actor_email', value: (e) => e.actor.email },
  { header: 'actor_user_id', value: (e) => e.actor.userId },
  { header: 'token_name', value: (e) => e.actor.tokenName },
  { header: 'action', value: (e) => e.action },
  { header: 'entity', value: (e) => e.entity },
  { header: 'entity_id', value: (e) => e.entityId },
  { header: 'entity_name', value: (e) => e.entityName },
  { header: 'partner_id', value: (e) => e.partnerId },
  { header: 'before', value: (e) => json(e.before) },
  { header: 'after', value: (e) => json(e.after) },
];

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/audit-log',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'The audit log, newest first: filter by actor, action, partner and days; cursor pages',
        querystring: auditListQuery,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => auditPage(deps.db, request.query),
  );

  app.get(
    '/api/v1/audit-log/export.csv',
    {
      config: { access: OPERATOR },
      schema: { tags, summary: 'The audit log as CSV, with the same filters', querystring: auditFilterQuery },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        `audit-log-${deps.clock.today()}.csv`,
        CSV_COLUMNS,
        await auditAll(deps.db, request.query),
      ),
  );
}

export const auditRoutes: RouteModule = { name: 'audit', register };
