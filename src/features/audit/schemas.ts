// The audit log's query and answer shapes (GET /api/v1/audit-log and its CSV export).
import { z } from 'zod';

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const auditFilterQuery = z.object({
  /** A user id (uuid) or an email address. */
  actor: z.string().trim().min(1).optional(),
  /** An exact action ('user.create') or a prefix ending in a dot ('user.'). */
  action: z.string().trim().min(1).optional(),
  partnerId: z.string().trim().min(1).optional(),
  /** First day included (UTC). */
  from: dateOnly.optional(),
  /** Last day included (UTC). */
  to: dateOnly.optional(),
});

export const auditListQuery = auditFilterQuery.extend({
  cursor: z.string().regex(/^\d+$/, 'the nextCursor of a previous answer').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AuditFilter = z.infer<typeof auditFilterQuery>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['user', 'token', 'system']),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    tokenId: z.string().nullable(),
    tokenName: z.string().nullable(),
  }),
  action: z.string().describe('One of the audit actions, such as user.invite or api_token.revoke'),
  entity: z.string(),
  entityId: z.string(),
  /** What the target is called where the id alone says little: a user's email, a token's name. */
  entityName: z.string().nullable(),
  partnerId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
