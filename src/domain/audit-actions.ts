// Every action the audit log records, in one list: the server types recordAudit with it and
// the console offers it as the action filter (with a translated name for each).
export const AUDIT_ACTIONS = [
  'program.load',
  'import.run',
  'facts.ingest',
  'client.end_services',
  'user.create',
  'user.invite',
  'user.update',
  'user.password_set',
  'user.password_reset',
  'user.password_reset_requested',
  'session.create',
  'session.revoke',
  'api_token.create',
  'api_token.revoke',
  'webhook.create',
  'webhook.delete',
  'webhook.test',
  'webhook.redeliver',
  'certification.create',
  'certification.update',
  'team_contact.create',
  'team_contact.update',
  'team_contact.delete',
  'preview.create',
  'preview.opt_in',
  'preview.opt_out',
  'preview.opt_in_partner',
  'preview.opt_out_partner',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
