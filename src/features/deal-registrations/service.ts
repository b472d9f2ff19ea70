// Use cases of deal registrations (issue 14). A partner's users (and operators) check, register,
// list, read and ask to extend; operators see the queue with the conflict evidence, approve or
// reject, grant or refuse extensions. Another partner's registration answers 404 like one that
// does not exist; a conflict answers 409 registration_conflict without saying with whom. Every
// write, its audit record and its webhook event commit in one transaction; protection windows
// that ended are swept first (./lifecycle.ts), so every answer shows the statuses of today.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../core/app.ts';
import { AppError, type FieldIssue, validationError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import { isCountryCode } from '../../domain/iso.ts';
import { companyNameKey, normaliseDomain } from '../../domain/matching.ts';
import { ruleSetOn } from '../../domain/program.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { currentProgram } from '../portal/program.ts';
import { enqueueEvents } from '../webhooks/events.ts';
import {
  type Candidates,
  clientCandidates,
  domainOf,
  findMatches,
  loadCandidates,
  type Subject,
} from './conflicts.ts';
import { toRegistration } from './json.ts';
import { expireDue, type RegistrationChange, registrationEvent } from './lifecycle.ts';
import * as repo from './repository.ts';
import type { CreateBody, QueueItem, Registration, RegistrationFilter } from './schemas.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export function registrationNotFound(): AppError {
  return new AppError('not_found', 'No such deal registration');
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
/** Runs `work` in a transaction after the day's expiry sweep. */
async function today<T>(deps: Deps, work: (tx: Queryable, on: IsoDate, now: Date) => Promise<T>): Promise<T> {
  const on = deps.clock.today();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await expireDue(tx, { today: on, now });
    return work(tx, on, now);
  });
}

interface SubjectInput {
  clientName: string;
  domain?: string | undefined;
  clientId?: string | undefined;
}

/** The company as it is matched; its problems are added to `issues`. */
async function subjectOf(
  db: Queryable,
  partnerId: string,
  input: SubjectInput,
  issues: FieldIssue[],
): Promise<Subject & { client?: { country: string; currency: string } }> {
  let domain: string | null = null;
  let client: Awaited<ReturnType<typeof repo.partnerClient>>;
  if (input.clientId !== undefined) {
    client = await repo.partnerClient(db, partnerId, input.clientId);
    if (!client)
      issues.push({ in: 'body', path: 'clientId', message: "must be one of the partner's clients" });
  }
  if (input.domain !== undefined && input.domain.trim() !== '') {
    const r = normaliseDomain(input.domain);
    if (r.ok) domain = r.domain;
    else issues.push({ in: 'body', path: 'domain', message: `must be ${r.reason}` });
  } else if (client) {
    domain = domainOf(client.domain);
  } else if (input.clientId === undefined) {
    issues.push({
      in: 'body',
      path: 'domain',
      message: "the company's domain, or clientId of an existing client",
    });
  }
  const nameKey = companyNameKey(input.clientName);
  if (nameKey === '')
    issues.push({ in: 'body', path: 'clientName', message: 'a company name with letters or digits' });
  return {
    partnerId,
    domain,
    nameKey,
    clientId: input.clientId ?? null,
    ...(client ? { client: { country: client.country, currency: client.currency } } : {}),
  };
}

function refuse(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  throw validationError(
    issues,
    `The registration is not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
  );
}

/** The as-you-type check: whether it conflicts (never with whom) or duplicates the partner's own. */
export async function checkRegistration(deps: Deps, partnerId: string, input: SubjectInput) {
  return today(deps, async (tx, on) => {
    const issues: FieldIssue[] = [];
    const subject = await subjectOf(tx, partnerId, input, issues);
    refuse(issues);
    const program = await currentProgram(tx);
    const matches = findMatches(subject, await loadCandidates(tx, partnerId, on), {
      threshold: program.dealRegistration.nameSimilarity,
      withEvidence: false,
    });
    return {
      conflict: matches.conflicts.length > 0,
      duplicate: matches.duplicates.length > 0,
      domain: subject.domain,
    };
  });
}

const MRR = /^\d{1,16}(\.\d{1,4})?$/;

export async function createRegistration(
  deps: Deps,
  partnerId: string,
  body: CreateBody,
  actor: Actor,
): Promise<Registration> {
  const id = randomUUID();
  await today(deps, async (tx, on, now) => {
    await repo.lockRegistrationWrites(tx);
    const program = await currentProgram(tx);
    const issues: FieldIssue[] = [];
    const subject = await subjectOf(tx, partnerId, body, issues);
    const country = body.country.trim().toUpperCase();
    if (!isCountryCode(country))
      issues.push({
        in: 'body',
        path: 'country',
        message: 'must be an ISO 3166-1 alpha-2 country code, e.g. SE',
      });
    const currency = body.currency.trim().toUpperCase();
    const table = ruleSetOn(program, on).currencyPer100;
    if (table[currency] === undefined)
      issues.push({
        in: 'body',
        path: 'currency',
        message: `must be one of the program's currencies: ${Object.keys(table).sort().join(', ')}`,
      });
    const mrr = String(body.expectedMrr).trim();
    if (mrr.startsWith('-'))
      issues.push({ in: 'body', path: 'expectedMrr', message: 'must not be negative' });
    else if (!MRR.test(mrr))
      issues.push({
        in: 'body',
        path: 'expectedMrr',
        message: 'must be a decimal number such as 1250.50 (at most 4 decimals)',
      });
    if (body.expectedCloseDate < on)
      issues.push({ in: 'body', path: 'expectedCloseDate', message: `must be today (${on}) or later` });
    refuse(issues);

    const matches = findMatches(subject, await loadCandidates(tx, partnerId, on), {
      threshold: program.dealRegistration.nameSimilarity,
      withEvidence: false,
    });
    if (matches.duplicates.length > 0)
      throw new AppError(
        'registration_duplicate',
        'You already have an active registration of this company',
        {
          details: { registrationIds: matches.duplicates },
        },
      );
    if (matches.conflicts.length > 0)
      throw new AppError(
        'registration_conflict',
        'This company is already a client or a protected registration of another partner; your partner manager can help',
      );

    const protectionEndsOn = addDays(on, program.dealRegistration.protectionDays);
    const row: repo.NewRegistration = {
      id,
      partnerId,
      clientId: subject.clientId,
      clientName: body.clientName,
      domain: subject.domain,
      nameKey: subject.nameKey,
      country,
      currency,
      products: [...new Set(body.products)],
      expectedMrr: mrr,
      expectedCloseDate: body.expectedCloseDate,
      dealType: body.dealType,
      notes: body.notes && body.notes !== '' ? body.notes : null,
      status: 'submitted',
      submittedBy: userOf(actor),
      submittedAt: now,
      protectionEndsOn,
      dealId: body.dealId ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertRegistration(tx, row);
    const { createdAt: _c, updatedAt: _u, submittedAt: _s, ...after } = row;
    await audit(tx, actor, now, 'created', { id, partnerId }, undefined, after);
    await enqueueEvents(
      tx,
      [
        registrationEvent(
          { ...row, protectionEndsOn, extensionStatus: null, dealId: row.dealId ?? null },
          'created',
          null,
          now,
        ),
      ],
      now,
    );
  });
  return toRegistration((await repo.findRegistration(deps.db, id))!);
}

const ACTIONS = {
  created: 'deal_registration.create',
  approved: 'deal_registration.approve',
  rejected: 'deal_registration.reject',
  extension_requested: 'deal_registration.extension_request',
  extension_granted: 'deal_registration.extension_grant',
  extension_refused: 'deal_registration.extension_refuse',
} as const;

async function audit(
  tx: Queryable,
  actor: Actor,
  at: Date,
  change: keyof typeof ACTIONS,
  r: { id: string; partnerId: string },
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, {
    actor,
    at,
    action: ACTIONS[change],
    entity: 'deal_registration',
    entityId: r.id,
    partnerId: r.partnerId,
    ...(before === undefined ? {} : { before }),
    after,
  });
}

export async function listRegistrations(deps: Deps, partnerId: string, filter: RegistrationFilter = {}) {
  return today(deps, async (tx) => ({
    registrations: (await repo.findRegistrations(tx, { ...filter, partnerId })).map(toRegistration),
  }));
}

export async function getRegistration(deps: Deps, partnerId: string, id: string): Promise<Registration> {
  return today(deps, async (tx) => {
    const row = await repo.findRegistration(tx, id, partnerId);
    if (!row) throw registrationNotFound();
    return toRegistration(row);
  });
}

function wrongState(message: string): AppError {
  return new AppError('conflict', message);
}

/** One change of one registration, locked, audited and announced; the new row is returned. */
async function change(
  deps: Deps,
  options: { id: string; partnerId?: string; actor: Actor },
  decide: (
    row: repo.RegistrationRow,
    tx: Queryable,
  ) => Promise<{
    change: RegistrationChange & keyof typeof ACTIONS;
    set: Partial<repo.NewRegistration>;
    /** Recorded in the audit entry beside the fields changed. */
    note?: Record<string, unknown>;
  }>,
): Promise<Registration> {
  await today(deps, async (tx, _on, now) => {
    if (!(await repo.lockRegistration(tx, options.id, options.partnerId))) throw registrationNotFound();
    const before = (await repo.findRegistration(tx, options.id))!;
    const { change, set, note } = await decide(before, tx);
    await repo.updateRegistration(tx, options.id, { ...set, updatedAt: now });
    const after = (await repo.findRegistration(tx, options.id))!;
    const pick = (r: repo.RegistrationRow) =>
      Object.fromEntries(Object.keys(set).map((k) => [k, r[k as keyof repo.RegistrationRow]]));
    await audit(tx, options.actor, now, change, after, pick(before), { ...pick(after), ...note });
    await enqueueEvents(tx, [registrationEvent(after, change, before.status, now)], now);
  });
  return toRegistration((await repo.findRegistration(deps.db, options.id))!);
}

/** The partner asks to extend an approved registration's protection, once, before it ends. */
export function requestExtension(deps: Deps, partnerId: string, id: string, reason: string, actor: Actor) {
  return change(deps, { id, partnerId, actor }, async (row) => {
    if (row.status !== 'approved')
      throw wrongState(`Only an approved registration can be extended (this one is ${row.status})`);
    if (row.extensionStatus !== null)
      throw wrongState(`An extension was already ${row.extensionStatus} for this registration`);
    return { change: 'extension_requested', set: { extensionStatus: 'requested', extensionReason: reason } };
  });
}

export function decideRegistration(
  deps: Deps,
  id: string,
  decision: { decision: 'approve' | 'reject'; reason?: string | undefined },
  actor: Actor,
) {
  return change(deps, { id, actor }, async (row) => {
    if (row.status !== 'submitted') throw wrongState(`The registration was already decided (${row.status})`);
    const decided = { decidedBy: userOf(actor), decidedAt: deps.clock.now() };
    if (decision.decision === 'approve')
      return { change: 'approved', set: { status: 'approved', ...decided } };
    if (!decision.reason)
      throw validationError(
        [{ in: 'body', path: 'reason', message: 'a reason, to reject' }],
        'A rejection needs a reason',
      );
    return { change: 'rejected', set: { status: 'rejected', rejectionReason: decision.reason, ...decided } };
  });
}

export function decideExtension(
  deps: Deps,
  id: string,
  decision: { grant: boolean; reason?: string | undefined },
  actor: Actor,
) {
  return change(deps, { id, actor }, async (row, tx) => {
    if (row.extensionStatus !== 'requested' || row.status !== 'approved')
      throw wrongState('No extension of an approved registration is waiting for a decision');
    const note = decision.reason ? { decisionReason: decision.reason } : {};
    if (!decision.grant) return { change: 'extension_refused', set: { extensionStatus: 'refused' }, note };
    const program = await currentProgram(tx);
    return {
      change: 'extension_granted',
      set: {
        extensionStatus: 'granted',
        protectionEndsOn: addDays(row.protectionEndsOn, program.dealRegistration.extensionDays),
      },
      note,
    };
  });
}

/** The operator's queue: every registration (of a status), with what it matches today. */
export async function registrationQueue(
  deps: Deps,
  filter: RegistrationFilter = {},
): Promise<{ registrations: QueueItem[]; partnerNames: Record<string, string> }> {
  return today(deps, async (tx, on) => {
    const found = await repo.findRegistrations(tx, filter);
    const program = await currentProgram(tx);
    const active = await repo.activeRegistrations(tx, on);
    const byPartner = new Map<string, Candidates['clients']>();
    const registrations: QueueItem[] = [];
    for (const r of found) {
      let clients = byPartner.get(r.partnerId);
      if (!clients) byPartner.set(r.partnerId, (clients = await clientCandidates(tx, r.partnerId, on)));
      const matches = findMatches(
        {
          partnerId: r.partnerId,
          domain: r.domain,
          nameKey: r.nameKey,
          clientId: r.clientId,
          registrationId: r.id,
        },
        { clients, registrations: active.filter((a) => a.partnerId !== r.partnerId) },
        { threshold: program.dealRegistration.nameSimilarity, withEvidence: true },
      );
      registrations.push({
        ...toRegistration(r),
        partnerName: r.partnerName,
        decidedBy: r.decidedBy === null ? null : { userId: r.decidedBy, email: r.decidedByEmail },
        conflicts: matches.conflicts,
      });
    }
    const named = new Set(registrations.flatMap((r) => r.conflicts.flatMap((c) => c.partnerIds)));
    return { registrations, partnerNames: await repo.partnerNames(tx, [...named].sort()) };
  });
}
