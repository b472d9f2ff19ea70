// The Tier page: summary, tier performance, insights and account performance; the
// progress chart; the points breakdown; sold points over time and a month's clients.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { dayOf } from '../portal/dates.ts';
import { partnerParams } from '../portal/schemas.ts';
import { getBreakdown, getSoldMonthClients, getSoldOverTime } from './breakdown.ts';
import {
  breakdownQuery,
  breakdownSchema,
  monthClientsParams,
  monthClientsQuery,
  monthClientsSchema,
  progressChartQuery,
  progressChartSchema,
  soldOverTimeQuery,
  soldOverTimeSchema,
  tierQuery,
  tierSchema,
} from './schemas.ts';
import { getProgressChart, getTier } from './service.ts';

const tags = ['tier'];
const config = { access: PARTNER_MEMBER };

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/tier',
    {
      config,
      schema: {
        tags,
        summary:
          'Tier summary, tier performance, thresholds, insights (keep, next, expirations, projection), account performance',
        params: partnerParams,
        querystring: tierQuery,
        response: { 200: tierSchema },
      },
    },
    async (request) =>
      getTier(deps.db, {
        partnerId: request.params.partnerId,
        on: request.query.on,
        today: deps.clock.today(),
      }),
  );

  app.get(
    '/api/v1/partners/:partnerId/tier/progress-chart',
    {
      config,
      schema: {
        tags,
        summary:
          'Points per month end (combined, sold, managed) with the next-tier thresholds in force each month',
        params: partnerParams,
        querystring: progressChartQuery,
        response: { 200: progressChartSchema },
      },
    },
    async (request) =>
      getProgressChart(deps.db, {
        partnerId: request.params.partnerId,
        from: request.query.from,
        to: request.query.to,
        today: deps.clock.today(),
      }),
  );

  app.get(
    '/api/v1/partners/:partnerId/tier/breakdown',
    {
      config,
      schema: {
        tags,
        summary: 'Points per client, sold and managed; filters for deal type and market type',
        params: partnerParams,
        querystring: breakdownQuery,
        response: { 200: breakdownSchema },
      },
    },
    async (request) =>
      getBreakdown(deps.db, request.params.partnerId, dayOf(deps, request.query.on), request.query),
  );

  app.get(
    '/api/v1/partners/:partnerId/tier/sold-over-time',
    {
      config,
      schema: {
        tags,
        summary: 'Sold points per month: new, increased, expired, declined, decreased (won and lost)',
        params: partnerParams,
        querystring: soldOverTimeQuery,
        response: { 200: soldOverTimeSchema },
      },
    },
    async (request) =>
      getSoldOverTime(deps.db, request.params.partnerId, { ...request.query, today: deps.clock.today() }),
  );

  app.get(
    '/api/v1/partners/:partnerId/tier/sold-over-time/:month/clients',
    {
      config,
      schema: {
        tags,
        summary: "A month's sold-point changes per client (tabs: total, won, lost)",
        params: monthClientsParams,
        querystring: monthClientsQuery,
        response: { 200: monthClientsSchema },
      },
    },
    async (request) =>
      getSoldMonthClients(deps.db, request.params.partnerId, request.params.month, request.query.tab),
  );
}

export const tierRoutes: RouteModule = { name: 'tier', register };
