// Deals: the ones that sold an MRR increase (attached to the change; mostly closed-won,
// closed on or before the change, by the client's partner or a co-manager), and the ones
// attached to nothing (lost cross-sell attempts, open pipeline).
import type { DealFact, DealStage } from '../../domain/facts.ts';
import type { DealType } from '../../domain/program.ts';
import type { Calendar } from './calendar.ts';
import { HUBS, PRODUCTS } from './catalog.ts';
import { type ClientBook, MANAGED_ONLY, otherPartner } from './clients.ts';
import type { PartnerSet } from './partners.ts';
import type { ClientPricing } from './pricing.ts';
import type { Rng } from './random.ts';

export class DealWriter {
  readonly deals: DealFact[] = [];
  /** createdOn of each deal as a day number (for sorting). */
  dealDay: Int32Array;
  /** Deals share one products array per product (rows are read-only). */
  private readonly productArrays = PRODUCTS.map((p) => [p]);
  private ci = 0;

  constructor(
    private readonly book: ClientBook,
    private readonly partners: PartnerSet,
    private readonly pricing: ClientPricing,
    private readonly cal: Calendar,
    private readonly rng: Rng,
    capacity: number,
  ) {
    this.dealDay = new Int32Array(Math.max(16, capacity));
  }

  forClient(ci: number): void {
    this.ci = ci;
  }

  /** The deal behind an increase of `deltaMinor` on `day`, if a partner sold it: its index, or -1. */
  attach(prod: number, day: number, deltaMinor: number, isNew: boolean): number {
    const { rng, book, ci } = this;
    const p = book.primary[ci]!;
    const co = book.coManager[ci]!;
    let partner = -1;
    if (book.relation[ci] !== MANAGED_ONLY) {
      if (rng.chance(isNew ? 0.86 : 0.8)) partner = co >= 0 && rng.chance(0.1) ? co : p;
    } else if (rng.chance(0.3)) partner = co >= 0 ? co : otherPartner(this.partners, rng, [p]);
    if (partner < 0) return -1;
    const type: DealType = rng.chance(isNew ? 0.72 : 0.5) ? 'sourced' : 'assisted';
    // A few deals attached to a change never closed-won (they count as no deal).
    const s = rng.next();
    const stage: DealStage = s < 0.965 ? 'closed_won' : s < 0.985 ? 'open' : 'closed_lost';
    const created = Math.max(this.cal.startDay, day - rng.int(3, 75));
    const closed = stage === 'open' ? -1 : Math.max(created, day - rng.int(0, 10));
    return this.add(partner, prod, type, stage, created, closed, deltaMinor);
  }

  /** Deals of the current client attached to no change: lost cross-sell attempts and open pipeline. */
  pipeline(): void {
    const { rng, cal, book, ci, pricing } = this;
    const p = book.primary[ci]!;
    const co = book.coManager[ci]!;
    const origin = book.originDay[ci]!;
    const product = () => pricing.productOf(rng.int(0, HUBS.length - 1));
    const type = (): DealType => (rng.chance(0.6) ? 'sourced' : 'assisted');
    if (book.relation[ci] !== MANAGED_ONLY) {
      if (rng.chance(0.22) && origin < cal.endDay - 20) {
        const prod = product();
        const created = rng.int(Math.max(cal.startDay, origin - 30), cal.endDay - 20);
        const closed = Math.min(cal.endDay, created + rng.int(10, 80));
        this.add(p, prod, type(), 'closed_lost', created, closed, pricing.listPrice(prod));
      }
      if (rng.chance(0.14)) {
        const prod = product();
        const created = rng.int(Math.max(cal.startDay, origin, cal.endDay - 150), cal.endDay);
        const owner = co >= 0 && rng.chance(0.2) ? co : p;
        this.add(owner, prod, type(), 'open', created, -1, pricing.listPrice(prod));
      }
    } else if (rng.chance(0.05)) {
      const prod = product();
      const created = rng.int(Math.max(cal.startDay, origin, cal.endDay - 120), cal.endDay);
      this.add(co >= 0 ? co : p, prod, 'assisted', 'open', created, -1, pricing.listPrice(prod));
    }
  }

  private add(
    partner: number,
    prod: number,
    type: DealType,
    stage: DealStage,
    created: number,
    closed: number,
    amountMinor: number,
  ): number {
    const client = this.book.rows[this.ci]!;
    const n = this.deals.length;
    if (n === this.dealDay.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.dealDay);
      this.dealDay = grown;
    }
    this.dealDay[n] = created;
    this.deals.push({
      dealId: '',
      partnerId: this.partners.rows[partner]!.partnerId,
      clientId: client.clientId,
      type,
      stage,
      createdOn: this.cal.iso(created),
      closedOn: closed < 0 ? null : this.cal.iso(closed),
      amount: amountMinor * this.pricing.mult,
      currency: client.currency,
      products: this.productArrays[prod]!,
      name: `${client.name} - ${PRODUCTS[prod]}`,
    });
    return n;
  }
}
