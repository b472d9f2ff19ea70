// The facts the engine reads: what the vendor told us, never computed.
// Amounts are Scaled integers (ten-thousandths of the currency unit), dates ISO strings.
import type { IsoDate } from './dates.ts';
import type { Scaled } from './money.ts';
import type { DealType } from './program.ts';

export interface ClientFact {
  clientId: string;
  name?: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** ISO 4217; every MRR change of the client is in this currency. */
  currency: string;
}

export type ChangeReason =
  | 'new'
  | 'cross_sell'
  | 'upsell'
  | 'downgrade'
  | 'churn'
  | 'price_change'
  | 'discount_change'
  | 'renewal';

export interface MrrChangeFact {
  changeId: string;
  clientId: string;
  product: string;
  date: IsoDate;
  /** The product line's MRR after the change. */
  mrrAfter: Scaled;
  dealId?: string | null;
  reason?: ChangeReason | null;
}

export type DealStage = 'open' | 'closed_won' | 'closed_lost';

export interface DealFact {
  dealId: string;
  partnerId: string;
  clientId: string;
  type: DealType;
  stage: DealStage;
  createdOn: IsoDate;
  closedOn?: IsoDate | null;
  /** MRR */
  amount: Scaled;
  currency: string;
  products?: string[];
  name?: string | null;
}

export interface ManagementFact {
  partnerId: string;
  clientId: string;
  startDate: IsoDate;
  /** The first day without management; null while it lasts. */
  endDate?: IsoDate | null;
}

export interface CertificationFact {
  partnerId: string;
  name: string;
  validFrom: IsoDate;
  /** Inclusive. */
  validUntil: IsoDate;
}

export type RenewalStatus = 'pending' | 'confirmed' | 'renewed' | 'cancellation_requested';

export interface RenewalFact {
  clientId: string;
  product: string;
  renewalDate: IsoDate;
  status: RenewalStatus;
  projectedMrrChange?: Scaled | null;
  renewalManager?: string | null;
  communicationOwner?: string | null;
}

export interface UsageFact {
  clientId: string;
  /** YYYY-MM */
  month: string;
  toolsUsed: number;
  engagementScore?: number | null;
}

/**
 * Everything the engine needs to derive one partner. `changes`, `deals` and
 * `managements` cover every client the partner manages or has a deal with, and
 * include other partners' rows for those clients: sold entries of a product line
 * are derived for the whole line (a decrease consumes the newest entries whoever
 * holds them) and managed credit is split among all managers.
 */
export interface PartnerFacts {
  partnerId: string;
  clients: readonly ClientFact[];
  changes: readonly MrrChangeFact[];
  deals: readonly DealFact[];
  managements: readonly ManagementFact[];
  certifications: readonly CertificationFact[];
  renewals?: readonly RenewalFact[];
  usage?: readonly UsageFact[];
}

/** A product line is one product of one client. */
export function lineKey(clientId: string, product: string): string {
  return `${clientId}\u0000${product}`;
}

/** Code-point order of two strings (change ids on one date apply in this order). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
