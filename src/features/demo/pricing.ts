// What a product costs a given client: list prices scale with company size (seats for
// Sales/Service, contacts for Marketing), convert to the client's currency at a rough
// rate, round to a "nice" local price and are sometimes discounted.
import { minorUnits } from '../../domain/money.ts';
import {
  type CurrencyInfo,
  editionOf,
  FIRST_HUB_WEIGHTS,
  hubOf,
  LIST_PRICE_USD,
  SIZE_ELASTICITY,
} from './catalog.ts';
import { type Rng, Weighted } from './random.ts';
import type { ClientRow } from './types.ts';

/** The hub a client buys first (and the preference among hubs it lacks). */
export const firstHub = new Weighted(FIRST_HUB_WEIGHTS);

const EDITION_BY_SIZE = [
  [60, 35, 5],
  [25, 60, 15],
  [5, 50, 45],
].map((w) => new Weighted(w.map((weight, edition) => [edition, weight] as const)));

/** round(minor * percent / 100), never below one minor unit: a running line never costs 0. */
export function scaleAmount(minor: number, percent: number): number {
  return Math.max(1, Math.round((minor * percent) / 100));
}

export class ClientPricing {
  /** Decimals of the client's currency (amounts are kept in its minor unit). */
  digits = 2;
  /** Minor units to Scaled (ten-thousandths). */
  mult = 100;
  private currency!: CurrencyInfo;
  private sizeClass = 0;
  private sizeScale = 1;

  constructor(private readonly rng: Rng) {}

  forClient(client: ClientRow, currency: CurrencyInfo): void {
    this.currency = currency;
    this.digits = minorUnits(client.currency);
    this.mult = 10 ** (4 - this.digits);
    this.sizeClass = client.employees < 20 ? 0 : client.employees < 200 ? 1 : 2;
    this.sizeScale = Math.min(12, Math.max(1, client.employees / 60));
  }

  /** A product of the hub in an edition that suits the client's size. */
  productOf(hub: number): number {
    return hub * 3 + EDITION_BY_SIZE[this.sizeClass]!.sample(this.rng);
  }

  /** List price of a product for this client, in minor units, sometimes discounted. */
  listPrice(prod: number): number {
    const cur = this.currency;
    const hub = hubOf(prod);
    const usd = LIST_PRICE_USD[hub]![editionOf(prod)]! * this.sizeScale ** SIZE_ELASTICITY[hub]!;
    const local = Math.max(cur.roundTo, Math.round((usd * cur.per100) / 100 / cur.roundTo) * cur.roundTo);
    const minor = local * 10 ** this.digits;
    return this.rng.chance(0.35) ? scaleAmount(minor, 100 - this.rng.int(5, 25)) : minor;
  }

  /** Minor units to USD at the rough rate (for commission estimates). */
  toUsd(minor: number): number {
    return (minor / 10 ** this.digits) * (100 / this.currency.per100);
  }
}
