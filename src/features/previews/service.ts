// Preview features: operators define them with their terms; a user opts in (accepting the
// terms) or out; a partner admin opts in every user of the partner, present and future.
// Every write is audited in the transaction that makes it.

import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { SessionUser } from '../auth/access.ts';
import {
  countPartnerUsers,
  deleteOptin,
  findPreview,
  insertOptin,
  insertPreview,
  listPreviews,
  optinsFor,
  partnerOptin,
  partnerOptinState,
  userOptin,
} from './repository.ts';

function notFound(): AppError {
  return new AppError('not_found', 'No such preview');
}

async function requirePreview(db: Queryable, id: string) {
  const found = await findPreview(db, id);
  if (!found) throw notFound();
  return found;
}

/** Every preview with the user's opt-in state (its own, or its partner's). */
export async function listMyPreviews(db: Queryable, user: SessionUser) {
  const [all, optins] = await Promise.all([listPreviews(db), optinsFor(db, user.id, user.partnerId)]);
  return {
    previews: all.map((p) => {
      const mine = optins.some((o) => o.previewId === p.id && o.scope === 'user');
      const partner = optins.some((o) => o.previewId === p.id && o.scope === 'partner');
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        terms: p.terms,
        createdAt: p.createdAt.toISOString(),
        optedIn: mine || partner,
        via: mine ? ('user' as const) : partner ? ('partner' as const) : null,
        userOptedIn: mine,
        partnerOptedIn: partner,
      };
    }),
  };
}

async function myPreview(db: Queryable, user: SessionUser, id: string) {
  const { previews } = await listMyPreviews(db, user);
  return previews.find((p) => p.id === id) ?? null;
}

export interface DefinePreview {
  id: string;
  name: string;
  description: string;
  terms: string;
}

export async function definePreview(deps: AppDeps, input: DefinePreview, user: SessionUser, actor: Actor) {
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const created = await insertPreview(tx, { ...input, createdBy: user.id, createdAt: at });
    if (!created) throw new AppError('conflict', `A preview with id ${input.id} exists already`);
    await recordAudit(tx, {
      actor,
      at,
      action: 'preview.create',
      entity: 'preview',
      entityId: input.id,
      after: input,
    });
    return { ...input, createdAt: created.createdAt.toISOString() };
  });
}

export async function optIn(deps: AppDeps, previewId: string, user: SessionUser, actor: Actor) {
  await deps.db.transaction(async (tx) => {
    await requirePreview(tx, previewId);
    if (await userOptin(tx, previewId, user.id)) return;
    const at = deps.clock.now();
    await insertOptin(tx, {
      previewId,
      scope: 'user',
      userId: user.id,
      optedInBy: user.id,
      acceptedTermsAt: at,
    });
    await recordAudit(tx, {
      actor,
      at,
      action: 'preview.opt_in',
      entity: 'preview',
      entityId: previewId,
      partnerId: user.partnerId,
      after: { scope: 'user', userId: user.id, acceptedTerms: true },
    });
  });
  return (await myPreview(deps.db, user, previewId))!;
}

export async function optOut(deps: AppDeps, previewId: string, user: SessionUser, actor: Actor) {
  await deps.db.transaction(async (tx) => {
    await requirePreview(tx, previewId);
    const existing = await userOptin(tx, previewId, user.id);
    if (!existing) return;
    await deleteOptin(tx, existing.id);
    await recordAudit(tx, {
      actor,
      at: deps.clock.now(),
      action: 'preview.opt_out',
      entity: 'preview',
      entityId: previewId,
      partnerId: user.partnerId,
      before: { scope: 'user', userId: user.id },
    });
  });
  return (await myPreview(deps.db, user, previewId))!;
}

async function partnerState(db: Queryable, previewId: string, partnerId: string) {
  const [optin, users] = await Promise.all([
    partnerOptin(db, previewId, partnerId),
    countPartnerUsers(db, partnerId),
  ]);
  return { previewId, partnerId, partnerOptedIn: optin !== undefined, users };
}

/** A partner admin (or an operator) opts in every user of the partner. */
export async function optInPartner(
  deps: AppDeps,
  options: { previewId: string; partnerId: string; user: SessionUser; actor: Actor },
) {
  const { previewId, partnerId } = options;
  await deps.db.transaction(async (tx) => {
    await requirePreview(tx, previewId);
    if (await partnerOptin(tx, previewId, partnerId)) return;
    const at = deps.clock.now();
    await insertOptin(tx, {
      previewId,
      scope: 'partner',
      partnerId,
      optedInBy: options.user.id,
      acceptedTermsAt: at,
    });
    await recordAudit(tx, {
      actor: options.actor,
      at,
      action: 'preview.opt_in_partner',
      entity: 'preview',
      entityId: previewId,
      partnerId,
      after: { scope: 'partner', partnerId, acceptedTerms: true },
    });
  });
  return partnerState(deps.db, previewId, partnerId);
}

export async function optOutPartner(
  deps: AppDeps,
  options: { previewId: string; partnerId: string; actor: Actor },
) {
  const { previewId, partnerId } = options;
  await deps.db.transaction(async (tx) => {
    await requirePreview(tx, previewId);
    const existing = await partnerOptin(tx, previewId, partnerId);
    if (!existing) return;
    await deleteOptin(tx, existing.id);
    await recordAudit(tx, {
      actor: options.actor,
      at: deps.clock.now(),
      action: 'preview.opt_out_partner',
      entity: 'preview',
      entityId: previewId,
      partnerId,
      before: { scope: 'partner', partnerId },
    });
  });
  return partnerState(deps.db, previewId, partnerId);
}

export async function partnerPreviews(db: Queryable, partnerId: string) {
  return { partnerId, previews: await partnerOptinState(db, partnerId) };
}
