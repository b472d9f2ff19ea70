// The one export writer: a table (columns and rows) as a CSV or XLSX file. Every export (the
// partners table, the audit log, an import's errors and rejects, the reports) goes through
// here, so the header row, quoting, formula escaping, the UTF-8 byte-order mark (Excel reads
// accents right), number and date cells and the download headers are the same everywhere.
// Large exports stream: rows are written as they come, a block at a time.
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type Cell = string | number | boolean | null | undefined;

export interface ExportColumn<Row> {
  /** The header cell. */
  header: string;
  /** number: a numeric cell (CSV: `.` decimals); date: `YYYY-MM-DD` (XLSX: a real date). */
  type?: 'number' | 'date';
  value: (row: Row) => Cell;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const BOM = '\uFEFF';
/** Rows per CSV block (one stringify call, one write). */
const BLOCK = 1_000;

/**
 * A text cell a spreadsheet would run as a formula (`= + - @`, a tab or a carriage return
 * first) gets a leading apostrophe, which spreadsheets show as text.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return value;
  return safeText(value);
}

const csvRecord = <Row>(columns: readonly ExportColumn<Row>[], row: Row) =>
  columns.map((c) => csvCell(c.value(row)));

/** The CSV text: a header row, then one line per row; empty cells for null/undefined. */
export function csvText<Row>(columns: readonly ExportColumn<Row>[], rows: Iterable<Row>): string {
  const records: (string | number)[][] = [columns.map((c) => c.header)];
  for (const row of rows) records.push(csvRecord(columns, row));
  return BOM + stringify(records);
}

async function* csvBlocks<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): AsyncGenerator<string> {
  yield BOM + stringify([columns.map((c) => c.header)]);
  let block: (string | number)[][] = [];
  for await (const row of rows) {
    block.push(csvRecord(columns, row));
    if (block.length >= BLOCK) {
      yield stringify(block);
      block = [];
    }
  }
  if (block.length > 0) yield stringify(block);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function xlsxCell(column: ExportColumn<unknown>, value: Cell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.type === 'date' && typeof value === 'string' && ISO_DAY.test(value))
    return new Date(`${value}T00:00:00Z`);
  // Strings go in as strings, never as formulas; escaped all the same, as in the CSV, so a
  // cell reads the same in both files.
  return typeof value === 'string' ? safeText(value) : value;
}

/** The XLSX file as a stream: one sheet, the header row, then the rows (exceljs' streaming writer). */
function xlsxStream<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  sheetName: string,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'Export');
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.max(10, Math.min(40, c.header.length + 2)),
    ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  (async () => {
    let n = 0;
    for await (const row of rows) {
      sheet.addRow(columns.map((c) => xlsxCell(c as ExportColumn<unknown>, c.value(row)))).commit();
      // Let the file's reader catch up: the zip writer buffers what is not read yet.
      if (++n % BLOCK === 0 && out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** The file as a stream of bytes, written as the rows come. */
export function exportStream<Row>(
  format: ExportFormat,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  sheetName = 'Export',
): Readable {
  return format === 'xlsx' ? xlsxStream(columns, rows, sheetName) : Readable.from(csvBlocks(columns, rows));
}

/** A safe file name for Content-Disposition: letters, digits, dot, dash, underscore. */
export function exportFileName(name: string, extension = 'csv'): string {
  const base = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length === 0) return `export.${extension}`;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function attachment(reply: FastifyReply, filename: string, format: ExportFormat = 'csv'): FastifyReply {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${exportFileName(filename, format)}"`);
}

/** Answers a CSV written earlier (an import's errors or rejects, kept with its job). */
export function sendStoredCsv(reply: FastifyReply, filename: string, content: Buffer): FastifyReply {
  return attachment(reply, filename).send(content);
}

/** Answers the table as a CSV attachment named `filename`. */
export function sendCsv<Row>(
  reply: FastifyReply,
  filename: string,
  columns: readonly ExportColumn<Row>[],
  rows: Iterable<Row>,
): FastifyReply {
  return attachment(reply, filename).send(csvText(columns, rows));
}

/** Answers the rows as a streamed CSV or XLSX attachment: the download starts with the first block. */
export function sendExport<Row>(
  reply: FastifyReply,
  filename: string,
  format: ExportFormat,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): FastifyReply {
  return attachment(reply, filename, format).send(exportStream(format, columns, rows, filename));
}
