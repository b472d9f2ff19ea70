// The console's overview: partners per tier, the points distribution, this month's movers,
// partners at risk at the next review day, upcoming renewal decisions and data freshness.
// Every figure is counted with the partners table's filters (features/partners/table.ts) and
// says which filters open the partners behind it.
import { type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { type Queryable, rows } from '../../db/client.ts';
import { addDays, type IsoDate, parts } from '../../domain/dates.ts';
import { type Program, ruleSetOn } from '../../domain/program.ts';
import {
  AWAITING_DECISION,
  atRiskSql,
  queryPartners,
  rankSql,
  type TableContext,
  tableContext,
} from '../partners/table.ts';
import { getProgram } from '../program/service.ts';

export const RENEWAL_DAYS = 30;
const LIST = 10;

type Filters = Record<string, string>;
const num = (v: unknown) => Number(v ?? 0);

/** The first review day on or after `today` (reviewDays are MM-DD). */
export function nextReviewDay(program: Program, today: IsoDate): IsoDate | null {
  const days = [...program.tierReview.reviewDays].sort();
  if (days.length === 0) return null;
  const [y] = parts(today);
  for (const year of [y, y + 1])
    for (const d of days) {
      const candidate = `${year}-${d}`;
      if (candidate >= today) return candidate;
    }
  return null;
}

/** A round bucket width giving about ten buckets up to `max`. */
export function bucketWidth(max: number): number {
  if (max <= 0) return 100;
  const raw = max / 10;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 2.5, 5, 10]) if (raw <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

async function tiers(db: Queryable, ctx: TableContext, program: Program) {
  const counted = await rows<{ credited: string | null; performance: string | null; n: string | number }>(
    db,
    sql`select s.credited, s.performance, count(*) as n
        from partners p left join partner_state s on s.partner_id = p.partner_id
        group by s.credited, s.performance`,
  );
  const ruleSet = ruleSetOn(program, ctx.today);
  const ids: (string | null)[] = [...ruleSet.tiers.map((t) => t.id), null];
  return ids.map((id) => {
    const key = id ?? 'none';
    const credited = counted.filter((r) => r.credited === id).reduce((s, r) => s + num(r.n), 0);
    const performing = counted.filter((r) => r.performance === id).reduce((s, r) => s + num(r.n), 0);
    return {
      tierId: id,
      name: id === null ? null : ruleSet.tiers.find((t) => t.id === id)!.name,
      credited,
      performing,
      creditedFilters: { credited: key },
      performingFilters: { performing: key },
    };
  });
}

async function distribution(db: Queryable) {
  const [range] = await rows<{ max: string | null }>(
    db,
    sql`select max(coalesce(s.total, 0)) as max from partners p left join partner_state s on s.partner_id = p.partner_id`,
  );
  const width = bucketWidth(num(range?.max));
  const counted = await rows<{ bucket: string | number; n: string | number }>(
    db,
    sql`select floor(coalesce(s.total, 0) / ${width})::int as bucket, count(*) as n
        from partners p left join partner_state s on s.partner_id = p.partner_id
        group by 1 order by 1`,
  );
  const last = counted.length > 0 ? num(counted[counted.length - 1]!.bucket) : -1;
  const buckets: { from: number; to: number; partners: number; filters: Filters }[] = [];
  for (let b = 0; b <= last; b++) {
    const from = b * width;
    const to = from + width;
    buckets.push({
      from,
      to,
      partners: num(counted.find((r) => num(r.bucket) === b)?.n),
      filters: { totalMin: String(from), totalMax: String(to) },
    });
  }
  return { bucketWidth: width, buckets };
}

async function movers(db: Queryable, ctx: TableContext) {
  const up = rankSql(ctx, sql`h.to_tier`);
  const down = rankSql(ctx, sql`h.from_tier`);
  const [moved] = await rows<{ up: string | number; down: string | number }>(
    db,
    sql`select count(distinct h.partner_id) filter (where ${up} > ${down}) as up,
               count(distinct h.partner_id) filter (where ${up} < ${down}) as down
        from tier_history h where h.date >= ${ctx.monthStart}::date and h.date <= ${ctx.today}::date`,
  );
  const page = async (dir: 'asc' | 'desc') =>
    (await queryPartners(db, ctx, { sort: 'change', dir, limit: LIST, offset: 0 })).rows
      .filter((r) => (dir === 'desc' ? r.change > 0 : r.change < 0))
      .map((r) => ({ partnerId: r.partnerId, name: r.name, change: r.change, total: r.total }));
  return {
    since: ctx.previousMonthEnd,
    tierUp: { partners: num(moved?.up), filters: { movement: 'up' } },
    tierDown: { partners: num(moved?.down), filters: { movement: 'down' } },
    gains: { partners: await page('desc'), filters: { sort: 'change', dir: 'desc' } },
    losses: { partners: await page('asc'), filters: { sort: 'change', dir: 'asc' } },
  };
}

async function atRisk(db: Queryable, ctx: TableContext, program: Program) {
  const risk = atRiskSql(ctx);
  const found = await rows<{
    partner_id: string;
    name: string;
    credited: string | null;
    performance: string | null;
    short_total: string | null;
    short_seller: string | null;
    short_managed: string | null;
    matching: string | number;
  }>(
    db,
    sql`select p.partner_id, p.name, s.credited, s.performance,
          s.insights #>> '{keep,missing,total}' as short_total,
          s.insights #>> '{keep,missing,seller}' as short_seller,
          s.insights #>> '{keep,missing,managed}' as short_managed,
          count(*) over () as matching
        from partners p join partner_state s on s.partner_id = p.partner_id
        where ${risk}
        order by coalesce((s.insights #>> '{keep,missing,total}')::numeric, 0) asc, p.partner_id
        limit ${LIST}`,
  );
  return {
    reviewDay: nextReviewDay(program, ctx.today),
    partners: found.length > 0 ? num(found[0]!.matching) : 0,
    filters: { atRisk: 'true' },
    list: found.map((r) => ({
      partnerId: r.partner_id,
      name: r.name,
      credited: r.credited,
      performance: r.performance,
      pointsShort: { total: num(r.short_total), seller: num(r.short_seller), managed: num(r.short_managed) },
    })),
  };
}

async function renewals(db: Queryable, ctx: TableContext) {
  const until = addDays(ctx.today, RENEWAL_DAYS);
  const attributed: SQL = sql`(
    select m.partner_id, m.client_id from managements m
    where m.start_date <= ${ctx.today}::date and (m.end_date is null or m.end_date > ${ctx.today}::date)
    union
    select e.partner_id, e.client_id from sold_entries e
    where e.earned_on <= ${ctx.today}::date and e.expires_on > ${ctx.today}::date)`;
  const found = await rows<{
    partner_id: string;
    partner_name: string;
    client_id: string;
    client_name: string;
    product: string;
    renewal_date: string;
    status: string;
  }>(
    db,
    sql`with due as (
          select * from renewals r where r.status in ${AWAITING_DECISION}
            and r.renewal_date >= ${ctx.today}::date and r.renewal_date <= ${until}::date)
        select a.partner_id, p.name as partner_name, d.client_id, c.name as client_name, d.product,
               d.renewal_date::text as renewal_date, d.status
        from due d
        join (select distinct * from ${attributed} x where x.client_id in (select client_id from due)) a
          on a.client_id = d.client_id
        join partners p on p.partner_id = a.partner_id
        join clients c on c.client_id = d.client_id
        order by d.renewal_date, a.partner_id, d.client_id, d.product`,
  );
  return {
    days: RENEWAL_DAYS,
    renewals: found.length,
    partners: new Set(found.map((r) => r.partner_id)).size,
    filters: { renewalsWithinDays: String(RENEWAL_DAYS) },
    list: found.slice(0, 20).map((r) => ({
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      clientId: r.client_id,
      clientName: r.client_name,
      product: r.product,
      renewalDate: r.renewal_date,
      status: r.status,
    })),
  };
}

async function freshness(db: Queryable) {
  const [imported] = await rows<{
    status: string;
    created_at: Date | string;
    finished_at: Date | string | null;
  }>(
    db,
    sql`select status, created_at, finished_at from jobs where kind = 'import' order by created_at desc limit 1`,
  );
  const [program] = await rows<{ version: number; loaded_at: Date | string }>(
    db,
    sql`select version, loaded_at from program_versions order by version desc limit 1`,
  );
  // A live change is received through POST /api/v1/mrr-changes, audited as facts.ingest.
  const [live] = await rows<{ at: Date | string | null }>(
    db,
    sql`select max(at) as at from audit_log where action = 'facts.ingest' and entity_id like '%mrr-changes%'`,
  );
  const [facts] = await rows<{ latest: string | null; as_of: string | null }>(
    db,
    sql`select (select max(date)::text from mrr_changes) as latest, (select max(as_of)::text from partner_state) as as_of`,
  );
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  return {
    lastImport: imported
      ? { status: imported.status, at: iso(imported.finished_at ?? imported.created_at)! }
      : null,
    programLoadedAt: program ? iso(program.loaded_at) : null,
    lastLiveChangeAt: iso(live?.at),
    latestMrrChangeDate: facts?.latest ?? null,
    derivedAsOf: facts?.as_of ?? null,
  };
}

export async function overview(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const program = await getProgram(deps.db);
  const ctx = tableContext(program, deps.clock.today());
  const [total] = await rows<{ n: string | number }>(deps.db, sql`select count(*) as n from partners p`);
  return {
    today: ctx.today,
    partners: num(total?.n),
    tiers: await tiers(deps.db, ctx, program),
    distribution: await distribution(deps.db),
    movers: await movers(deps.db, ctx),
    atRisk: await atRisk(deps.db, ctx, program),
    renewals: await renewals(deps.db, ctx),
    freshness: await freshness(deps.db),
  };
}
