// Monthly product usage of every client while it pays, and the partners' past commission
// payments (quarterly, from their sourced closed-won deals).
import { minorUnits } from '../../domain/money.ts';
import type { Calendar } from './calendar.ts';
import { APPS, CURRENCIES, FIRST_NAMES, HUBS, LAST_NAMES } from './catalog.ts';
import type { History } from './history.ts';
import type { PartnerSet } from './partners.ts';
import { slug } from './partners.ts';
import type { Rng } from './random.ts';
import type { ClientRow, PaymentRow, UsageRow } from './types.ts';

export function generateUsage(
  clients: readonly ClientRow[],
  originDay: Int32Array,
  history: History,
  cal: Calendar,
  rng: Rng,
  usageMonths: number,
): UsageRow[] {
  const firstMonth = cal.monthIndex(cal.startDay);
  const lastMonth = cal.monthIndex(cal.endDay);
  const firstKept = lastMonth - usageMonths + 1 - firstMonth;
  const monthStart: number[] = [];
  const monthName: string[] = [];
  for (let m = firstMonth; m <= lastMonth + 1; m++) {
    const start = cal.monthStartDay(m);
    monthStart.push(start);
    monthName.push(cal.month(start));
  }
  // Rows share these arrays: one per set of hubs, and a pool of app combinations.
  const productSets = Array.from({ length: 32 }, (_, mask) => HUBS.filter((_h, i) => mask & (1 << i)));
  const appSets = Array.from({ length: 64 }, () => {
    const n = rng.int(0, 5);
    return rng.shuffle(APPS.slice()).slice(0, n).sort();
  });
  const out: UsageRow[] = [];
  clients.forEach((client, ci) => {
    const from = originDay[ci]!;
    const until = history.activeUntil[ci]!;
    const mask = history.hubMask[ci]!;
    const productsUsed = productSets[mask]!;
    const appsUsed = rng.pick(appSets);
    const user = `${slug(rng.pick(FIRST_NAMES))}.${slug(rng.pick(LAST_NAMES))}@${client.domain}`;
    let hubs = 0;
    for (let h = 0; h < 5; h++) if (mask & (1 << h)) hubs++;
    let tools = clamp(1 + 2 * hubs + history.editionSum[ci]! + rng.int(-2, 2), 0, 15);
    for (let k = cal.monthIndex(from) - firstMonth; k <= cal.monthIndex(until) - firstMonth; k++) {
      tools = clamp(tools + rng.int(-1, 1), 0, 15);
      const engagement = clamp(Math.floor(tools * 0.6) + rng.int(-1, 2), 0, 10);
      const offset = rng.int(0, 12);
      if (k < firstKept) continue;
      const last = Math.min(monthStart[k + 1]! - 1, until);
      const first = Math.max(monthStart[k]!, from);
      out.push({
        clientId: client.clientId,
        month: monthName[k]!,
        toolsUsed: tools,
        engagementScore: engagement,
        productsUsed,
        appsUsed,
        lastActiveUser: user,
        lastActiveOn: cal.iso(last - Math.min(offset, last - first)),
      });
    }
  });
  return out;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Commission rate on sourced MRR, paid quarterly 45 days after the quarter (example program). */
const COMMISSION_RATE = 0.2;
const COMMISSION_QUARTERS = 12;
const PAYOUT_LAG_DAYS = 45;

/**
 * Past payments only (paid on or before the end date), in the partner's currency: an
 * approximation of the program's commission from the deals' amounts (it ignores later
 * downgrades and churn), since payments are facts the vendor reports, not engine output.
 */
export function generatePayments(partners: PartnerSet, history: History, cal: Calendar): PaymentRow[] {
  const out: PaymentRow[] = [];
  const { quarters, firstQuarter, commissionUsd } = history;
  const per100 = new Map(CURRENCIES.map((c) => [c.code, c.per100]));
  partners.rows.forEach((p, i) => {
    let running = 0;
    for (let q = 0; q < quarters; q++) {
      running += commissionUsd[i * quarters + q]!;
      if (q >= COMMISSION_QUARTERS) running -= commissionUsd[i * quarters + q - COMMISSION_QUARTERS]!;
      if (running <= 0) continue;
      const quarter = firstQuarter + q;
      const paid = cal.monthStartDay(quarter * 3 + 3) - 1 + PAYOUT_LAG_DAYS;
      if (paid > cal.endDay) break;
      const digits = minorUnits(p.currency);
      const amount = Math.round(
        ((running * 3 * COMMISSION_RATE * (per100.get(p.currency) ?? 100)) / 100) * 10 ** digits,
      );
      if (amount <= 0) continue;
      const year = Math.floor(quarter / 4);
      out.push({
        partnerId: p.partnerId,
        paidOn: cal.iso(paid),
        amount: amount * 10 ** (4 - digits),
        currency: p.currency,
        reference: `COM-${p.partnerId}-${year}Q${(quarter % 4) + 1}`,
      });
    }
  });
  return out;
}
