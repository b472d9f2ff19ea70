// What every exportable report is: its parameters and its definition (reports.ts lists them).
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ExportColumn } from './writer.ts';

export interface ReportParams {
  /** One partner; null: every partner (operators only). */
  partnerId: string | null;
  from: IsoDate;
  to: IsoDate;
  on: IsoDate;
  /** One metric, or several comma-separated; null: all of them. */
  metric: string | null;
}

export interface ReportDefinition<Row> {
  /** Metrics the report takes (`--metric`), none when empty. */
  metrics: readonly string[];
  /** Whether the report needs a date range (from, to) or a day (on). */
  uses: 'range' | 'day';
  /** Only operators may export it (it lists partners). */
  operatorOnly: boolean;
  columns: readonly ExportColumn<Row>[];
  rows(db: Queryable, params: ReportParams): AsyncIterable<Row>;
}
