// GET /api/v1/overview: the console's first screen, for operators and read-scoped tokens.
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { OPERATOR } from '../auth/access.ts';
import { cached } from '../partners/cache.ts';
import { overviewSchema } from './schemas.ts';
import { overview } from './service.ts';

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/overview',
    {
      config: { access: OPERATOR },
      schema: {
        tags: ['overview'],
        summary: 'Partners per tier, points distribution, movers, at risk, renewals, data freshness',
        response: { 200: overviewSchema },
      },
    },
    async () => cached(deps.db, deps.clock.today(), 'overview', () => overview(deps)),
  );
}

export const overviewRoutes: RouteModule = { name: 'overview', register };
