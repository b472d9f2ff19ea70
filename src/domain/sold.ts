// Sold entries of one product line (PROGRAM_RULES §3): every increase of the line's MRR
// creates an entry credited by deal or seller of record, at the rate locked on the line's
// origin date; every decrease consumes the newest active entries first.
import { addMonths, type IsoDate } from './dates.ts';
import type { ChangeReason, ClientFact, DealFact, MrrChangeFact } from './facts.ts';
import { mulDivRound4, type Points, type Scaled } from './money.ts';
import { type DealType, type Program, type RuleSet, ruleSetOn } from './program.ts';
import { currencyValue, growthFor, pointsOf } from './units.ts';

/** Why an entry has the points it has: the rule behind every point. */
export interface EntryExplanation {
  /** Rule set in force on the line's origin date: it fixes the rate (the rate lock, §3.3). */
  rateRuleSetId: string;
  rate: Scaled;
  /** Rule set in force on the change date: currency table, growth markets, multiplier, lifetime. */
  currencyRuleSetId: string;
  currency: string;
  currencyPer100: Scaled;
  country: string;
  growthMarket: boolean;
  multiplier: Scaled;
}

export interface EntryStep {
  date: IsoDate;
  changeId: string;
  /** Remaining backing MRR and points after this decrease. */
  backing: Scaled;
  points: Points;
}

export interface SoldEntry {
  /** One entry per increase: the change's id. */
  entryId: string;
  /** Creation order within the line (the tie-break of §3.4). */
  seq: number;
  partnerId: string;
  clientId: string;
  product: string;
  changeId: string;
  reason: ChangeReason | null;
  dealId: string;
  creditedVia: 'deal' | 'seller_of_record';
  dealType: DealType;
  /** 'new' when the change took the line from zero (new line, cross-sell); else 'increased'. */
  kind: 'new' | 'increased';
  /** The MRR it is backed by at creation. */
  delta: Scaled;
  /** Points at creation. */
  points: Points;
  earnedOn: IsoDate;
  expiresOn: IsoDate;
  originDate: IsoDate;
  explanation: EntryExplanation;
  /** Remaining backing and points after each decrease that touched it, in order. */
  steps: EntryStep[];
}

export interface PointLoss {
  partnerId: string;
  entryId: string;
  clientId: string;
  product: string;
  changeId: string;
  date: IsoDate;
  /** 'declined' for churn (a decrease to zero), 'decreased' for a downgrade. */
  kind: 'decreased' | 'declined';
  dealType: DealType;
  /** Points lost (positive) and backing consumed. */
  points: Points;
  backing: Scaled;
}

/** A line's MRR level after the last change of each date with a change. */
export interface LineSeries {
  clientId: string;
  product: string;
  dates: IsoDate[];
  mrr: Scaled[];
}

/**
 * The working state of a line's entries, every partner's (a decrease consumes them all),
 * index i being the line's i-th entry: parallel arrays reused line after line, so other
 * partners' entries, which a ledger does not keep, never become objects.
 */
export interface LineScratch {
  earnedOn: IsoDate[];
  expiresOn: IsoDate[];
  /** Backing and points at creation. */
  delta: Scaled[];
  points: Points[];
  /** Remaining backing and points. */
  backing: Scaled[];
  remaining: Points[];
  /** The entry, when it is the partner's own; else null. */
  own: (SoldEntry | null)[];
}

export function lineScratch(): LineScratch {
  return { earnedOn: [], expiresOn: [], delta: [], points: [], backing: [], remaining: [], own: [] };
}

/** Where deriveLine puts a line's results: the partner's own entries and losses only. */
export interface LineOutput {
  partnerId: string;
  /** The partner's entries and losses, appended line after line in creation order. */
  entries: SoldEntry[];
  losses: PointLoss[];
  scratch: LineScratch;
}

/** A deal credits a change only when closed-won and of the same client (§3.2). */
function creditingDeal(change: MrrChangeFact, deals: ReadonlyMap<string, DealFact>): DealFact | undefined {
  if (!change.dealId) return undefined;
  const deal = deals.get(change.dealId);
  if (deal?.stage !== 'closed_won' || deal.clientId !== change.clientId) return undefined;
  return deal;
}

/** Remaining backing and points of an entry on a date. */
export function entryStateOn(entry: SoldEntry, date: IsoDate): { backing: Scaled; points: Points } {
  let backing = entry.delta;
  let points = entry.points;
  for (const step of entry.steps) {
    if (step.date > date) break;
    backing = step.backing;
    points = step.points;
  }
  return { backing, points };
}

export function isActive(entry: SoldEntry, date: IsoDate): boolean {
  return entry.earnedOn <= date && date < entry.expiresOn;
}

/**
 * Derives one product line: returns its MRR series and appends the partner's entries and
 * losses to `out`. `changes` are the line's changes sorted by date, then change id in
 * code-point order.
 */
export function deriveLine(
  program: Program,
  client: ClientFact,
  changes: readonly MrrChangeFact[],
  deals: ReadonlyMap<string, DealFact>,
  out: LineOutput,
): LineSeries {
  const first = changes[0];
  // A line rarely has two changes on one date; then its series is its changes' dates and
  // levels, mapped into arrays of their final size (pushes would grow each to 17 slots).
  let distinct = true;
  for (let i = 1; i < changes.length && distinct; i++) distinct = changes[i]!.date !== changes[i - 1]!.date;
  const series: LineSeries = {
    clientId: client.clientId,
    product: first?.product ?? '',
    dates: distinct ? changes.map((c) => c.date) : [],
    mrr: distinct ? changes.map((c) => c.mrrAfter) : [],
  };
  // The line's entries, every partner's, are w's indexes 0 .. count - 1.
  const w = out.scratch;
  let count = 0;
  let mrr: Scaled = 0;
  let originDate: IsoDate = '';
  let seller: DealFact | undefined;
  // The client's currency value and growth figures under the change date's rule set,
  // looked up again only when the rule set changes along the line.
  let rules: RuleSet | undefined;
  let currencyPer100: Scaled = 0;
  let multiplier: Scaled = 0;
  let growthMarket = false;

  for (const change of changes) {
    const after = change.mrrAfter;
    if (after > mrr) {
      const kind = mrr === 0 ? 'new' : 'increased';
      if (mrr === 0) {
        originDate = change.date;
        seller = undefined;
      }
      const deal = creditingDeal(change, deals);
      if (deal && !seller) seller = deal;
      const credited = deal ?? seller;
      if (credited) {
        const changeRules = ruleSetOn(program, change.date);
        const originRules = ruleSetOn(program, originDate);
        const rate = originRules.rates[credited.type];
        const delta = after - mrr;
        if (changeRules !== rules) {
          rules = changeRules;
          currencyPer100 = currencyValue(changeRules, client.currency);
          multiplier = growthFor(changeRules, client.country);
          growthMarket = changeRules.growthMarkets.has(client.country);
        }
        // soldPointsFor, with the figures above.
        const points = pointsOf(delta, rate, multiplier, currencyPer100, 1);
        const expiresOn = addMonths(change.date, changeRules.soldPointsLifetimeMonths);
        let own: SoldEntry | null = null;
        if (credited.partnerId === out.partnerId) {
          own = {
            entryId: change.changeId,
            seq: count,
            partnerId: credited.partnerId,
            clientId: client.clientId,
            product: change.product,
            changeId: change.changeId,
            reason: change.reason ?? null,
            dealId: credited.dealId,
            creditedVia: deal ? 'deal' : 'seller_of_record',
            dealType: credited.type,
            kind,
            delta,
            points,
            earnedOn: change.date,
            expiresOn,
            originDate,
            explanation: {
              rateRuleSetId: originRules.id,
              rate,
              currencyRuleSetId: changeRules.id,
              currency: client.currency,
              currencyPer100,
              country: client.country,
              growthMarket,
              multiplier,
            },
            steps: [],
          };
          out.entries.push(own);
        }
        w.earnedOn[count] = change.date;
        w.expiresOn[count] = expiresOn;
        w.delta[count] = delta;
        w.points[count] = points;
        w.backing[count] = delta;
        w.remaining[count] = points;
        w.own[count] = own;
        count++;
      }
    } else if (after < mrr) {
      let toConsume = mrr - after;
      const lossKind = after === 0 ? 'declined' : 'decreased';
      // Newest earnedOn first; ties: later-created first. Entries are created in date
      // order, so walking them backwards is exactly that order.
      for (let i = count - 1; i >= 0 && toConsume > 0; i--) {
        const backing = w.backing[i]!;
        // isActive(entry, change.date), on the working state.
        const active = w.earnedOn[i]! <= change.date && change.date < w.expiresOn[i]!;
        if (!active || backing === 0) continue;
        const take = Math.min(backing, toConsume);
        toConsume -= take;
        const newBacking = backing - take;
        const newPoints =
          newBacking === 0 ? 0 : mulDivRound4(w.points[i]!, newBacking, 1, 1, w.delta[i]!, 1, 1, 1);
        const lost = w.remaining[i]! - newPoints;
        w.backing[i] = newBacking;
        w.remaining[i] = newPoints;
        const e = w.own[i];
        if (!e) continue;
        out.losses.push({
          partnerId: e.partnerId,
          entryId: e.entryId,
          clientId: e.clientId,
          product: e.product,
          changeId: change.changeId,
          date: change.date,
          kind: lossKind,
          dealType: e.dealType,
          points: lost,
          backing: take,
        });
        const step: EntryStep = {
          date: change.date,
          changeId: change.changeId,
          backing: newBacking,
          points: newPoints,
        };
        // Most entries see one or two decreases: a first step gets an array of its size
        // (a push onto the empty array would reserve 17 slots).
        if (e.steps.length === 0) e.steps = [step];
        else e.steps.push(step);
      }
    }
    mrr = after;
    if (distinct) continue;
    const last = series.dates.length - 1;
    if (last >= 0 && series.dates[last] === change.date) series.mrr[last] = after;
    else {
      series.dates.push(change.date);
      series.mrr.push(after);
    }
  }
  return series;
}

/** A line's MRR on a date: the level after its latest change dated on or before it (0 before the first). */
export function lineMrrOn(series: LineSeries, date: IsoDate): Scaled {
  const { dates } = series;
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : series.mrr[found]!;
}
