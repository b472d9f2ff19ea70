// A user's dashboard cards ("Save & add to dashboard"): saved reports pinned in an order,
// each read with its live figure. A partner's user pins its partner's reports; an operator
// any partner's. Cards are the user's own view, not shared and not audited.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../core/app.ts';
import { AppError, validationError } from '../../core/errors.ts';
import type { Principal } from '../auth/access.ts';
import * as repo from './repository.ts';
import { figureOf, reportNotFound, view } from './service.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type User = Extract<Principal, { kind: 'user' }>['user'];

export async function listCards(deps: Deps, user: User) {
  const today = deps.clock.today();
  const cards = await repo.userCards(deps.db, user.id);
  return {
    cards: await Promise.all(
      cards.map(async (c) => {
        const report = view(c.report);
        return {
          id: c.id,
          position: c.position,
          report: { ...report, figure: await figureOf(deps.db, report.definition, report.partnerId, today) },
        };
      }),
    ),
  };
}

export async function addCard(deps: Deps, user: User, reportId: string) {
  const report = await repo.findReportById(deps.db, reportId);
  if (!report || (user.role !== 'operator' && report.partnerId !== user.partnerId)) throw reportNotFound();
  const added = await repo.insertCard(deps.db, {
    id: randomUUID(),
    userId: user.id,
    reportId,
    at: deps.clock.now(),
  });
  if (!added) throw new AppError('conflict', 'This report is on your dashboard already');
  return listCards(deps, user);
}

export async function removeCard(deps: Deps, user: User, cardId: string): Promise<void> {
  if (!(await repo.deleteCard(deps.db, user.id, cardId))) throw new AppError('not_found', 'No such card');
}

/** Puts the user's cards in the given order; the ids must be exactly the user's cards. */
export async function orderCards(deps: Deps, user: User, cardIds: readonly string[]) {
  await deps.db.transaction(async (tx) => {
    const mine = (await repo.userCards(tx, user.id)).map((c) => c.id);
    const given = new Set(cardIds);
    if (given.size !== cardIds.length || mine.length !== cardIds.length || mine.some((id) => !given.has(id)))
      throw validationError(
        [{ in: 'body', path: 'cardIds', message: `every card of yours once each (${mine.length} cards)` }],
        'The order does not name your cards',
      );
    for (const [position, id] of cardIds.entries()) await repo.setCardPosition(tx, user.id, id, position);
  });
  return listCards(deps, user);
}
