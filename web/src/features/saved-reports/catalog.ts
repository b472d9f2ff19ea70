// What the Save as report panel offers for each report: its metrics, its filters and its
// column headers, as the server's export definitions name them (src/features/export/
// reports.ts and portal-reports.ts; the server refuses anything else with a 400).
import type { SavedReportDefinition } from '../../lib/api-types.ts';

export type SavedReportName = SavedReportDefinition['report'];

export interface ReportCatalogEntry {
  metrics: readonly string[];
  /** Filters the report's rows can take (it has a deal_type / growth_market column). */
  dealType: boolean;
  marketType: boolean;
  columns: readonly string[];
}

const RULE = ['rule_set', 'rate', 'growth_multiplier', 'currency', 'currency_per_100'];
const money = (name: string) => [name, `${name}_currency`];

export const REPORT_CATALOG: Record<SavedReportName, ReportCatalogEntry> = {
  'point-changes': {
    metrics: [
      'new-sold',
      'increased-sold',
      'expired-sold',
      'decreased-sold',
      'declined-sold',
      'new-managed',
      'lost-managed',
    ],
    dealType: true,
    marketType: true,
    columns: [
      'partner_id',
      'client_id',
      'client_name',
      'product',
      'date',
      'points',
      ...RULE,
      'metric',
      'growth_market',
      'deal_type',
      'entry_id',
      'change_id',
      'deal_id',
      'managed_before',
      'managed_after',
    ],
  },
  'sold-entries': {
    metrics: [],
    dealType: true,
    marketType: true,
    columns: [
      'partner_id',
      'client_id',
      'client_name',
      'product',
      'deal_type',
      'earned_on',
      'expires_on',
      'backing',
      'points',
      'remaining_points',
      'status',
      ...RULE,
      'entry_id',
      'deal_id',
      'kind',
      'remaining_backing',
      'country',
      'growth_market',
    ],
  },
  deals: {
    metrics: ['created', 'in-flight', 'closed-won'],
    dealType: true,
    marketType: false,
    columns: [
      'partner_id',
      'deal_id',
      'deal_name',
      'client_id',
      'client_name',
      'deal_type',
      'stage',
      'created_on',
      'closed_on',
      ...money('amount'),
      ...money('amount_base'),
      'products',
      'metric',
    ],
  },
  clients: {
    metrics: [],
    dealType: false,
    marketType: false,
    columns: [
      'partner_id',
      'client_id',
      'client_name',
      'relationship',
      'country',
      ...money('mrr'),
      ...money('mrr_base'),
      'managers',
      'sourced_points',
      'assisted_points',
      'sold_points',
      'managed_points',
      'total_points',
      'products',
    ],
  },
  renewals: {
    metrics: [],
    dealType: false,
    marketType: false,
    columns: [
      'partner_id',
      'client_id',
      'client_name',
      'product',
      'renewal_date',
      'status',
      'days_to_renewal',
      'decision_deadline',
      ...money('current_mrr'),
      ...money('mrr_change'),
      'renewal_manager',
      'communication_owner',
      'last_active_user',
      'last_active_on',
    ],
  },
  commission: {
    metrics: [],
    dealType: false,
    marketType: false,
    columns: [
      'partner_id',
      'deal_id',
      'client_id',
      'month_of_service',
      ...money('backing'),
      ...money('amount'),
      ...money('amount_base'),
      'quarter',
      'payout_date',
      'payout_status',
    ],
  },
  partners: {
    metrics: [],
    dealType: false,
    marketType: false,
    columns: ['partner_id', 'name', 'total', 'sold', 'managed', 'performance', 'credited', 'country'],
  },
};

/** The number of days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(1, Math.round(ms / 86_400_000) + 1);
}
