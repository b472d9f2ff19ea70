// Liveness (/api/health: the process answers) and readiness (/api/ready: the database
// answers and every migration of this build is applied), for load balancers and orchestrators.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../core/app.ts';
import { AppError } from '../core/errors.ts';
import { migrationState } from '../db/readiness.ts';

export const healthRoutes: RouteModule = {
  name: 'health',
  register(app: App, deps: AppDeps) {
    app.get(
      '/api/health',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers (no database call)',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/api/ready',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['health'],
          summary:
            'Readiness: the database answers and every migration of this version is applied (else 503)',
          response: {
            200: z.object({
              status: z.literal('ready'),
              migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
            }),
          },
        },
      },
      async () => {
        let state: Awaited<ReturnType<typeof migrationState>>;
        try {
          state = await migrationState(deps.db);
        } catch (cause) {
          throw new AppError('unavailable', 'The database does not answer', {
            cause,
            headers: { 'retry-after': '5' },
          });
        }
        if (state.applied < state.expected) {
          throw new AppError(
            'unavailable',
            `The database lacks ${state.expected - state.applied} of this version's ${state.expected} migrations: run \`tierwise migrate\``,
            { details: { migrations: state }, headers: { 'retry-after': '30' } },
          );
        }
        return { status: 'ready' as const, migrations: state };
      },
    );
  },
};
