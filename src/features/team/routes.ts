// The partner's vendor contacts (Team tab): who they are, how they help, a mailto link.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { PARTNER_MEMBER } from '../auth/access.ts';
import { encodeId } from '../partners/admin.ts';
import { partnerParams } from '../portal/schemas.ts';
import { listTeamContacts } from './repository.ts';

const contactSchema = z.object({
  contactId: z.string().describe('Names the contact in the operator routes that edit it'),
  role: z.string().describe('e.g. Partner Development Manager'),
  name: z.string(),
  email: z.string(),
  description: z.string().nullable().describe('How this contact helps the partner'),
  mailto: z.string().describe('A mailto: link for the Send email button'),
});

function register(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/team',
    {
      config: { access: PARTNER_MEMBER },
      schema: {
        tags: ['team'],
        summary: "The partner's vendor contacts with a mailto link",
        params: partnerParams,
        response: { 200: z.object({ contacts: z.array(contactSchema) }) },
      },
    },
    async (request) => {
      const found = await listTeamContacts(deps.db, request.params.partnerId);
      return {
        contacts: found.map((c) => ({
          contactId: encodeId([c.email]),
          role: c.role,
          name: c.name,
          email: c.email,
          description: c.description,
          mailto: `mailto:${encodeURIComponent(c.email).replace(/%40/g, '@')}`,
        })),
      };
    },
  );
}

export const teamRoutes: RouteModule = { name: 'team', register };
