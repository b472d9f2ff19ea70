import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFileError, type CsvRow, firstInvalidUtf8, readCsv } from './reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  n += 1;
  const path = join(dir, `f${n}.csv`);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const batch of readCsv(path)) out.push(...batch);
  return out;
}

async function failure(path: string): Promise<{ line: number; message: string }> {
  try {
    await readAll(path);
  } catch (error) {
    if (error instanceof CsvFileError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected a CsvFileError');
}

describe('readCsv', () => {
  it('reads rows with the line each starts on', async () => {
    const rows = await readAll(file('a,b,c\r\n1,"x, ""y""",3\n\n  \n4,"multi\nline",6\n7,8,\n9,,"q"'));
    expect(rows).toEqual([
      { line: 1, values: ['a', 'b', 'c'] },
      { line: 2, values: ['1', 'x, "y"', '3'] },
      { line: 5, values: ['4', 'multi\nline', '6'] },
      { line: 7, values: ['7', '8', ''] },
      { line: 8, values: ['9', '', 'q'] },
    ]);
  });

  it('strips a UTF-8 byte-order mark and keeps a quote inside an unquoted value', async () => {
    const rows = await readAll(file(Buffer.from('\uFEFFid,name\n1,5" screen\n', 'utf8')));
    expect(rows.map((r) => r.values)).toEqual([
      ['id', 'name'],
      ['1', '5" screen'],
    ]);
  });

  it('agrees with csv-parse across chunk boundaries, multi-byte characters and quoted line breaks', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ['plain', 'ö', '€uro', '😀', ' ', ',', '"', '\n', '\r\n', 'x'.repeat(50)];
    const lines: string[] = [];
    const expectedLines: number[] = [];
    let line = 1;
    for (let r = 0; r < 6000; r++) {
      const values: string[] = [];
      for (let c = 0; c < 4; c++) {
        let v = '';
        const len = Math.floor(random() * 4);
        for (let k = 0; k < len; k++) v += pieces[Math.floor(random() * pieces.length)];
        values.push(/[",\n\r]/.test(v) || random() < 0.1 ? `"${v.replaceAll('"', '""')}"` : v);
      }
      const text = values.join(',');
      lines.push(text);
      expectedLines.push(line);
      line += (text.match(/\n/g) ?? []).length + 1;
    }
    const content = `${lines.join(random() < 0.5 ? '\n' : '\r\n')}\n`;
    const rows = await readAll(file(content));
    const oracle = parse(content, {
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
    }) as string[][];
    expect(rows.map((r) => r.values)).toEqual(oracle);
    expect(rows.map((r) => r.line)).toEqual(expectedLines);
  });

  it('reads a file of a few bytes', async () => {
    expect(await readAll(file('a\n'))).toEqual([{ line: 1, values: ['a'] }]);
    expect(await readAll(file('a'))).toEqual([{ line: 1, values: ['a'] }]);
  });

  it('reports an empty file, and a file of blank lines', async () => {
    expect(await failure(file(''))).toEqual({ line: 1, message: 'file is empty (expected a header row)' });
    expect((await failure(file('\n\n'))).message).toMatch(/no header row/);
    expect((await failure(file(Buffer.from([0xef, 0xbb, 0xbf])))).message).toMatch(/file is empty/);
  });

  it('reports an unterminated quote at the line its row starts on', async () => {
    const f = await failure(file('a,b\n1,2\n3,"never closed\nmore text\n'));
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/not closed before the end of the file/);
  });

  it('reports text after a closing quote', async () => {
    expect((await failure(file('a,b\n1,"x"y\n'))).line).toBe(2);
  });

  it('refuses UTF-16 and Latin-1, naming the line', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]);
    expect(await failure(file(utf16))).toEqual({
      line: 1,
      message: 'file is not UTF-8 (found a UTF-16 byte-order mark); save it as UTF-8',
    });
    const latin1 = Buffer.from('id,name\n1,Acme\n2,M\u00fcller GmbH\n', 'latin1');
    const f = await failure(file(latin1));
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/not UTF-8: byte 0xFC/);
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(Buffer.from('ok ö € 😀', 'utf8'))).toBe(Buffer.byteLength('ok ö € 😀'));
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0x28]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
  });
});
