import { z } from 'zod';
import {
  emailSchema,
  localeSchema,
  partnerIdSchema,
  partnerRoleSchema,
  roleSchema,
  timestampSchema,
} from '../auth/schemas.ts';

export const userInfoSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  partnerId: z.string().nullable(),
  locale: localeSchema,
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: timestampSchema,
});

export const createdUserSchema = z.object({
  user: userInfoSchema,
  setPasswordLink: z
    .object({ url: z.string(), expiresAt: timestampSchema })
    .nullable()
    .describe('A one-time link for the new user to set a password; pass it on privately'),
});

export const createUserBody = z.object({
  email: emailSchema,
  role: roleSchema,
  partnerId: partnerIdSchema.nullable().optional(),
  locale: localeSchema.optional(),
});

export const createPartnerUserBody = z.object({
  email: emailSchema,
  role: partnerRoleSchema,
  locale: localeSchema.optional(),
});

export const partnerParams = z.object({ partnerId: partnerIdSchema });
