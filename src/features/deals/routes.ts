// Shared sales for a date range, and the deals behind each figure.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { rangeOf } from '../portal/dates.ts';
import { partnerParams, rangeQuery } from '../portal/schemas.ts';
import { salesItemsQuery, salesItemsSchema, sharedSalesSchema } from './schemas.ts';
import { getSharedSales, getSharedSalesItems } from './service.ts';

const tags = ['dashboard'];

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/shared-sales',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary: 'Shared sales in a date range: deals created, sourced deals in flight, deals closed-won',
        params: partnerParams,
        querystring: rangeQuery,
        response: { 200: sharedSalesSchema },
      },
    },
    async (request) => getSharedSales(deps.db, request.params.partnerId, rangeOf(deps, request.query)),
  );

  app.get(
    '/api/v1/partners/:partnerId/shared-sales/items',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary: 'The deals behind one shared-sales figure (newest first, paginated)',
        params: partnerParams,
        querystring: salesItemsQuery,
        response: { 200: salesItemsSchema },
      },
    },
    async (request) => {
      const { category, page, pageSize } = request.query;
      return getSharedSalesItems(deps.db, request.params.partnerId, rangeOf(deps, request.query), category, {
        page,
        pageSize,
      });
    },
  );
}

export const sharedSalesRoutes: RouteModule = { name: 'shared-sales', register };
