// The program in force, as written in its file (PROGRAM_RULES §2), with the server's today:
// the web app's points calculator loads it with the engine's own loadProgram and computes
// in the browser what POST /api/v1/calculator/* answers.

import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { programFileSchema } from '../../domain/program.ts';
import type { Access } from '../auth/access.ts';
import { programResponseSchema } from './schemas.ts';
import { currentProgramDocument } from './service.ts';

/** Any signed-in user; a token with the read scope. */
const access: Access = { roles: 'any', token: 'read' };

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/program',
    {
      config: { access },
      schema: {
        tags: ['program'],
        summary: 'The program in force (rule sets, currency tables, growth markets, tiers) and today',
        response: { 200: programResponseSchema },
      },
    },
    async () => {
      const { version, document } = await currentProgramDocument(deps.db);
      return { version, today: deps.clock.today(), program: programFileSchema.parse(document) };
    },
  );
}

export const programRoutes: RouteModule = { name: 'program', register };
