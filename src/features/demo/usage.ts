// Monthly product usage of every client while it pays.
import type { Calendar } from './calendar.ts';
import { APPS, FIRST_NAMES, HUBS, LAST_NAMES } from './catalog.ts';
import type { History } from './history.ts';
import { slug } from './partners.ts';
import type { Rng } from './random.ts';
import type { ClientRow, UsageRow } from './types.ts';

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
