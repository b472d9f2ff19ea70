// SQL of saved reports and dashboard cards. Partner id first for reports (another partner's
// report id reads as one that does not exist); user id first for cards.
import { and, asc, eq, max } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { dashboardCards, savedReports, users } from '../../db/schema.ts';

export interface ReportRow {
  id: string;
  partnerId: string;
  name: string;
  definition: unknown;
  ownerId: string | null;
  ownerEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const columns = {
  id: savedReports.id,
  partnerId: savedReports.partnerId,
  name: savedReports.name,
  definition: savedReports.definition,
  ownerId: savedReports.ownerId,
  ownerEmail: users.email,
  createdAt: savedReports.createdAt,
  updatedAt: savedReports.updatedAt,
};

const ofPartner = (partnerId: string, reportId: string) =>
  and(eq(savedReports.partnerId, partnerId), eq(savedReports.id, reportId));

export async function listReports(db: Queryable, partnerId: string): Promise<ReportRow[]> {
  return db
    .select(columns)
    .from(savedReports)
    .leftJoin(users, eq(users.id, savedReports.ownerId))
    .where(eq(savedReports.partnerId, partnerId))
    .orderBy(asc(savedReports.name), asc(savedReports.id));
}

export async function findReport(
  db: Queryable,
  partnerId: string,
  reportId: string,
): Promise<ReportRow | null> {
  const found = await db
    .select(columns)
    .from(savedReports)
    .leftJoin(users, eq(users.id, savedReports.ownerId))
    .where(ofPartner(partnerId, reportId));
  return found[0] ?? null;
}

export async function insertReport(
  db: Queryable,
  row: { id: string; partnerId: string; name: string; definition: unknown; ownerId: string | null; at: Date },
): Promise<void> {
  await db.insert(savedReports).values({
    id: row.id,
    partnerId: row.partnerId,
    name: row.name,
    definition: row.definition,
    ownerId: row.ownerId,
    createdAt: row.at,
    updatedAt: row.at,
  });
}

export async function updateReport(
  db: Queryable,
  partnerId: string,
  reportId: string,
  change: { name?: string; definition?: unknown; at: Date },
): Promise<void> {
  const { at, ...fields } = change;
  await db
    .update(savedReports)
    .set({ ...fields, updatedAt: at })
    .where(ofPartner(partnerId, reportId));
}

/** Deletes the report; the cards that show it go with it (on delete cascade). */
export async function deleteReport(db: Queryable, partnerId: string, reportId: string): Promise<void> {
  await db.delete(savedReports).where(ofPartner(partnerId, reportId));
}

export interface CardRow {
  id: string;
  position: number;
  report: ReportRow;
}

export async function userCards(db: Queryable, userId: string): Promise<CardRow[]> {
  const found = await db
    .select({ id: dashboardCards.id, position: dashboardCards.position, report: columns })
    .from(dashboardCards)
    .innerJoin(savedReports, eq(savedReports.id, dashboardCards.reportId))
    .leftJoin(users, eq(users.id, savedReports.ownerId))
    .where(eq(dashboardCards.userId, userId))
    .orderBy(asc(dashboardCards.position), asc(dashboardCards.createdAt));
  return found;
}

/** Pins the report last on the user's dashboard; false when it is pinned already. */
export async function insertCard(
  db: Queryable,
  card: { id: string; userId: string; reportId: string; at: Date },
): Promise<boolean> {
  const [last] = await db
    .select({ position: max(dashboardCards.position) })
    .from(dashboardCards)
    .where(eq(dashboardCards.userId, card.userId));
  const inserted = await db
    .insert(dashboardCards)
    .values({ ...card, position: (last?.position ?? -1) + 1, createdAt: card.at })
    .onConflictDoNothing()
    .returning({ id: dashboardCards.id });
  return inserted.length > 0;
}

export async function deleteCard(db: Queryable, userId: string, cardId: string): Promise<boolean> {
  const deleted = await db
    .delete(dashboardCards)
    .where(and(eq(dashboardCards.userId, userId), eq(dashboardCards.id, cardId)))
    .returning({ id: dashboardCards.id });
  return deleted.length > 0;
}

export async function setCardPosition(db: Queryable, userId: string, cardId: string, position: number) {
  await db
    .update(dashboardCards)
    .set({ position })
    .where(and(eq(dashboardCards.userId, userId), eq(dashboardCards.id, cardId)));
}

/** A report by id whatever its partner (an operator's card). */
export async function findReportById(db: Queryable, reportId: string): Promise<ReportRow | null> {
  const found = await db
    .select(columns)
    .from(savedReports)
    .leftJoin(users, eq(users.id, savedReports.ownerId))
    .where(eq(savedReports.id, reportId));
  return found[0] ?? null;
}
