// Tier point changes for a date range, and the items behind each figure.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { rangeOf } from '../portal/dates.ts';
import { partnerParams, rangeQuery } from '../portal/schemas.ts';
import { changeItemsSchema, itemsQuery, pointChangesSchema } from './schemas.ts';
import { getPointChangeItems, getPointChanges } from './service.ts';

const tags = ['dashboard'];

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/point-changes',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary:
          'Tier point changes in a date range: new, increased, expired, decreased, declined sold; new and lost managed',
        params: partnerParams,
        querystring: rangeQuery,
        response: { 200: pointChangesSchema },
      },
    },
    async (request) => getPointChanges(deps.db, request.params.partnerId, rangeOf(deps, request.query)),
  );

  app.get(
    '/api/v1/partners/:partnerId/point-changes/items',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags,
        summary: 'The clients and entries behind one point-change figure (paginated; they sum to the figure)',
        params: partnerParams,
        querystring: itemsQuery,
        response: { 200: changeItemsSchema },
      },
    },
    async (request) => {
      const { category, page, pageSize } = request.query;
      return getPointChangeItems(deps.db, request.params.partnerId, rangeOf(deps, request.query), category, {
        page,
        pageSize,
      });
    },
  );
}

export const pointChangeRoutes: RouteModule = { name: 'point-changes', register };
