// Demo deal registrations (issue 14): each demo partner holds registrations in every status
// it can (submitted, approved with an extension asked, rejected with a reason, expired, and
// won and lost on the partner's own closed deals of the demo data, so a won one shows the
// sold points the deal earned). Companies with their own .example domains: they match no
// demo client, and no other partner's registration, so the demo's conflict checks stay clean.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { rows } from '../../db/client.ts';
import type { RegistrationStatus } from '../../db/schema-registrations.ts';
import { addDays } from '../../domain/dates.ts';
import { companyNameKey } from '../../domain/matching.ts';
import { domainOf } from '../deal-registrations/conflicts.ts';
import { insertRegistration, type NewRegistration } from '../deal-registrations/repository.ts';

interface Sample {
  status: RegistrationStatus;
  name: string;
  /** Days from today: when it was submitted, and when its protection ends. */
  submitted: number;
  protectionEnds: number;
  mrr: string;
  products: string[];
  extension?: { status: 'requested' | 'granted' | 'refused'; reason: string };
  rejectionReason?: string;
  /** The partner's closed deal it was settled by. */
  deal?: 'closed_won' | 'closed_lost';
}

const SAMPLES: readonly Sample[] = [
  {
    status: 'submitted',
    name: 'Fjordline Logistics AB',
    submitted: -2,
    protectionEnds: 88,
    mrr: '1450',
    products: ['Marketing Hub'],
  },
  {
    status: 'approved',
    name: 'Brightwater Dental B.V.',
    submitted: -40,
    protectionEnds: 50,
    mrr: '820.5',
    products: ['Sales Hub'],
  },
  {
    status: 'approved',
    name: 'Kestrel Outdoor GmbH',
    submitted: -80,
    protectionEnds: 10,
    mrr: '2300',
    products: ['Marketing Hub', 'Service Hub'],
    extension: { status: 'requested', reason: 'Their board meets next month to sign.' },
  },
  {
    status: 'rejected',
    name: 'Polaris Fintech Ltd',
    submitted: -30,
    protectionEnds: 60,
    mrr: '3100',
    products: ['Sales Hub'],
    rejectionReason: 'The vendor’s own sales team has been working with this company since spring.',
  },
  {
    status: 'expired',
    name: 'Marigold Bakeries Oy',
    submitted: -120,
    protectionEnds: -30,
    mrr: '540',
    products: ['Marketing Hub'],
  },
  {
    status: 'won',
    name: 'Harbour & Reed Legal LLP',
    submitted: -100,
    protectionEnds: -10,
    mrr: '1900',
    products: ['Service Hub'],
    deal: 'closed_won',
  },
  {
    status: 'lost',
    name: 'Tundra Games AS',
    submitted: -90,
    protectionEnds: 0,
    mrr: '760',
    products: ['Marketing Hub'],
    deal: 'closed_lost',
  },
];

const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const slug = (name: string) => companyNameKey(name).replace(/[^a-z0-9]+/g, '-');

/** The partner's latest closed deal of a stage with its client, for a won or lost registration. */
async function closedDeal(deps: Pick<AppDeps, 'db'>, partnerId: string, stage: string) {
  const found = await rows<{
    dealId: string;
    clientId: string;
    name: string;
    domain: string | null;
    closedOn: string | null;
  }>(
    deps.db,
    sql`select d.deal_id as "dealId", d.client_id as "clientId", c.name, c.domain,
               d.closed_on::text as "closedOn"
        from deals d join clients c on c.client_id = d.client_id
        where d.partner_id = ${partnerId} and d.stage = ${stage} and d.closed_on is not null
        order by d.closed_on desc, d.deal_id collate "C" limit 1`,
  );
  return found[0];
}

/** Adds the demo registrations of the partners (the demo accounts' partners). */
export async function seedDemoRegistrations(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerIds: readonly string[],
): Promise<void> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  for (const [n, partnerId] of partnerIds.entries()) {
    for (const sample of SAMPLES) {
      const deal = sample.deal ? await closedDeal(deps, partnerId, sample.deal) : undefined;
      // A partner without a closed deal of the stage has no registration it settled.
      if (sample.deal && !deal) continue;
      // Each partner its own companies: "Fjordline Logistics AB" of the second is "Fjordline Logistics 2 AB".
      const name = deal?.name ?? (n === 0 ? sample.name : sample.name.replace(/ (\S+)$/, ` ${n + 1} $1`));
      // A settled one was registered a month before its deal closed, and protected past it.
      const closed = deal?.closedOn ? daysFrom(today, deal.closedOn) : undefined;
      const submitted = closed === undefined ? sample.submitted : closed - 30;
      const protectionEnds = closed === undefined ? sample.protectionEnds : closed + 60;
      const row: NewRegistration = {
        id: randomUUID(),
        partnerId,
        clientId: deal?.clientId ?? null,
        clientName: name,
        domain: deal ? domainOf(deal.domain) : `${slug(name)}.example`,
        nameKey: companyNameKey(name),
        country: 'SE',
        currency: 'USD',
        products: sample.products,
        expectedMrr: sample.mrr,
        expectedCloseDate: addDays(
          today,
          closed ?? (protectionEnds > 0 ? protectionEnds - 5 : protectionEnds - 10),
        ),
        dealType: 'sourced',
        notes: null,
        status: sample.status,
        rejectionReason: sample.rejectionReason ?? null,
        submittedBy: null,
        submittedAt: at(submitted),
        decidedBy: null,
        decidedAt: sample.status === 'submitted' ? null : at(submitted + 1),
        protectionEndsOn: addDays(today, protectionEnds),
        extensionStatus: sample.extension?.status ?? null,
        extensionReason: sample.extension?.reason ?? null,
        dealId: deal?.dealId ?? null,
        createdAt: at(submitted),
        updatedAt: at(Math.min(0, closed ?? protectionEnds)),
      };
      await insertRegistration(deps.db, row);
    }
  }
}
