// zod schemas of preview features and opt-ins.
import { z } from 'zod';
import { partnerIdSchema, timestampSchema } from '../auth/schemas.ts';

export const previewParams = z.object({ previewId: z.string().min(1).max(100) });
export const partnerPreviewParams = z.object({
  partnerId: partnerIdSchema,
  previewId: z.string().min(1).max(100),
});

export const acceptTermsBody = z
  .object({ acceptTerms: z.literal(true).describe('The caller has read and accepts the terms') })
  .strict();

export const definePreviewBody = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug: lowercase letters and digits separated by hyphens')
      .max(100),
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(2000),
    terms: z.string().trim().min(1).max(20000),
  })
  .strict();

export const previewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  terms: z.string(),
  createdAt: timestampSchema,
});

export const myPreviewSchema = previewSchema.extend({
  optedIn: z.boolean().describe('The preview is on for the caller (own opt-in or the partner-wide one)'),
  via: z.enum(['user', 'partner']).nullable(),
  userOptedIn: z.boolean(),
  partnerOptedIn: z.boolean(),
});

export const myPreviewsSchema = z.object({ previews: z.array(myPreviewSchema) });

export const partnerOptinSchema = z.object({
  previewId: z.string(),
  partnerId: z.string(),
  partnerOptedIn: z.boolean(),
  users: z.number().int().describe('Users of the partner the partner-wide opt-in covers'),
});

export const partnerPreviewsSchema = z.object({
  partnerId: z.string(),
  previews: z.array(
    z.object({ previewId: z.string(), partnerOptedIn: z.boolean(), usersOptedIn: z.number().int() }),
  ),
});
