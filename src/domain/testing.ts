// Builders of partner facts for tests: amounts in currency units, everything else as the
// import files name it. Used by the engine's tests and property tests.
import type {
  CertificationFact,
  ChangeReason,
  ClientFact,
  DealFact,
  ManagementFact,
  MrrChangeFact,
  PartnerFacts,
  RenewalFact,
  UsageFact,
} from './facts.ts';
import { scaled } from './money.ts';
import type { DealType } from './program.ts';

export class FactsBuilder {
  readonly clients: ClientFact[] = [];
  readonly changes: MrrChangeFact[] = [];
  readonly deals: DealFact[] = [];
  readonly managements: ManagementFact[] = [];
  readonly certifications: CertificationFact[] = [];
  readonly renewals: RenewalFact[] = [];
  readonly usage: UsageFact[] = [];
  private changeSeq = 0;

  constructor(readonly partnerId: string) {}

  client(clientId: string, country = 'US', currency = 'USD'): this {
    this.clients.push({ clientId, name: clientId, country, currency });
    return this;
  }

  /** A closed-won deal of this partner (or `partnerId`) on a client. */
  deal(
    dealId: string,
    clientId: string,
    opts: { type?: DealType; closedOn?: string; partnerId?: string; stage?: DealFact['stage'] } = {},
  ): this {
    const client = this.clients.find((c) => c.clientId === clientId);
    this.deals.push({
      dealId,
      partnerId: opts.partnerId ?? this.partnerId,
      clientId,
      type: opts.type ?? 'sourced',
      stage: opts.stage ?? 'closed_won',
      createdOn: opts.closedOn ?? '2020-01-01',
      closedOn: (opts.stage ?? 'closed_won') === 'closed_won' ? (opts.closedOn ?? '2020-01-01') : null,
      amount: 0,
      currency: client?.currency ?? 'USD',
    });
    return this;
  }

  /** The line's MRR after the change, in currency units. */
  mrr(
    clientId: string,
    product: string,
    date: string,
    mrrAfter: number,
    opts: { deal?: string; id?: string; reason?: ChangeReason } = {},
  ): this {
    this.changeSeq += 1;
    this.changes.push({
      changeId: opts.id ?? `CH${String(this.changeSeq).padStart(6, '0')}`,
      clientId,
      product,
      date,
      mrrAfter: scaled(mrrAfter),
      dealId: opts.deal ?? null,
      reason: opts.reason ?? null,
    });
    return this;
  }

  manage(
    clientId: string,
    startDate: string,
    endDate: string | null = null,
    partnerId = this.partnerId,
  ): this {
    this.managements.push({ partnerId, clientId, startDate, endDate });
    return this;
  }

  certify(validFrom: string, validUntil: string, name = 'Partner certification'): this {
    this.certifications.push({ partnerId: this.partnerId, name, validFrom, validUntil });
    return this;
  }

  renewal(clientId: string, product: string, renewalDate: string, status: RenewalFact['status']): this {
    this.renewals.push({ clientId, product, renewalDate, status });
    return this;
  }

  use(clientId: string, month: string, toolsUsed: number, engagementScore?: number): this {
    this.usage.push({ clientId, month, toolsUsed, engagementScore: engagementScore ?? null });
    return this;
  }

  build(): PartnerFacts {
    return {
      partnerId: this.partnerId,
      clients: [...this.clients],
      changes: [...this.changes],
      deals: [...this.deals],
      managements: [...this.managements],
      certifications: [...this.certifications],
      renewals: [...this.renewals],
      usage: [...this.usage],
    };
  }
}

export const facts = (partnerId = 'P1') => new FactsBuilder(partnerId);
