// `tierwise users add`: creates a user and prints a one-time set-password link, or sets the
// password read from standard input (--password-stdin, for scripts and first setup).
import type { Command } from 'commander';
import { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { systemClock } from '../../core/clock.ts';
import { type Config, loadConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../../features/audit/service.ts';
import { ROLES, type Role } from '../../features/auth/access.ts';
import { type CreatedUser, createUser } from '../../features/users/service.ts';
import { type CliContext, type GlobalOptions, UsageError } from '../context.ts';
import { withDatabase } from '../database.ts';
import { parseFlags } from '../flags.ts';

const addFlags = z
  .object({
    email: z.email({ error: (iss) => `expected an email address, got ${String(iss.input)}` }),
    role: z.enum(ROLES, { error: (iss) => `expected ${ROLES.join(', ')}, got ${String(iss.input)}` }),
    partner: z.string().trim().min(1).optional(),
    passwordStdin: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'operator' && v.partner !== undefined)
      ctx.addIssue({ code: 'custom', path: ['partner'], message: 'an operator belongs to no partner' });
    if (v.role !== 'operator' && v.partner === undefined)
      ctx.addIssue({ code: 'custom', path: ['partner'], message: `is required for a ${v.role}` });
  });

/** Reads standard input to its end; the password is that text without its final newline. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export interface AddUserOptions {
  email: string;
  role: Role;
  partnerId?: string | undefined;
  /** Standard input's text, when --password-stdin was given. */
  stdin?: string | undefined;
}

/** The command's work, without commander: testable against any database. */
export async function addUser(
  deps: { db: Database['db']; config: Config; clock: Clock },
  options: AddUserOptions,
): Promise<CreatedUser> {
  const password = options.stdin?.replace(/\r?\n$/, '');
  if (options.stdin !== undefined && !password)
    throw new UsageError(['--password-stdin: standard input is empty']);
  try {
    return await createUser(deps, {
      email: options.email,
      role: options.role,
      partnerId: options.partnerId ?? null,
      password,
      actor: SYSTEM_ACTOR,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
    throw new Error(issues?.length ? issues.map((i) => `${i.path}: ${i.message}`).join('\n') : error.message);
  }
}

export function formatCreated(created: CreatedUser): string {
  const { user, setPasswordLink } = created;
  const who = `${user.role} ${user.email}${user.partnerId ? ` (partner ${user.partnerId})` : ''}`;
  if (!setPasswordLink) return `Created ${who} with the password from standard input.\n`;
  return (
    `Created ${who}.\n` +
    `One-time set-password link (works once, valid until ${setPasswordLink.expiresAt}):\n` +
    `  ${setPasswordLink.url}\n`
  );
}

export function registerUsers(root: Command, ctx: CliContext): void {
  const users = root.command('users').description('user accounts');
  users
    .command('add')
    .description(
      'create a user; prints a one-time set-password link, or sets the password read from standard input',
    )
    .requiredOption('--email <E>', 'the email address (the sign-in name)')
    .requiredOption('--role <ROLE>', `one of ${ROLES.join(', ')}`)
    .option('--partner <ID>', 'the partner of a partner-admin or partner-user')
    .option('--password-stdin', 'read the password from standard input instead of printing a link')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<
        GlobalOptions & { email: string; role: string; partner?: string; passwordStdin?: boolean }
      >();
      const flags = parseFlags(addFlags, {
        email: globals.email,
        role: globals.role,
        partner: globals.partner,
        passwordStdin: globals.passwordStdin,
      });
      const stdin = flags.passwordStdin ? await readStdin() : undefined;
      const config = loadConfig(process.env, globals.data ? { dataDir: globals.data } : {});
      const created = await withDatabase(globals, (database) =>
        addUser(
          { db: database.db, config, clock: systemClock },
          { email: flags.email, role: flags.role, partnerId: flags.partner, stdin },
        ),
      );
      if (globals.json) {
        ctx.io.out(
          `${JSON.stringify({
            id: created.user.id,
            email: created.user.email,
            role: created.user.role,
            partnerId: created.user.partnerId,
            setPasswordLink: created.setPasswordLink?.url ?? null,
            expiresAt: created.setPasswordLink?.expiresAt ?? null,
          })}\n`,
        );
      } else ctx.io.out(formatCreated(created));
    });
}
