// The MRR history of every client: a small state machine per client (product lines and
// their MRR) that emits mrr_changes rows (the MRR *after* each change), the deals that
// sold the increases, and the renewals of the lines still running.
import type { ChangeReason, DealFact, MrrChangeFact, RenewalFact } from '../../domain/facts.ts';
import type { Calendar } from './calendar.ts';
import { editionOf, FIRST_NAMES, hubOf, LAST_NAMES, PRODUCTS } from './catalog.ts';
import type { ClientBook } from './clients.ts';
import { DealWriter } from './deals.ts';
import type { PartnerSet } from './partners.ts';
import { ClientPricing, firstHub, scaleAmount } from './pricing.ts';
import type { Rng } from './random.ts';
import { addRenewals, type RenewalContext } from './renewals.ts';

// Events of a client's life after its first purchase, with their base weights.
const CROSS = 0;
const UPSELL = 1;
const EDITION = 2;
const DOWN = 3;
const PRICE = 4;
const DISCOUNT = 5;
const RENEWAL = 6;
const LINE_CHURN = 7;
const CLIENT_CHURN = 8;
const EVENT_WEIGHTS = [15, 20, 4, 12, 9, 9, 10, 6, 3];
const ALL_HUBS = 31;

export interface History {
  /** In generation order (per client, by date); ids are assigned later. */
  changes: MrrChangeFact[];
  changeDay: Int32Array;
  /** Index into `deals` of each change's deal, or -1. */
  changeDeal: Int32Array;
  deals: DealFact[];
  dealDay: Int32Array;
  renewals: RenewalFact[];
  /** Per client: the last day it paid (endDay while it still does). */
  activeUntil: Int32Array;
  /** Per client: bit h set when it ever held a product of hub h. */
  hubMask: Uint8Array;
  /** Per client: sum of the editions (0-2) of the products it held. */
  editionSum: Uint8Array;
}

export function generateHistory(book: ClientBook, partners: PartnerSet, cal: Calendar, rng: Rng): History {
  const b = new HistoryBuilder(book, partners, cal, rng);
  let carry = 0;
  const last = book.rows.length - 1;
  for (let ci = 0; ci <= last; ci++) {
    // Budget left unused (a client that churned for good) moves to the next clients, so the
    // total number of changes is exact.
    let budget = book.planned[ci]! + carry;
    const cap = 3 * book.planned[ci]! + 5;
    carry = 0;
    if (budget > cap && ci !== last) {
      carry = budget - cap;
      budget = cap;
    }
    carry += budget - b.simulate(ci, budget, ci === last);
  }
  return b.result();
}

class HistoryBuilder {
  private readonly changes: MrrChangeFact[] = [];
  private changeDay: Int32Array;
  private changeDeal: Int32Array;
  private readonly renewals: RenewalFact[] = [];
  private readonly activeUntil: Int32Array;
  private readonly hubMask: Uint8Array;
  private readonly editionSum: Uint8Array;
  private readonly renewal: RenewalContext;
  private readonly pricing: ClientPricing;
  private readonly deals: DealWriter;

  // The client being simulated: its product lines (product index, MRR in minor units, the
  // day the line last rose from zero, its last positive MRR) and how many are running.
  private ci = 0;
  private readonly lineProd: number[] = [];
  private readonly lineMrr: number[] = [];
  private readonly lineOrigin: number[] = [];
  private readonly lineLast: number[] = [];
  private active = 0;

  constructor(
    private readonly book: ClientBook,
    partners: PartnerSet,
    private readonly cal: Calendar,
    private readonly rng: Rng,
  ) {
    const capacity = book.planned.reduce((s, k) => s + k, 0) + 16;
    this.changeDay = new Int32Array(capacity);
    this.changeDeal = new Int32Array(capacity);
    const n = book.rows.length;
    this.activeUntil = new Int32Array(n);
    this.hubMask = new Uint8Array(n);
    this.editionSum = new Uint8Array(n);
    this.pricing = new ClientPricing(rng);
    this.deals = new DealWriter(book, partners, this.pricing, cal, rng, Math.ceil(capacity * 0.5));
    const managers = Array.from(
      { length: Math.max(5, Math.ceil(n / 4000)) },
      () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    );
    this.renewal = { cal, rng, managers, out: this.renewals };
  }

  result(): History {
    return {
      changes: this.changes,
      changeDay: this.changeDay.subarray(0, this.changes.length),
      changeDeal: this.changeDeal.subarray(0, this.changes.length),
      deals: this.deals.deals,
      dealDay: this.deals.dealDay.subarray(0, this.deals.deals.length),
      renewals: this.renewals,
      activeUntil: this.activeUntil,
      hubMask: this.hubMask,
      editionSum: this.editionSum,
    };
  }

  /** Emits up to `budget` changes for client ci; returns how many it emitted. */
  simulate(ci: number, budget: number, mustUseAll: boolean): number {
    const { rng, cal } = this;
    const client = this.book.rows[ci]!;
    this.ci = ci;
    this.pricing.forClient(client, this.book.currencyInfo[ci]!);
    this.deals.forClient(ci);
    this.lineProd.length = this.lineMrr.length = this.lineOrigin.length = this.lineLast.length = 0;
    this.active = 0;

    let day = this.book.originDay[ci]!;
    let used = 0;
    this.sell(firstHub.sample(rng), day, 'new');
    used++;
    if (used < budget && rng.chance(0.15)) {
      // Two hubs bought together: two new lines on the same day.
      this.sell(this.inactiveHub(), day, 'new');
      used++;
    }
    while (used < budget) {
      const remaining = budget - used;
      // The next of `remaining` uniform days in [day, endDay]: dates come out sorted.
      let next = day + Math.floor((cal.endDay - day + 1) * (1 - (1 - rng.next()) ** (1 / remaining)));
      next = Math.min(next, cal.endDay);
      if (this.active === 0) {
        // The client churned: some come back after a while, the others are gone for good.
        if (!mustUseAll && (day > cal.endDay - 45 || !rng.chance(0.4))) break;
        day = Math.min(cal.endDay, Math.max(next, day + 30 + rng.int(0, 60)));
        used += this.restart(day);
        continue;
      }
      day = next;
      used += this.event(this.chooseEvent(remaining), remaining, day, (d) => {
        day = d;
      });
    }
    this.activeUntil[ci] = this.active > 0 ? cal.endDay : day;
    let mask = 0;
    let editions = 0;
    for (const prod of this.lineProd) {
      mask |= 1 << hubOf(prod);
      editions += editionOf(prod);
    }
    this.hubMask[ci] = mask;
    this.editionSum[ci] = Math.min(255, editions);
    this.deals.pipeline();
    addRenewals(this.renewal, client, this.lineProd, this.lineMrr, this.lineOrigin, this.pricing.mult);
    return used;
  }

  private chooseEvent(remaining: number): number {
    const canCross = this.heldHubs() !== ALL_HUBS;
    const canUpgrade = remaining >= 2 && this.upgradableLine() >= 0;
    let total = 0;
    for (let e = 0; e < EVENT_WEIGHTS.length; e++)
      if (this.allowed(e, canCross, canUpgrade, remaining)) total += EVENT_WEIGHTS[e]!;
    let x = this.rng.next() * total;
    for (let e = 0; e < EVENT_WEIGHTS.length; e++) {
      if (!this.allowed(e, canCross, canUpgrade, remaining)) continue;
      x -= EVENT_WEIGHTS[e]!;
      if (x < 0) return e;
    }
    return UPSELL;
  }

  private allowed(event: number, canCross: boolean, canUpgrade: boolean, remaining: number): boolean {
    if (event === CROSS) return canCross;
    if (event === EDITION) return canUpgrade;
    if (event === LINE_CHURN) return this.active >= 2;
    if (event === CLIENT_CHURN) return remaining >= this.active;
    return true;
  }

  /** Applies one event on `day` (which may move back to the line's anniversary); returns changes emitted. */
  private event(kind: number, remaining: number, day: number, moveTo: (day: number) => void): number {
    const { rng } = this;
    switch (kind) {
      case CROSS:
        this.sell(this.inactiveHub(), day, 'cross_sell');
        return 1;
      case UPSELL: {
        const l = this.activeLine();
        const after = scaleAmount(this.lineMrr[l]!, rng.int(108, 150));
        // Most upsells come through a deal; some (seats added in-app) have none.
        const deal = rng.chance(0.92)
          ? this.deals.attach(this.lineProd[l]!, day, after - this.lineMrr[l]!, false)
          : -1;
        this.set(l, day, after, 'upsell', deal);
        if (remaining >= 2 && rng.chance(0.06)) {
          // A discount granted with the upsell: a second change of the line on the same date.
          this.set(l, day, scaleAmount(after, rng.int(85, 95)), 'discount_change', -1);
          return 2;
        }
        return 1;
      }
      case EDITION: {
        // Moving up an edition: the new product line starts, the old one ends, same day.
        const l = this.upgradableLine();
        const prod = this.lineProd[l]! + 1;
        const after = Math.max(this.pricing.listPrice(prod), scaleAmount(this.lineMrr[l]!, 130));
        const n = this.line(prod);
        this.set(n, day, after, 'upsell', this.deals.attach(prod, day, after, false));
        this.set(l, day, 0, 'churn', -1);
        return 2;
      }
      case DOWN: {
        const l = this.activeLine();
        this.set(l, day, scaleAmount(this.lineMrr[l]!, rng.int(50, 90)), 'downgrade', -1);
        return 1;
      }
      case PRICE:
      case DISCOUNT:
      case RENEWAL: {
        const l = this.activeLine();
        const at = this.anniversary(l, day);
        moveTo(at);
        const mrr = this.lineMrr[l]!;
        let pct = 100;
        if (kind === PRICE) pct = rng.int(103, 109);
        else if (kind === DISCOUNT) pct = rng.chance(0.6) ? rng.int(108, 125) : rng.int(80, 95);
        else if (rng.chance(0.6)) pct = rng.int(95, 108);
        const reason: ChangeReason =
          kind === PRICE ? 'price_change' : kind === DISCOUNT ? 'discount_change' : 'renewal';
        this.set(l, at, scaleAmount(mrr, pct), reason, -1);
        return 1;
      }
      case LINE_CHURN:
        this.set(this.activeLine(), day, 0, 'churn', -1);
        return 1;
      case CLIENT_CHURN: {
        const n = this.active;
        for (let l = 0; l < this.lineProd.length; l++)
          if (this.lineMrr[l]! > 0) this.set(l, day, 0, 'churn', -1);
        return n;
      }
      default:
        throw new Error(`unknown event ${kind}`);
    }
  }

  /** A churned client comes back: its largest former line restarts. */
  private restart(day: number): number {
    let best = 0;
    for (let l = 1; l < this.lineLast.length; l++) if (this.lineLast[l]! > this.lineLast[best]!) best = l;
    const after = scaleAmount(this.lineLast[best]!, this.rng.int(80, 110));
    this.set(best, day, after, 'new', this.deals.attach(this.lineProd[best]!, day, after, true));
    return 1;
  }

  /** A new line of a hub the client does not run (or a former line of it, restarting). */
  private sell(hub: number, day: number, reason: ChangeReason): void {
    const prod = this.pricing.productOf(hub);
    const after = this.pricing.listPrice(prod);
    this.set(this.line(prod), day, after, reason, this.deals.attach(prod, day, after, true));
  }

  /** Index of the line of a product, created when new. */
  private line(prod: number): number {
    const i = this.lineProd.indexOf(prod);
    if (i >= 0) return i;
    this.lineProd.push(prod);
    this.lineMrr.push(0);
    this.lineOrigin.push(0);
    this.lineLast.push(0);
    return this.lineProd.length - 1;
  }

  private set(l: number, day: number, after: number, reason: ChangeReason, deal: number): void {
    const before = this.lineMrr[l]!;
    if (before === 0 && after > 0) {
      this.active++;
      this.lineOrigin[l] = day;
    } else if (before > 0 && after === 0) this.active--;
    this.lineMrr[l] = after;
    if (after > 0) this.lineLast[l] = after;
    const n = this.changes.length;
    if (n === this.changeDay.length) {
      this.changeDay = grow(this.changeDay);
      this.changeDeal = grow(this.changeDeal);
    }
    this.changeDay[n] = day;
    this.changeDeal[n] = deal;
    this.changes.push({
      changeId: '',
      clientId: this.book.rows[this.ci]!.clientId,
      product: PRODUCTS[this.lineProd[l]!]!,
      date: this.cal.iso(day),
      mrrAfter: after * this.pricing.mult,
      dealId: null,
      reason,
    });
  }

  /** Bit h set when a line of hub h is running. */
  private heldHubs(): number {
    let held = 0;
    for (let l = 0; l < this.lineProd.length; l++)
      if (this.lineMrr[l]! > 0) held |= 1 << hubOf(this.lineProd[l]!);
    return held;
  }

  /** A hub the client does not run, by popularity; callers check one exists. */
  private inactiveHub(): number {
    const held = this.heldHubs();
    for (;;) {
      const h = firstHub.sample(this.rng);
      if (!(held & (1 << h))) return h;
    }
  }

  private activeLine(): number {
    let k = this.rng.int(0, this.active - 1);
    for (let l = 0; l < this.lineProd.length; l++) if (this.lineMrr[l]! > 0 && k-- === 0) return l;
    throw new Error('no active line');
  }

  /** An active line below Enterprise whose next edition the client does not run; -1 if none. */
  private upgradableLine(): number {
    for (let l = 0; l < this.lineProd.length; l++) {
      const prod = this.lineProd[l]!;
      if (this.lineMrr[l]! > 0 && editionOf(prod) < 2) {
        const next = this.lineProd.indexOf(prod + 1);
        if (next < 0 || this.lineMrr[next] === 0) return l;
      }
    }
    return -1;
  }

  /** The line's latest anniversary in (previous event, day], or day itself. */
  private anniversary(l: number, day: number): number {
    const origin = this.lineOrigin[l]!;
    const years = Math.floor((day - origin) / 365.25);
    if (years < 1) return day;
    const at = this.cal.addYears(origin, years);
    const previous = this.changeDay[this.changes.length - 1]!;
    return at <= day && at >= previous ? at : day;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}
