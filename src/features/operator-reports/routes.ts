// GET /api/v1/point-changes/partners: the operator's view of one point-change figure across
// every partner (the console's Reports page).
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { OPERATOR } from '../auth/access.ts';
import { rangeOf } from '../portal/dates.ts';
import { partnerFiguresQuery, partnerFiguresSchema } from './schemas.ts';
import { parseMetrics, partnerFigures } from './service.ts';

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/point-changes/partners',
    {
      config: { access: OPERATOR },
      schema: {
        tags: ['dashboard'],
        summary:
          'One point-change figure per partner over a date range (a metric or several summed), largest first, with the clients behind it',
        querystring: partnerFiguresQuery,
        response: { 200: partnerFiguresSchema },
      },
    },
    async (request) => {
      const { metric, partnerId, page, pageSize } = request.query;
      const metrics = parseMetrics(metric);
      const range = rangeOf(deps, request.query);
      return partnerFigures(deps, range, metrics, { partnerId: partnerId ?? null, page, pageSize });
    },
  );
}

export const operatorReportRoutes: RouteModule = { name: 'operator-reports', register };
