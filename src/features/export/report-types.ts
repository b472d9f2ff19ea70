// What every exportable report is: its parameters and its definition (reports.ts lists them).
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Relationship } from '../clients/schemas.ts';
import type { ExportColumn } from './writer.ts';

export interface ReportParams {
  /** One partner; null: every partner (operators only). */
  partnerId: string | null;
  from: IsoDate;
  to: IsoDate;
  on: IsoDate;
  /** One metric, or several comma-separated; null: all of them. */
  metric: string | null;
  /** One client of the partner (`client` filter); null: every client. */
  client: string | null;
  /** Part of a client's name or id (`q` filter: the clients table's search); null: any. */
  q: string | null;
  /** The partner's relationship with the client (`relationship` filter); null: any. */
  relationship: Relationship | null;
}

/** The row filters a report may take besides its dates and metric. */
export const REPORT_FILTERS = ['client', 'q', 'relationship'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

export interface ReportDefinition<Row> {
  /** Metrics the report takes (`--metric`), none when empty. */
  metrics: readonly string[];
  /** Whether the report needs a date range (from, to) or a day (on). */
  uses: 'range' | 'day';
  /** Only operators may export it (it lists partners). */
  operatorOnly: boolean;
  /** The row filters it takes (any other is refused with a 400); none when absent. */
  filters?: readonly ReportFilter[];
  columns: readonly ExportColumn<Row>[];
  rows(db: Queryable, params: ReportParams): AsyncIterable<Row>;
}
