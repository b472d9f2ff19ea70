// Single sign-on configuration (GET/PUT/DELETE /api/v1/sso-config) and the public status.
import { z } from 'zod';
import { ROLES } from '../auth/access.ts';

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http on this machine only (a provider started for tests or development). */
export const issuerSchema = z
  .url({ protocol: /^https?$/, error: 'expected an https:// URL' })
  .max(500)
  .refine((v) => {
    const url = new URL(v);
    return url.protocol === 'https:' || loopback.has(url.hostname);
  }, 'expected an https:// URL (http only for localhost)')
  .transform((v) => v.replace(/\/+$/, ''));

export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && loopback.has(url.hostname);
}

export const domainMappingSchema = z
  .object({
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'expected a domain, e.g. acme.example',
      ),
    /** The partner of a partner role; null for operators. */
    partnerId: z.string().trim().min(1).max(100).nullable(),
    role: z.enum(ROLES),
  })
  .refine((m) => (m.role === 'operator') === (m.partnerId === null), {
    message: 'an operator domain maps to no partner; a partner role needs a partner',
    path: ['partnerId'],
  });

export const updateSsoBody = z.object({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(500),
  /** Omit to keep the stored secret. */
  clientSecret: z.string().min(1).max(2000).optional(),
  domains: z
    .array(domainMappingSchema)
    .max(500)
    .refine((list) => new Set(list.map((m) => m.domain)).size === list.length, 'each domain may appear once'),
});
export type UpdateSsoBody = z.infer<typeof updateSsoBody>;

export const ssoConfigSchema = z.object({
  configured: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  /** The secret's last characters only, e.g. "••••f3a9". */
  clientSecretHint: z.string().nullable(),
  domains: z.array(z.object({ domain: z.string(), partnerId: z.string().nullable(), role: z.enum(ROLES) })),
  updatedAt: z.string().nullable(),
});
export type SsoConfigView = z.infer<typeof ssoConfigSchema>;

export const ssoStatusSchema = z.object({ enabled: z.boolean() });

export const SSO_REFUSALS = [
  'not_configured',
  'unmapped_domain',
  'deactivated',
  'email_unverified',
  'no_email',
  'failed',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];
