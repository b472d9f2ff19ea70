// The route registry: every feature's routes, registered through one function each, so
// the app's route table (app.routeTable) lists every route with its access rule, and
// tests (e.g. the cross-partner test) can be generated from it. Add a feature's module here.
import type { RouteModule } from '../core/app.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { apiTokenRoutes } from '../features/auth/api-token-routes.ts';
import { authRoutes } from '../features/auth/routes.ts';
import { backupRoutes } from '../features/backups/routes.ts';
import { calculatorRoutes } from '../features/calculator/routes.ts';
import { clientRoutes } from '../features/clients/routes.ts';
import { commissionRoutes } from '../features/commission/routes.ts';
import { dashboardRoutes } from '../features/dashboard/routes.ts';
import { dealRegistrationRoutes } from '../features/deal-registrations/routes.ts';
import { sharedSalesRoutes } from '../features/deals/routes.ts';
import { exportRoutes } from '../features/export/routes.ts';
import { importRoutes } from '../features/import/routes.ts';
import { ingestRoutes } from '../features/ingest/routes.ts';
import { listRoutes } from '../features/lists/routes.ts';
import { overviewRoutes } from '../features/operator-overview/routes.ts';
import { operatorReportRoutes } from '../features/operator-reports/routes.ts';
import { partnerRoutes } from '../features/partners/routes.ts';
import { pointChangeRoutes } from '../features/point-changes/routes.ts';
import { previewRoutes } from '../features/previews/routes.ts';
import { programAdminRoutes } from '../features/program/admin-routes.ts';
import { programRoutes } from '../features/program/routes.ts';
import { renewalRoutes } from '../features/renewals/routes.ts';
import { savedReportRoutes } from '../features/saved-reports/routes.ts';
import { ssoRoutes } from '../features/sso/routes.ts';
import { teamRoutes } from '../features/team/routes.ts';
import { tierRoutes } from '../features/tier/routes.ts';
import { userRoutes } from '../features/users/routes.ts';
import { webhookRoutes } from '../features/webhooks/routes.ts';
import { healthRoutes } from './health.ts';

export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  authRoutes,
  ssoRoutes,
  apiTokenRoutes,
  userRoutes,
  partnerRoutes,
  overviewRoutes,
  // The partner portal's read side, end services, the calculator and preview opt-ins.
  dashboardRoutes,
  pointChangeRoutes,
  operatorReportRoutes,
  sharedSalesRoutes,
  dealRegistrationRoutes,
  commissionRoutes,
  clientRoutes,
  listRoutes,
  savedReportRoutes,
  renewalRoutes,
  exportRoutes,
  tierRoutes,
  teamRoutes,
  calculatorRoutes,
  programRoutes,
  programAdminRoutes,
  previewRoutes,
  // Live ingestion (integrations), uploaded imports and outgoing webhooks.
  ingestRoutes,
  importRoutes,
  webhookRoutes,
  auditRoutes,
  backupRoutes,
];
