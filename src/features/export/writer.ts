// The one export writer: a table (columns and rows) as a CSV or XLSX file. Every export (the
// partners table, the audit log, an import's errors and rejects, the reports) goes through
// here, so the header row, quoting, formula escaping, the UTF-8 byte-order mark (Excel reads
// accents right), number and date cells and the download headers are the same everywhere.
// Large exports stream: rows are written as they come, a block at a time.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { foldAccents } from '../../domain/text.ts';
import { xlsxStream } from './xlsx.ts';

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
/** Rows per CSV block (one write). */
const BLOCK = 1_000;

/**
 * A text cell a spreadsheet would run as a formula (`= + - @`, a tab or a carriage return
 * first) gets a leading apostrophe, which spreadsheets show as text.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Written here rather than with csv-stringify, which measured a third of this
 * speed (125k against 400k rows/s of 22 cells, bench/export.ts) and capped the export.
 * Tests read every file back with csv-parse.
 */
function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = safeText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const NEEDS_QUOTES = /[",\r\n]/;

function csvLine<Row>(columns: readonly ExportColumn<Row>[], row: Row): string {
  let line = csvField(columns[0]?.value(row));
  for (let i = 1; i < columns.length; i++) line += `,${csvField(columns[i]!.value(row))}`;
  return `${line}\n`;
}

const headerLine = <Row>(columns: readonly ExportColumn<Row>[]) =>
  `${columns.map((c) => csvField(c.header)).join(',')}\n`;

/** The CSV text: a header row, then one line per row; empty cells for null/undefined. */
export function csvText<Row>(columns: readonly ExportColumn<Row>[], rows: Iterable<Row>): string {
  let text = BOM + headerLine(columns);
  for (const row of rows) text += csvLine(columns, row);
  return text;
}

async function* csvBlocks<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): AsyncGenerator<string> {
  yield BOM + headerLine(columns);
  let block = '';
  let n = 0;
  for await (const row of rows) {
    block += csvLine(columns, row);
    if (++n % BLOCK === 0) {
      yield block;
      block = '';
    }
  }
  if (block.length > 0) yield block;
}

/** The file as a stream of bytes, written as the rows come. */
export function exportStream<Row>(
  format: ExportFormat,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  sheetName = 'Export',
): Readable {
  return format === 'xlsx'
    ? xlsxStream(columns, rows, sheetName, safeText)
    : Readable.from(csvBlocks(columns, rows));
}

/** A safe ASCII file name for Content-Disposition: letters, digits, dot, dash, underscore. */
export function exportFileName(name: string, extension = 'csv'): string {
  // Accents folded first (Åkerlund → Akerlund), then what is not a safe character.
  const base = foldAccents(name)
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

/**
 * The Content-Disposition of a download: the ASCII name for every client, and where the name
 * has other letters (Åkerlund, Müller) the UTF-8 name too (RFC 6266 `filename*`), which
 * browsers prefer. Characters no file system takes become dashes.
 */
export function contentDisposition(name: string, extension: ExportFormat = 'csv'): string {
  const ascii = `attachment; filename="${exportFileName(name, extension)}"`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
  const unicode = name.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '-').trim();
  if (!/[^ -~]/.test(unicode)) return ascii;
  const full = unicode.toLowerCase().endsWith(`.${extension}`) ? unicode : `${unicode}.${extension}`;
  const encoded = encodeURIComponent(full).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${ascii}; filename*=UTF-8''${encoded}`;
}

function attachment(reply: FastifyReply, filename: string, format: ExportFormat = 'csv'): FastifyReply {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', contentDisposition(filename, format));
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
