// The database schema, one module per area; this index is what drizzle-kit and the
// repositories read. The areas point one way: auth and portal refer to facts, portal to
// auth, program and jobs to auth, lists, saved reports and deal registrations to facts and
// auth; nothing refers back.

export * from './schema-auth.ts';
export * from './schema-facts.ts';
export * from './schema-jobs.ts';
export * from './schema-lists.ts';
export * from './schema-portal.ts';
export * from './schema-program.ts';
export * from './schema-registrations.ts';
export * from './schema-reports.ts';
export * from './schema-sso.ts';
export * from './schema-webhooks.ts';
