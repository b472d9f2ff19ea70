// The one export writer: a table (columns and rows) as a CSV download. Every export (the
// partners table, the audit log, an import's errors and rejects, later the reports) goes
// through here, so quoting, the header row, the UTF-8 byte-order mark (Excel reads accents
// right) and the download headers are the same everywhere.
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

export interface ExportColumn<Row> {
  /** The header cell. */
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

const BOM = '\uFEFF';

/** The CSV text: a header row, then one line per row; empty cells for null/undefined. */
export function csvText<Row>(columns: readonly ExportColumn<Row>[], rows: Iterable<Row>): string {
  const records: (string | number | boolean)[][] = [columns.map((c) => c.header)];
  for (const row of rows) records.push(columns.map((c) => c.value(row) ?? ''));
  return BOM + stringify(records, { cast: { boolean: (v) => (v ? 'true' : 'false') } });
}

/** A safe file name for Content-Disposition: letters, digits, dot, dash, underscore. */
export function exportFileName(name: string): string {
  const base = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return base.length > 0 ? base : 'export.csv';
}

function csvAttachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${exportFileName(filename)}"`);
}

/** Answers a CSV written earlier (an import's errors or rejects, kept with its job). */
export function sendStoredCsv(reply: FastifyReply, filename: string, content: Buffer): FastifyReply {
  return csvAttachment(reply, filename).send(content);
}

/** Answers the table as a CSV attachment named `filename`. */
export function sendCsv<Row>(
  reply: FastifyReply,
  filename: string,
  columns: readonly ExportColumn<Row>[],
  rows: Iterable<Row>,
): FastifyReply {
  return csvAttachment(reply, filename).send(csvText(columns, rows));
}
