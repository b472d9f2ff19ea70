// Every partner with its standing, for operators (the web app's partner switcher) and
// read-scoped integrations. Partner users are refused: they see only their own partner.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { OPERATOR } from '../auth/access.ts';
import { listPartners } from '../points/service.ts';
import { pointsSchema } from '../portal/schemas.ts';

const partnerSchema = z.object({
  partnerId: z.string(),
  name: z.string(),
  country: z.string(),
  total: pointsSchema.describe('Total points in the derived state'),
  performance: z.string().nullable().describe('Tier id the points qualify for'),
  credited: z.string().nullable().describe('Tier id the partner holds'),
});

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners',
    {
      config: { access: OPERATOR },
      schema: {
        tags: ['partners'],
        summary: 'Every partner with its points and tiers (operators)',
        response: { 200: z.object({ partners: z.array(partnerSchema) }) },
      },
    },
    async () => ({ partners: await listPartners(deps.db) }),
  );
}

export const partnerRoutes: RouteModule = { name: 'partners', register };
