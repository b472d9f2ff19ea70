// Demo data for the Tier page's forecast (issue 14), added after the demo accounts: the main
// demo partner (top-admin's) gets a requested cancellation of its biggest sold line before the
// next review day and two approved deal registrations closing before it, so the forecast's
// two lines differ. The partner is derived again (the cancellation is a fact the engine reads).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { rows, type Tx } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { addDays, type IsoDate, minDate } from '../../domain/dates.ts';
import { nextReviewDay } from '../../domain/forecast.ts';
import { companyNameKey } from '../../domain/matching.ts';
import { recomputePartners } from '../points/service.ts';
import { currentProgram } from '../portal/program.ts';

const MAIN_LOGIN = 'top-admin@demo.tierwise.test';

const REGISTRATIONS = [
  {
    clientName: 'Van Dijk Digital B.V.',
    domain: 'vandijkdigital.nl',
    country: 'NL',
    currency: 'EUR',
    mrr: '2400',
    inDays: 12,
    dealType: 'sourced',
    products: ['Marketing Hub'],
    notes: 'Marketing automation for their three brands; budget approved in November.',
  },
  {
    clientName: 'Harbour Lane Studios Ltd',
    domain: 'harbourlane.co.uk',
    country: 'GB',
    currency: 'GBP',
    mrr: '1500',
    inDays: 25,
    dealType: 'assisted',
    products: ['Sales Hub', 'Service Hub'],
    notes: 'Replacing their CRM; the vendor runs the demo, we run the onboarding.',
  },
] as const;

export async function addForecastDemo(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<void> {
  const today = deps.clock.today();
  const [main] = await rows<{ id: string; partnerId: string }>(
    deps.db,
    sql`select id::text as id, partner_id as "partnerId" from users where email = ${MAIN_LOGIN}`,
  );
  if (!main?.partnerId) return;
  const program = await currentProgram(deps.db);
  const reviewDay = nextReviewDay(program, today);
  if (!reviewDay || addDays(today, 1) > reviewDay) return;
  const partnerId = main.partnerId;
  await deps.db.transaction(async (tx: Tx) => {
    await requestCancellation(tx, partnerId, today, reviewDay);
    const now = deps.clock.now();
    const submitted = new Date(now.getTime() - 5 * 86_400_000);
    const decided = new Date(now.getTime() - 3 * 86_400_000);
    for (const r of REGISTRATIONS) {
      await tx.insert(s.dealRegistrations).values({
        id: randomUUID(),
        partnerId,
        clientName: r.clientName,
        domain: r.domain,
        nameKey: companyNameKey(r.clientName),
        country: r.country,
        currency: r.currency,
        products: [...r.products],
        expectedMrr: r.mrr,
        expectedCloseDate: minDate(addDays(today, r.inDays), reviewDay),
        dealType: r.dealType,
        notes: r.notes,
        status: 'approved',
        submittedBy: main.id,
        submittedAt: submitted,
        decidedAt: decided,
        protectionEndsOn: addDays(addDays(today, -5), program.dealRegistration.protectionDays),
        createdAt: submitted,
        updatedAt: decided,
      });
    }
    await recomputePartners(tx, { program, partnerIds: [partnerId], asOf: today });
  });
}

/** The partner's sold line with the most points still active on the review day: cancellation requested. */
async function requestCancellation(tx: Tx, partnerId: string, today: IsoDate, reviewDay: IsoDate) {
  const [line] = await rows<{ clientId: string; product: string; mrr: string | null }>(
    tx,
    sql`select e.client_id as "clientId", e.product,
               (select mrr_after::text from mrr_changes m
                 where m.client_id = e.client_id and m.product = e.product and m.date <= ${today}
                 order by m.date desc, m.change_id collate "C" desc limit 1) as mrr
        from sold_entries e
        where e.partner_id = ${partnerId} and e.earned_on <= ${today} and e.expires_on > ${reviewDay}
        group by e.client_id, e.product
        order by sum(e.remaining_points) desc, e.client_id, e.product limit 1`,
  );
  if (!line) return;
  // Its renewal before the review day (the demo's own, if any, makes way for this one).
  await tx.execute(
    sql`delete from renewals where client_id = ${line.clientId} and product = ${line.product}
        and renewal_date > ${today} and renewal_date <= ${reviewDay}`,
  );
  await tx.insert(s.renewals).values({
    clientId: line.clientId,
    product: line.product,
    renewalDate: minDate(addDays(today, 20), reviewDay),
    status: 'cancellation_requested',
    projectedMrrChange: line.mrr === null ? null : `-${line.mrr}`,
    renewalManager: 'Sam Renewal',
    communicationOwner: 'Partner',
  });
}
