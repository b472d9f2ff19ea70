// Upcoming renewals of the partner's clients.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { dayOf } from '../portal/dates.ts';
import { partnerParams } from '../portal/schemas.ts';
import { renewalListQuery, renewalListSchema } from './schemas.ts';
import { listRenewals } from './service.ts';

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/renewals',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags: ['renewals'],
        summary: "Upcoming renewals of the partner's clients within the program's horizon; sortable",
        params: partnerParams,
        querystring: renewalListQuery,
        response: { 200: renewalListSchema },
      },
    },
    async (request) =>
      listRenewals(deps.db, request.params.partnerId, dayOf(deps, request.query.on), request.query),
  );
}

export const renewalRoutes: RouteModule = { name: 'renewals', register };
