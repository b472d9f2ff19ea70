// The exportable reports of the portal's tables: clients, upcoming renewals, shared-sales
// deals and commission accruals. Each reads through the service its screen uses, so a
// file holds what the screen shows, every row instead of a page.
import type { Queryable } from '../../db/client.ts';
import { clientListQuery } from '../clients/schemas.ts';
import { listClients } from '../clients/service.ts';
import { getCommission } from '../commission/service.ts';
import { SALES_CATEGORIES, type SalesCategory } from '../deals/repository.ts';
import { getSharedSalesItems } from '../deals/service.ts';
import { allPartnerIds } from '../points/repository.ts';
import { renewalListQuery } from '../renewals/schemas.ts';
import { listRenewals } from '../renewals/service.ts';
import type { ReportDefinition, ReportParams } from './report-types.ts';
import type { ExportColumn } from './writer.ts';

const ALL = { page: 1, pageSize: Number.MAX_SAFE_INTEGER };

/** The partner asked for, or every partner one after another. */
async function* eachPartner<Row>(
  db: Queryable,
  params: ReportParams,
  rowsOf: (partnerId: string) => Promise<Row[]>,
): AsyncIterable<Row & { partnerId: string }> {
  const partners = params.partnerId === null ? await allPartnerIds(db) : [params.partnerId];
  for (const partnerId of partners) for (const row of await rowsOf(partnerId)) yield { ...row, partnerId };
}

interface Money {
  amount: number;
  currency: string;
}
const moneyColumns = <Row>(name: string, of: (r: Row) => Money | null): ExportColumn<Row>[] => [
  { header: name, type: 'number', value: (r) => of(r)?.amount },
  { header: `${name}_currency`, value: (r) => of(r)?.currency },
];

// ---- clients ------------------------------------------------------------------------------

type ClientRow = Awaited<ReturnType<typeof listClients>>['items'][number] & { partnerId: string };

export const clientsReport: ReportDefinition<ClientRow> = {
  metrics: [],
  uses: 'day',
  operatorOnly: false,
  // The clients table's search and relationship filter.
  filters: ['q', 'relationship'],
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'client_id', value: (r) => r.clientId },
    { header: 'client_name', value: (r) => r.name },
    { header: 'relationship', value: (r) => r.relationship },
    { header: 'country', value: (r) => r.country },
    ...moneyColumns<ClientRow>('mrr', (r) => r.mrr),
    ...moneyColumns<ClientRow>('mrr_base', (r) => r.mrrBase),
    { header: 'managers', type: 'number', value: (r) => r.managers },
    { header: 'sourced_points', type: 'number', value: (r) => r.points.sourced },
    { header: 'assisted_points', type: 'number', value: (r) => r.points.assisted },
    { header: 'sold_points', type: 'number', value: (r) => r.points.sold },
    { header: 'managed_points', type: 'number', value: (r) => r.points.managed },
    { header: 'total_points', type: 'number', value: (r) => r.points.total },
    { header: 'products', value: (r) => r.products.join(' ') },
  ],
  rows: (db, params) =>
    eachPartner(db, params, async (partnerId) => {
      const query = {
        ...clientListQuery.parse({ on: params.on }),
        ...ALL,
        q: params.q ?? undefined,
        relationship: params.relationship ?? undefined,
      };
      return (await listClients(db, partnerId, params.on, query)).items;
    }),
};

// ---- renewals -----------------------------------------------------------------------------

type RenewalRow = Awaited<ReturnType<typeof listRenewals>>['items'][number] & { partnerId: string };

export const renewalsReport: ReportDefinition<RenewalRow> = {
  metrics: [],
  uses: 'day',
  operatorOnly: false,
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'client_id', value: (r) => r.clientId },
    { header: 'client_name', value: (r) => r.clientName },
    { header: 'product', value: (r) => r.product },
    { header: 'renewal_date', type: 'date', value: (r) => r.renewalDate },
    { header: 'status', value: (r) => r.status },
    { header: 'days_to_renewal', type: 'number', value: (r) => r.daysToRenewal },
    { header: 'decision_deadline', type: 'date', value: (r) => r.decisionDeadline },
    ...moneyColumns<RenewalRow>('current_mrr', (r) => r.currentMrr),
    ...moneyColumns<RenewalRow>('mrr_change', (r) => r.mrrChange),
    { header: 'renewal_manager', value: (r) => r.renewalManager },
    { header: 'communication_owner', value: (r) => r.communicationOwner },
    { header: 'last_active_user', value: (r) => r.lastActiveUser },
    { header: 'last_active_on', type: 'date', value: (r) => r.lastActiveOn },
  ],
  rows: (db, params) =>
    eachPartner(db, params, async (partnerId) => {
      const query = { ...renewalListQuery.parse({ on: params.on }), ...ALL };
      return (await listRenewals(db, partnerId, params.on, query)).items;
    }),
};

// ---- deals (shared sales) -------------------------------------------------------------------

/** Shared-sales figures as the command line names them. */
const DEAL_METRICS: Record<string, SalesCategory> = Object.fromEntries(
  SALES_CATEGORIES.map((c) => [c.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`), c]),
);

type DealRow = Awaited<ReturnType<typeof getSharedSalesItems>>['items'][number] & {
  partnerId: string;
  metric: string;
};

export const dealsReport: ReportDefinition<DealRow> = {
  metrics: Object.keys(DEAL_METRICS),
  uses: 'range',
  operatorOnly: false,
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'deal_id', value: (r) => r.dealId },
    { header: 'deal_name', value: (r) => r.name },
    { header: 'client_id', value: (r) => r.clientId },
    { header: 'client_name', value: (r) => r.clientName },
    { header: 'deal_type', value: (r) => r.type },
    { header: 'stage', value: (r) => r.stage },
    { header: 'created_on', type: 'date', value: (r) => r.createdOn },
    { header: 'closed_on', type: 'date', value: (r) => r.closedOn },
    ...moneyColumns<DealRow>('amount', (r) => r.amount),
    ...moneyColumns<DealRow>('amount_base', (r) => r.amountBase),
    { header: 'products', value: (r) => r.products.join(' ') },
    { header: 'metric', value: (r) => r.metric },
    // The registration behind a row of the registered metric (empty for a deal).
    { header: 'registration_id', value: (r) => r.registration?.id ?? null },
    { header: 'registration_status', value: (r) => r.registration?.status ?? null },
    { header: 'expected_close_date', type: 'date', value: (r) => r.registration?.expectedCloseDate ?? null },
  ],
  rows: (db, params) => {
    const metrics = params.metric ? params.metric.split(',') : Object.keys(DEAL_METRICS);
    const range = { from: params.from, to: params.to };
    return eachPartner(db, params, async (partnerId) => {
      const out: Omit<DealRow, 'partnerId'>[] = [];
      for (const metric of metrics) {
        const { items } = await getSharedSalesItems(db, partnerId, range, DEAL_METRICS[metric]!, ALL);
        for (const item of items) out.push({ ...item, metric });
      }
      return out;
    });
  },
};

// ---- commission ---------------------------------------------------------------------------

interface AccrualRow {
  partnerId: string;
  quarter: string;
  payoutDate: string;
  payoutStatus: string;
  dealId: string;
  clientId: string;
  clientName: string;
  date: string;
  backing: Money;
  amount: Money;
  amountBase: Money;
}

/** The commission view's status filter: the accruals of the payouts paid, or of the estimates. */
const COMMISSION_STATUSES = ['paid', 'upcoming'] as const;

export const commissionReport: ReportDefinition<AccrualRow> = {
  metrics: COMMISSION_STATUSES,
  uses: 'day',
  operatorOnly: false,
  // The commission view's client filter.
  filters: ['client'],
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'deal_id', value: (r) => r.dealId },
    { header: 'client_id', value: (r) => r.clientId },
    { header: 'client_name', value: (r) => r.clientName },
    { header: 'month_of_service', type: 'date', value: (r) => r.date },
    ...moneyColumns<AccrualRow>('backing', (r) => r.backing),
    ...moneyColumns<AccrualRow>('amount', (r) => r.amount),
    ...moneyColumns<AccrualRow>('amount_base', (r) => r.amountBase),
    { header: 'quarter', value: (r) => r.quarter },
    { header: 'payout_date', type: 'date', value: (r) => r.payoutDate },
    { header: 'payout_status', value: (r) => r.payoutStatus },
  ],
  rows: (db, params) =>
    eachPartner(db, params, async (partnerId) => {
      // One status of the two is that status's payouts; both (or none named) is all of them.
      const statuses = params.metric?.split(',') ?? [];
      const commission = await getCommission(db, partnerId, {
        on: params.on,
        accruals: true,
        status: statuses.length === 1 ? (statuses[0] as (typeof COMMISSION_STATUSES)[number]) : undefined,
        client: params.client ?? undefined,
      });
      const names = new Map(commission.deals?.map((d) => [d.clientId, d.clientName]));
      return [...commission.past.slice().reverse(), ...commission.upcoming].flatMap((p) =>
        (p.accruals ?? []).map((a) => ({
          quarter: p.quarter,
          payoutDate: p.payoutDate,
          payoutStatus: p.status,
          ...a,
          clientName: names.get(a.clientId) ?? '',
        })),
      );
    }),
};
