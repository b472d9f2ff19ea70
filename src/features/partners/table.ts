// The operator's partners table: every partner with its standing, searched, filtered, sorted
// and paged in one statement. The overview (features/operator-overview) counts with the same
// filters, so every figure there opens exactly the partners behind it.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import { addDays, type IsoDate, monthStart } from '../../domain/dates.ts';
import { type Program, ruleSetOn } from '../../domain/program.ts';

export const SORT_KEYS = [
  'partnerId',
  'name',
  'country',
  'total',
  'sold',
  'managed',
  'credited',
  'performance',
  'change',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PartnerFilters {
  q?: string | undefined;
  /** A tier id, or 'none'. */
  credited?: string | undefined;
  performing?: string | undefined;
  country?: string | undefined;
  /** Credited tier moved up / down this month (tier_history). */
  movement?: 'up' | 'down' | undefined;
  /** Performing below the credited tier (at risk at the next review day). */
  atRisk?: boolean | undefined;
  /** A renewal awaiting a decision within this many days, on a client the partner has. */
  renewalsWithinDays?: number | undefined;
  /** totalMin <= total < totalMax (the points distribution's buckets). */
  totalMin?: number | undefined;
  totalMax?: number | undefined;
}

/** What the filters are relative to: today, the month so far, the tier order in force. */
export interface TableContext {
  today: IsoDate;
  monthStart: IsoDate;
  /** The month end before this month (the baseline of `change`). */
  previousMonthEnd: IsoDate;
  /** Tier ids lowest first. */
  tierIds: readonly string[];
}

export function tableContext(program: Program, today: IsoDate): TableContext {
  const start = monthStart(today);
  return {
    today,
    monthStart: start,
    previousMonthEnd: addDays(start, -1),
    tierIds: ruleSetOn(program, today).tiers.map((t) => t.id),
  };
}

/** The tier's rank in SQL (0 for none, 1 for the lowest tier ...). */
export function rankSql(ctx: TableContext, column: SQL): SQL {
  return sql`coalesce(array_position(${sql.param([...ctx.tierIds])}::text[], ${column}), 0)`;
}

export const AWAITING_DECISION = sql`('pending', 'cancellation_requested')`;

/** The renewals of clients attributed to partner `p` today (managed, or an active sold entry). */
export function attributedRenewal(ctx: TableContext, partner: SQL, days: number): SQL {
  return sql`exists (
    select 1 from renewals r
    where r.status in ${AWAITING_DECISION}
      and r.renewal_date >= ${ctx.today}::date and r.renewal_date <= ${addDays(ctx.today, days)}::date
      and (exists (select 1 from managements m where m.partner_id = ${partner} and m.client_id = r.client_id
                     and m.start_date <= ${ctx.today}::date and (m.end_date is null or m.end_date > ${ctx.today}::date))
        or exists (select 1 from sold_entries e where e.partner_id = ${partner} and e.client_id = r.client_id
                     and e.earned_on <= ${ctx.today}::date and e.expires_on > ${ctx.today}::date)))`;
}

function movementSql(ctx: TableContext, direction: 'up' | 'down'): SQL {
  const cmp = direction === 'up' ? sql`>` : sql`<`;
  return sql`exists (select 1 from tier_history h where h.partner_id = p.partner_id
    and h.date >= ${ctx.monthStart}::date and h.date <= ${ctx.today}::date
    and ${rankSql(ctx, sql`h.to_tier`)} ${cmp} ${rankSql(ctx, sql`h.from_tier`)})`;
}

function tierFilter(column: SQL, tier: string): SQL {
  return tier === 'none' ? sql`${column} is null` : sql`${column} = ${tier}`;
}

/** The filters as one WHERE condition over `p` (partners) and `s` (partner_state). */
export function whereSql(ctx: TableContext, f: PartnerFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(p.partner_id ilike ${like} or p.name ilike ${like})`);
  }
  if (f.credited) parts.push(tierFilter(sql`s.credited`, f.credited));
  if (f.performing) parts.push(tierFilter(sql`s.performance`, f.performing));
  if (f.country) parts.push(sql`p.country = ${f.country.toUpperCase()}`);
  if (f.movement) parts.push(movementSql(ctx, f.movement));
  if (f.atRisk === true) parts.push(atRiskSql(ctx));
  if (f.atRisk === false) parts.push(sql`not ${atRiskSql(ctx)}`);
  if (f.renewalsWithinDays !== undefined)
    parts.push(attributedRenewal(ctx, sql`p.partner_id`, f.renewalsWithinDays));
  if (f.totalMin !== undefined) parts.push(sql`coalesce(s.total, 0) >= ${f.totalMin}`);
  if (f.totalMax !== undefined) parts.push(sql`coalesce(s.total, 0) < ${f.totalMax}`);
  return sql.join(parts, sql` and `);
}

export function atRiskSql(ctx: TableContext): SQL {
  return sql`(${rankSql(ctx, sql`s.performance`)} < ${rankSql(ctx, sql`s.credited`)})`;
}

const ORDER: Record<SortKey, (ctx: TableContext) => SQL> = {
  partnerId: () => sql`p.partner_id`,
  name: () => sql`p.name`,
  country: () => sql`p.country`,
  total: () => sql`coalesce(s.total, 0)`,
  sold: () => sql`coalesce(s.sold, 0)`,
  managed: () => sql`coalesce(s.managed, 0)`,
  credited: (ctx) => rankSql(ctx, sql`s.credited`),
  performance: (ctx) => rankSql(ctx, sql`s.performance`),
  change: () => sql`coalesce(s.total, 0) - coalesce(b.total, 0)`,
};

/** The same order over the page's rows (the outer query, where `p` is the page). */
const ORDER_OUTER: Record<SortKey, (ctx: TableContext) => SQL> = {
  partnerId: () => sql`p.partner_id`,
  name: () => sql`p.name`,
  country: () => sql`p.country`,
  total: () => sql`coalesce(p.total, 0)`,
  sold: () => sql`coalesce(p.sold, 0)`,
  managed: () => sql`coalesce(p.managed, 0)`,
  credited: (ctx) => rankSql(ctx, sql`p.credited`),
  performance: (ctx) => rankSql(ctx, sql`p.performance`),
  change: () => sql`coalesce(p.total, 0) - coalesce(p.baseline, 0)`,
};

export interface PartnerRow {
  partnerId: string;
  name: string;
  country: string;
  total: number;
  sold: number;
  managed: number;
  credited: string | null;
  performance: string | null;
  certified: boolean;
  /** Total points now minus at the last month end. */
  change: number;
}

interface RawRow {
  partner_id: string;
  name: string;
  country: string;
  total: string;
  sold: string;
  managed: string;
  credited: string | null;
  performance: string | null;
  certified: boolean | null;
  change: string;
  matching: string | number;
}

export interface TableQuery extends PartnerFilters {
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** null: every matching row. */
  limit: number | null;
  offset: number;
}

export async function queryPartners(
  db: Queryable,
  ctx: TableContext,
  query: TableQuery,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const dir = query.dir === 'desc' ? sql`desc` : sql`asc`;
  const limit = query.limit === null ? sql`` : sql`limit ${query.limit} offset ${query.offset}`;
  // The snapshot behind `change` is joined for the page's rows only, unless it is the sort.
  const byChange = query.sort === 'change';
  const baseline = sql`left join partner_snapshots b on b.partner_id = p.partner_id and b.month_end = ${ctx.previousMonthEnd}::date`;
  const found = await rows<RawRow>(
    db,
    sql`with page as (
          select p.partner_id, p.name, p.country, s.total, s.sold, s.managed, s.credited, s.performance,
            s.certified, ${byChange ? sql`b.total` : sql`null::numeric`} as baseline, count(*) over () as matching
          from partners p
          left join partner_state s on s.partner_id = p.partner_id
          ${byChange ? baseline : sql``}
          where ${whereSql(ctx, query)}
          order by ${ORDER[query.sort](ctx)} ${dir}, p.partner_id ${dir}
          ${limit})
        select p.partner_id, p.name, p.country,
          coalesce(p.total, 0)::text as total, coalesce(p.sold, 0)::text as sold,
          coalesce(p.managed, 0)::text as managed, p.credited, p.performance, p.certified,
          (coalesce(p.total, 0) - coalesce(${byChange ? sql`p.baseline` : sql`b.total`}, 0))::text as change,
          p.matching
        from page p
        ${byChange ? sql`` : baseline}
        order by ${ORDER_OUTER[query.sort](ctx)} ${dir}, p.partner_id ${dir}`,
  );
  let total = found.length > 0 ? Number(found[0]!.matching) : 0;
  if (found.length === 0 && query.offset > 0) {
    // A page past the end: still say how many match.
    const [c] = await rows<{ n: string | number }>(
      db,
      sql`select count(*) as n from partners p left join partner_state s on s.partner_id = p.partner_id
          where ${whereSql(ctx, query)}`,
    );
    total = Number(c?.n ?? 0);
  }
  return {
    total,
    rows: found.map((r) => ({
      partnerId: r.partner_id,
      name: r.name,
      country: r.country,
      total: Number(r.total),
      sold: Number(r.sold),
      managed: Number(r.managed),
      credited: r.credited,
      performance: r.performance,
      certified: r.certified ?? false,
      change: Number(r.change),
    })),
  };
}
