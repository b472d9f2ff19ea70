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
  invitationPending: z.boolean().describe('No password yet and a set-password link that still works'),
  lastSignInAt: timestampSchema.nullable().describe("The user's latest sign-in"),
  createdAt: timestampSchema,
});

const emailOutcome = {
  emailSent: z
    .boolean()
    .nullable()
    .describe(
      'true: the invitation email went out; false: sending failed (see emailError); null: no SMTP configured',
    ),
  emailError: z.string().nullable(),
};

const linkSchema = z.object({ url: z.string(), expiresAt: timestampSchema });

export const createdUserSchema = z.object({
  user: userInfoSchema,
  setPasswordLink: linkSchema
    .nullable()
    .describe('A one-time link for the new user to set a password; pass it on privately'),
  ...emailOutcome,
});

export const invitationSchema = z.object({
  user: userInfoSchema,
  setPasswordLink: linkSchema.describe('The new one-time link; earlier unused links stop working'),
  ...emailOutcome,
});

export const updateUserBody = z
  .object({
    role: roleSchema.optional(),
    disabled: z
      .boolean()
      .optional()
      .describe('true deactivates: sessions and API tokens stop working at once'),
    partnerId: partnerIdSchema
      .nullable()
      .optional()
      .describe('Needed when the role changes between operator (null) and a partner role'),
  })
  .strict();

export const updatePartnerUserBody = z
  .object({ role: partnerRoleSchema.optional(), disabled: z.boolean().optional() })
  .strict();

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
export const userParams = z.object({ userId: z.uuid() });
export const partnerUserParams = z.object({ partnerId: partnerIdSchema, userId: z.uuid() });
