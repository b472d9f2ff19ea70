// The rows of a generated dataset: the import files of DATA_AND_INTERFACES §1 as
// objects, with the engine's fact types where one exists. Amounts are Scaled integers
// (money.ts) in the row's currency. Arrays inside rows (deal.products,
// usage.productsUsed/appsUsed) are shared between rows to keep large datasets small:
// treat every row as read-only.
import type { IsoDate } from '../../domain/dates.ts';
import type {
  CertificationFact,
  ClientFact,
  DealFact,
  ManagementFact,
  MrrChangeFact,
  RenewalFact,
  UsageFact,
} from '../../domain/facts.ts';
import type { Scaled } from '../../domain/money.ts';
import type { Program } from '../../domain/program.ts';

export interface GenerateOptions {
  partners: number;
  clients: number;
  /** Length of the history: changes, deals and managements fall in [endDate - months, endDate]. */
  months: number;
  seed: number | string;
  /** "Today" of the dataset; no clock is read. */
  endDate: IsoDate;
  /** Average MRR changes per client (default 10); the total is exactly round(clients * changesPerClient). */
  changesPerClient?: number;
  /**
   * Usage rows for at most the last N calendar months (default: every month of the history,
   * months + 1 of them). A month's values do not depend on N; the benchmark can pass 1-3 to
   * save memory (usage is the largest table: ~4M rows, ~40% of the heap at bench size).
   */
  usageMonths?: number;
  /** The program whose commission the past payments follow (default: the example program). */
  program?: Program;
}

export interface PartnerRow {
  partnerId: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** The currency the partner is paid in. */
  currency: string;
  website: string;
}

export interface TeamContactRow {
  partnerId: string;
  /** e.g. Partner Development Manager */
  role: string;
  name: string;
  email: string;
  description: string;
}

export interface ClientRow extends ClientFact {
  name: string;
  domain: string;
  industry: string;
  employees: number;
  contactTier: string;
  emailTier: string;
  accountUrl: string;
  crmUrl: string;
}

export interface UsageRow extends UsageFact {
  engagementScore: number;
  productsUsed: readonly string[];
  appsUsed: readonly string[];
  lastActiveUser: string;
  lastActiveOn: IsoDate;
}

export interface PaymentRow {
  partnerId: string;
  paidOn: IsoDate;
  amount: Scaled;
  currency: string;
  reference: string;
}

export interface DatasetMeta {
  seed: number | string;
  /** endDate - months: the first day of the history. */
  startDate: IsoDate;
  endDate: IsoDate;
  months: number;
  changesPerClient: number;
  usageMonths: number;
}

export interface Dataset {
  meta: DatasetMeta;
  partners: PartnerRow[];
  certifications: CertificationFact[];
  team: TeamContactRow[];
  clients: ClientRow[];
  managements: ManagementFact[];
  /** Sorted by createdOn; deal ids ascend in that order. */
  deals: DealFact[];
  /** Sorted by date; change ids ascend in that order (same-date changes of a line apply in id order). */
  changes: MrrChangeFact[];
  renewals: RenewalFact[];
  usage: UsageRow[];
  payments: PaymentRow[];
}
