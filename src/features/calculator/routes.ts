// The points calculator: points for an amount, the amount for points, points for a value.
// Not partner-scoped: a pure function of the program and the day.

import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import type { Access } from '../auth/access.ts';
import { currentProgram } from '../portal/program.ts';
import {
  amountBody,
  amountResultSchema,
  pointsBody,
  pointsResultSchema,
  valueBody,
  valueResultSchema,
} from './schemas.ts';
import { calculatorAmount, calculatorPoints, calculatorValuePoints } from './service.ts';

const tags = ['calculator'];
/** Any signed-in user; a token with the read scope (it stores nothing). */
const access: Access = { roles: 'any', token: 'read' };

function register(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/calculator/points',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Sold, managed and total points for a sold amount (as `tierwise calc points`)',
        body: pointsBody,
        response: { 200: pointsResultSchema },
      },
    },
    async (request) => calculatorPoints(await currentProgram(deps.db), deps.clock.today(), request.body),
  );

  app.post(
    '/api/v1/calculator/amount',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The amount of a currency that earns sold or managed points (as `tierwise calc amount`)',
        body: amountBody,
        response: { 200: amountResultSchema },
      },
    },
    async (request) => calculatorAmount(await currentProgram(deps.db), deps.clock.today(), request.body),
  );

  app.post(
    '/api/v1/calculator/value-points',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Sold or managed points for a value in a currency (the Currency tab, amount to points)',
        body: valueBody,
        response: { 200: valueResultSchema },
      },
    },
    async (request) => calculatorValuePoints(await currentProgram(deps.db), deps.clock.today(), request.body),
  );
}

export const calculatorRoutes: RouteModule = { name: 'calculator', register };
