// A partner's standing: points, tiers, program-progress metrics and tier insights on a day.
// The fast path reads the derived row (partner_state, as of the last derivation); another
// day, or a partner never derived, runs the engine on the partner's facts instead.

import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Ledger, PointsSummary } from '../../domain/ledger.ts';
import { scaledFromNumber } from '../../domain/money.ts';
import { derivePartner } from '../../domain/partner.ts';
import type { Program } from '../../domain/program.ts';
import { loadPartnerFacts, summaryJson } from '../points/repository.ts';
import { type Money, money, pointsOf } from '../portal/json.ts';
import { programOfVersion } from '../portal/program.ts';
import { countRenewalAlerts, type SummaryRow, summaryRow } from './repository.ts';

type SummaryJson = ReturnType<typeof summaryJson>;
export type StoredMetrics = SummaryJson['metrics'] & { renewalAlerts?: number };
export type StoredInsights = SummaryJson['insights'];

export interface Standing {
  partner: { partnerId: string; name: string; country: string; currency: string };
  program: Program;
  asOf: IsoDate;
  /** derived: read from partner_state; computed: the engine ran for this request. */
  source: 'derived' | 'computed';
  points: PointsSummary;
  certified: boolean;
  performance: string | null;
  credited: string | null;
  metrics: StoredMetrics;
  insights: StoredInsights;
  renewalAlerts: number;
  /** computed only: the ledger the engine derived (for figures the derived tables do not hold). */
  ledger?: Ledger;
}

/**
 * The standing as of the last derivation (`on` undefined), or on a given day. `today` is
 * the day used for a partner that was never derived. `row`: the partner's summary row when
 * already read (with the session: summaryPreload).
 */
export async function partnerStanding(
  db: Queryable,
  partnerId: string,
  options: { on?: IsoDate | undefined; today: IsoDate; row?: SummaryRow | undefined },
): Promise<Standing> {
  const { on } = options;
  const row = options.row?.partnerId === partnerId ? options.row : await summaryRow(db, partnerId);
  if (!row) throw new AppError('not_found', 'No such partner');
  const program = await programOfVersion(db, row.programVersion ?? 0);
  const partner = { partnerId: row.partnerId, name: row.name, country: row.country, currency: row.currency };
  if (row.asOf !== null && (on === undefined || on === row.asOf)) {
    const sourced = pointsOf(row.sourced);
    const assisted = pointsOf(row.assisted);
    const managed = pointsOf(row.managed);
    const metrics = row.metrics as StoredMetrics;
    const alerts =
      typeof metrics.renewalAlerts === 'number'
        ? metrics.renewalAlerts
        : await countRenewalAlerts(
            db,
            partnerId,
            row.asOf,
            program.renewals.horizonDays,
            program.renewals.decisionLeadDays,
          );
    return {
      partner,
      program,
      asOf: row.asOf,
      source: 'derived',
      points: { sourced, assisted, sold: sourced + assisted, managed, total: sourced + assisted + managed },
      certified: row.certified === true,
      performance: row.performance,
      credited: row.credited,
      metrics,
      insights: row.insights as StoredInsights,
      renewalAlerts: alerts,
    };
  }
  const day = on ?? row.asOf ?? options.today;
  const facts = (await loadPartnerFacts(db, [partnerId])).get(partnerId)!;
  const d = derivePartner(program, facts, day);
  const json = summaryJson(d) as { metrics: StoredMetrics; insights: StoredInsights };
  const { sourced, assisted, sold, managed, total } = d.current;
  return {
    partner,
    program,
    asOf: day,
    source: 'computed',
    points: { sourced, assisted, sold, managed, total },
    certified: d.current.certified,
    performance: d.current.tier,
    credited: d.current.credited,
    metrics: json.metrics,
    insights: json.insights,
    renewalAlerts: json.metrics.renewalAlerts ?? 0,
    ledger: d.ledger,
  };
}

/** A base-currency figure stored as a JSON number in the metrics. */
export function storedMoney(value: number | null | undefined, currency: string): Money | null {
  if (typeof value !== 'number') return null;
  const scaled = scaledFromNumber(value);
  return typeof scaled === 'number' ? money(scaled, currency) : null;
}
