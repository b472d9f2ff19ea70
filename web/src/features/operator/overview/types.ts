// The answer of GET /api/v1/overview (src/features/operator-overview/schemas.ts).
export type Filters = Record<string, string>;

export interface Overview {
  today: string;
  partners: number;
  tiers: {
    tierId: string | null;
    name: string | null;
    credited: number;
    performing: number;
    creditedFilters: Filters;
    performingFilters: Filters;
  }[];
  distribution: {
    bucketWidth: number;
    buckets: { from: number; to: number; partners: number; filters: Filters }[];
  };
  movers: {
    since: string;
    tierUp: { partners: number; filters: Filters };
    tierDown: { partners: number; filters: Filters };
    gains: { partners: Mover[]; filters: Filters };
    losses: { partners: Mover[]; filters: Filters };
  };
  atRisk: {
    reviewDay: string | null;
    partners: number;
    filters: Filters;
    list: {
      partnerId: string;
      name: string;
      credited: string | null;
      performance: string | null;
      pointsShort: { total: number };
    }[];
  };
  renewals: {
    days: number;
    renewals: number;
    partners: number;
    filters: Filters;
    list: {
      partnerId: string;
      partnerName: string;
      clientName: string;
      product: string;
      renewalDate: string;
    }[];
  };
  freshness: {
    lastImport: { status: string; at: string } | null;
    programLoadedAt: string | null;
    lastLiveChangeAt: string | null;
    derivedAsOf: string | null;
  };
}

export interface Mover {
  partnerId: string;
  name: string;
  change: number;
  total: number;
}

/** The partners table opened with a figure's filters. */
export function partnersLink(filters: Filters): string {
  const query = new URLSearchParams(filters).toString();
  return query ? `/operator/partners?${query}` : '/operator/partners';
}
