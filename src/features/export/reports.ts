// The exportable reports: one definition per report (its columns, its metrics, its rows),
// used by `tierwise export`, the HTTP export routes and, through the API, the browser. A
// report's rows are the unsummarized entries behind a figure, never the summary; where
// points are shown, the rule that produced them is in the row. Rows come as an async
// iterable, page after page, so a large export never sits in memory whole.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import { CHANGE_CATEGORIES, type ChangeCategory } from '../../domain/changes.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { pointsToNumber } from '../../domain/money.ts';
import type { EntryExplanation } from '../../domain/sold.ts';
import { type ChangeItemJson, getPointChangeItems } from '../point-changes/service.ts';
import { allPartnerIds } from '../points/repository.ts';
import { entryRule, pointsOf } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { clientsReport, commissionReport, dealsReport, renewalsReport } from './portal-reports.ts';
import type { ReportDefinition, ReportParams } from './report-types.ts';
import type { ExportColumn } from './writer.ts';

export type { ReportDefinition, ReportParams };

export const REPORT_NAMES = [
  'sold-entries',
  'point-changes',
  'clients',
  'renewals',
  'deals',
  'commission',
  'partners',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The point-change metrics as the command line and the URL name them. */
export const CHANGE_METRICS: Record<string, ChangeCategory> = Object.fromEntries(
  CHANGE_CATEGORIES.map((c) => [c.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`), c]),
);

/** The rule columns of a row with points: rule set, rate, growth multiplier, currency value. */
interface RuleCells {
  rule: ReturnType<typeof entryRule> | null;
}
const ruleColumns = <Row extends RuleCells>(): ExportColumn<Row>[] => [
  { header: 'rule_set', value: (r) => r.rule?.rateRuleSetId },
  { header: 'rate', type: 'number', value: (r) => r.rule?.rate },
  { header: 'growth_multiplier', type: 'number', value: (r) => r.rule?.multiplier },
  { header: 'currency', value: (r) => r.rule?.currency },
  { header: 'currency_per_100', type: 'number', value: (r) => r.rule?.currencyPer100 },
];

// ---- sold-entries ------------------------------------------------------------------------

interface SoldEntryRow extends RuleCells {
  partnerId: string;
  entryId: string;
  clientId: string;
  clientName: string;
  product: string;
  dealId: string;
  dealType: string;
  kind: string;
  earnedOn: IsoDate;
  expiresOn: IsoDate;
  backing: number;
  remainingBacking: number;
  points: number;
  remainingPoints: number;
  status: 'active' | 'expired';
}

/**
 * Partners per query. A query reads a range of partner ids (they come sorted by the same
 * collation): an index range scan in key order whatever the statistics say (a list of ids
 * was read by a full scan per query when the planner overestimated its rows).
 */
const PARTNERS_PER_QUERY = 100;

/**
 * The names of a page's clients, in one query: an index lookup per client rather than per
 * entry (a correlated subquery per entry was most of the export's time in PostgreSQL).
 */
async function clientNames(db: Queryable, entries: readonly { client_id: string }[]) {
  const ids = [...new Set(entries.map((e) => e.client_id))];
  if (ids.length === 0) return new Map<string, string>();
  const found = await rows<{ client_id: string; name: string }>(
    db,
    sql`select client_id, name from clients where client_id = any(${sql.param(ids)}::text[])`,
  );
  return new Map(found.map((c) => [c.client_id, c.name]));
}

async function* soldEntryRows(db: Queryable, params: ReportParams): AsyncIterable<SoldEntryRow> {
  const { baseCurrency } = await currentProgram(db);
  const partners = params.partnerId === null ? await allPartnerIds(db) : [params.partnerId];
  const oneClient = params.client === null ? sql`true` : sql`e.client_id = ${params.client}`;
  const read = (ids: string[]) =>
    rows<{
      partner_id: string;
      entry_id: string;
      client_id: string;
      product: string;
      deal_id: string;
      deal_type: string;
      kind: string;
      earned_on: string;
      expires_on: string;
      delta: string;
      remaining_backing: string;
      points: string;
      remaining_points: string;
      explanation: EntryExplanation;
    }>(
      db,
      sql`select e.partner_id, e.entry_id, e.client_id, e.product, e.deal_id, e.deal_type, e.kind, e.earned_on::text, e.expires_on::text, e.delta::text,
            e.remaining_backing::text, e.points::text, e.remaining_points::text, e.explanation
          from sold_entries e
          where e.partner_id between ${ids[0]} and ${ids[ids.length - 1]} and e.earned_on <= ${params.on}
            and ${oneClient}
          order by e.partner_id, e.entry_id`,
    ).then(async (entries) => ({ entries, names: await clientNames(db, entries) }));
  // The next partners' entries are read while this page is written out.
  let next = partners.length > 0 ? read(partners.slice(0, PARTNERS_PER_QUERY)) : null;
  for (let i = 0; next; i += PARTNERS_PER_QUERY) {
    const { entries: page, names } = await next;
    const after = partners.slice(i + PARTNERS_PER_QUERY, i + 2 * PARTNERS_PER_QUERY);
    next = after.length > 0 ? read(after) : null;
    // Awaited in its turn; a failure meanwhile is not an unhandled rejection.
    next?.catch(() => {});
    // numeric(…, 4) and numeric(…, 2) text read as the nearest double prints back the same
    // decimals (at most 15 significant digits), as the engine's own conversion does.
    for (const r of page) {
      // An expired entry holds no points any more (as the client's points history shows it).
      const expired = params.on >= r.expires_on;
      yield {
        partnerId: r.partner_id,
        entryId: r.entry_id,
        clientId: r.client_id,
        clientName: names.get(r.client_id) ?? '',
        product: r.product,
        dealId: r.deal_id,
        dealType: r.deal_type,
        kind: r.kind,
        earnedOn: r.earned_on,
        expiresOn: r.expires_on,
        backing: Number(r.delta),
        remainingBacking: expired ? 0 : Number(r.remaining_backing),
        points: Number(r.points),
        remainingPoints: expired ? 0 : Number(r.remaining_points),
        status: expired ? 'expired' : 'active',
        rule: entryRule(r.explanation, baseCurrency),
      };
    }
  }
}

const soldEntries: ReportDefinition<SoldEntryRow> = {
  metrics: [],
  uses: 'day',
  operatorOnly: false,
  filters: ['client'],
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'client_id', value: (r) => r.clientId },
    { header: 'client_name', value: (r) => r.clientName },
    { header: 'product', value: (r) => r.product },
    { header: 'deal_type', value: (r) => r.dealType },
    { header: 'earned_on', type: 'date', value: (r) => r.earnedOn },
    { header: 'expires_on', type: 'date', value: (r) => r.expiresOn },
    { header: 'backing', type: 'number', value: (r) => r.backing },
    { header: 'points', type: 'number', value: (r) => r.points },
    { header: 'remaining_points', type: 'number', value: (r) => r.remainingPoints },
    { header: 'status', value: (r) => r.status },
    ...ruleColumns<SoldEntryRow>(),
    { header: 'entry_id', value: (r) => r.entryId },
    { header: 'deal_id', value: (r) => r.dealId },
    { header: 'kind', value: (r) => r.kind },
    { header: 'remaining_backing', type: 'number', value: (r) => r.remainingBacking },
    { header: 'country', value: (r) => r.rule?.country },
    { header: 'growth_market', value: (r) => r.rule?.growthMarket },
  ],
  rows: soldEntryRows,
};

// ---- point-changes -----------------------------------------------------------------------

type ChangeRow = ChangeItemJson & { partnerId: string };

async function* pointChangeRows(db: Queryable, params: ReportParams): AsyncIterable<ChangeRow> {
  const categories = params.metric
    ? params.metric.split(',').map((m) => CHANGE_METRICS[m]!)
    : CHANGE_CATEGORIES;
  const partners = params.partnerId === null ? await allPartnerIds(db) : [params.partnerId];
  const range = { from: params.from, to: params.to };
  for (const partnerId of partners)
    for (const category of categories) {
      const { items } = await getPointChangeItems(db, partnerId, range, category, {
        page: 1,
        pageSize: Number.MAX_SAFE_INTEGER,
      });
      for (const item of items) yield { ...item, partnerId };
    }
}

const metricOf = (c: ChangeCategory) => Object.entries(CHANGE_METRICS).find(([, v]) => v === c)![0];

const pointChanges: ReportDefinition<ChangeRow> = {
  metrics: Object.keys(CHANGE_METRICS),
  uses: 'range',
  operatorOnly: false,
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'client_id', value: (r) => r.clientId },
    { header: 'client_name', value: (r) => r.clientName },
    { header: 'product', value: (r) => r.product },
    { header: 'date', type: 'date', value: (r) => r.date },
    { header: 'points', type: 'number', value: (r) => r.points },
    ...ruleColumns<ChangeRow>(),
    { header: 'metric', value: (r) => metricOf(r.category) },
    { header: 'growth_market', value: (r) => r.rule?.growthMarket },
    { header: 'deal_type', value: (r) => r.dealType },
    { header: 'entry_id', value: (r) => r.entryId },
    { header: 'change_id', value: (r) => r.changeId },
    { header: 'deal_id', value: (r) => r.dealId },
    { header: 'managed_before', type: 'number', value: (r) => r.before },
    { header: 'managed_after', type: 'number', value: (r) => r.after },
  ],
  rows: pointChangeRows,
};

// ---- partners ----------------------------------------------------------------------------

interface PartnerRow {
  partnerId: string;
  name: string;
  country: string;
  total: number;
  sold: number;
  managed: number;
  performance: string | null;
  credited: string | null;
}

async function* partnerRows(db: Queryable, params: ReportParams): AsyncIterable<PartnerRow> {
  const one = params.partnerId === null ? sql`true` : sql`p.partner_id = ${params.partnerId}`;
  const found = await rows<Record<string, string | null>>(
    db,
    sql`select p.partner_id, p.name, p.country, s.total::text, s.sold::text, s.managed::text,
          s.performance, s.credited
        from partners p left join partner_state s on s.partner_id = p.partner_id
        where ${one} order by p.partner_id`,
  );
  for (const r of found)
    yield {
      partnerId: r.partner_id!,
      name: r.name!,
      country: r.country!,
      total: pointsToNumber(pointsOf(r.total)),
      sold: pointsToNumber(pointsOf(r.sold)),
      managed: pointsToNumber(pointsOf(r.managed)),
      performance: r.performance ?? null,
      credited: r.credited ?? null,
    };
}

const partnersReport: ReportDefinition<PartnerRow> = {
  metrics: [],
  uses: 'day',
  operatorOnly: true,
  columns: [
    { header: 'partner_id', value: (r) => r.partnerId },
    { header: 'name', value: (r) => r.name },
    { header: 'total', type: 'number', value: (r) => r.total },
    { header: 'sold', type: 'number', value: (r) => r.sold },
    { header: 'managed', type: 'number', value: (r) => r.managed },
    { header: 'performance', value: (r) => r.performance },
    { header: 'credited', value: (r) => r.credited },
    { header: 'country', value: (r) => r.country },
  ],
  rows: partnerRows,
};

// biome-ignore lint/suspicious/noExplicitAny: each report has its own row type
export const REPORTS: Record<ReportName, ReportDefinition<any>> = {
  'sold-entries': soldEntries,
  'point-changes': pointChanges,
  clients: clientsReport,
  renewals: renewalsReport,
  deals: dealsReport,
  commission: commissionReport,
  partners: partnersReport,
};
