// Commission: past and upcoming payouts, and recorded payments.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { dayOf } from '../portal/dates.ts';
import { partnerParams } from '../portal/schemas.ts';
import { commissionQuery, commissionSchema } from './schemas.ts';
import { getCommission } from './service.ts';

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/commission',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags: ['commission'],
        summary: 'Commission: paid and estimated quarterly payouts, and the payments recorded',
        params: partnerParams,
        querystring: commissionQuery,
        response: { 200: commissionSchema },
      },
    },
    async (request) =>
      getCommission(deps.db, request.params.partnerId, {
        on: dayOf(deps, request.query.on),
        accruals: request.query.accruals,
        status: request.query.status,
        client: request.query.client,
      }),
  );
}

export const commissionRoutes: RouteModule = { name: 'commission', register };
