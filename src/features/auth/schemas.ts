// zod schemas of the auth routes: what may come in and exactly what goes out.
import { z } from 'zod';
import { LOCALES, PARTNER_ROLES, ROLES, SCOPES } from './access.ts';
import { passwordSchema } from './password.ts';

export const emailSchema = z.email().max(254);
export const localeSchema = z.enum(LOCALES);
export const roleSchema = z.enum(ROLES);
export const partnerRoleSchema = z.enum(PARTNER_ROLES);
export const scopeSchema = z.enum(SCOPES);
export const partnerIdSchema = z.string().min(1).max(100);
export const timestampSchema = z.iso.datetime({ offset: true });

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  partnerId: z.string().nullable(),
  locale: localeSchema,
});

export const meSchema = z
  .object({
    user: userSchema,
    partner: z.object({ partnerId: z.string(), name: z.string() }).nullable(),
    csrfToken: z.string().describe('Send it as the x-csrf-token header on every cookie-authenticated write'),
  })
  .describe('The signed-in user');

export const signInBody = z.object({
  email: z.string().trim().min(1).max(254),
  // Not checked against the password policy here: a wrong password is simply wrong.
  password: z.string().min(1).max(1024),
});

export const updateMeBody = z.object({ locale: localeSchema }).strict();

export const setPasswordBody = z.object({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

export const resetRequestBody = z.object({ email: z.string().trim().min(1).max(254) });

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(scopeSchema).min(1),
  /** When the token stops working (ISO date-time); null or absent: never. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  scopes: z.array(scopeSchema),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
  createdByEmail: z.string().nullable(),
});

export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe('The token itself: shown this once, never again'),
});

export const idParams = z.object({ id: z.uuid() });
