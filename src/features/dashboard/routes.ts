// The dashboard's summary (program progress, alerts) and tier-progress panel. Both read the
// summary row; a browser's session lookup reads it in the same query (config.preload).
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { preloaded } from '../auth/hook.ts';
import { partnerParams } from '../portal/schemas.ts';
import { summaryPreload } from './repository.ts';
import { standingQuery, summarySchema, tierProgressQuery, tierProgressSchema } from './schemas.ts';
import { getDashboardSummary, getTierProgress } from './service.ts';

const tags = ['dashboard'];

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/dashboard',
    {
      config: { access: PARTNER_MEMBER, preload: summaryPreload },
      schema: {
        tags,
        summary: 'Program progress: tiers, points, points needed for the next tier, revenue metrics, alerts',
        description:
          'Reads the derived state (a few precomputed rows). With `on`, the engine computes the figures for that day.',
        params: partnerParams,
        querystring: standingQuery,
        response: { 200: summarySchema },
      },
    },
    async (request) =>
      getDashboardSummary(deps.db, {
        partnerId: request.params.partnerId,
        on: request.query.on,
        today: deps.clock.today(),
        row: preloaded(request, summaryPreload),
      }),
  );

  app.get(
    '/api/v1/partners/:partnerId/tier-progress',
    {
      config: { access: PARTNER_MEMBER, preload: summaryPreload },
      schema: {
        tags,
        summary: 'For a chosen tier: total, seller-minimum and managed-minimum points still needed',
        params: partnerParams,
        querystring: tierProgressQuery,
        response: { 200: tierProgressSchema },
      },
    },
    async (request) =>
      getTierProgress(deps.db, {
        partnerId: request.params.partnerId,
        on: request.query.on,
        tier: request.query.tier,
        today: deps.clock.today(),
        row: preloaded(request, summaryPreload),
      }),
  );
}

export const dashboardRoutes: RouteModule = { name: 'dashboard', register };
