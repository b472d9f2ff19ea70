import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentDisposition, csvText, type ExportColumn, exportFileName, exportStream } from './writer.ts';

describe('the export writer', () => {
  it('writes a header and quotes what needs quoting, readable back cell for cell', () => {
    const rows = [
      { name: 'Åkerlund, "AB"', total: 1250.5, active: true },
      { name: 'Line\nbreak', total: null, active: false },
      { name: 'Carriage\rreturn, then "quotes"', total: 0.1, active: false },
    ];
    const text = csvText(
      [
        { header: 'name', value: (r: (typeof rows)[number]) => r.name },
        { header: 'total', value: (r) => r.total },
        { header: 'active', value: (r) => r.active },
      ],
      rows,
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parse(text.slice(1))).toEqual([
      ['name', 'total', 'active'],
      ['Åkerlund, "AB"', '1250.5', 'true'],
      ['Line\nbreak', '', 'false'],
      ['Carriage\rreturn, then "quotes"', '0.1', 'false'],
    ]);
  });

  it('keeps file names to safe characters', () => {
    expect(exportFileName('partners 2026-12-06.csv')).toBe('partners-2026-12-06.csv');
    expect(exportFileName('"; rm -rf')).toBe('rm-rf.csv');
    expect(exportFileName('lost sold', 'xlsx')).toBe('lost-sold.xlsx');
    expect(exportFileName('///')).toBe('export.csv');
  });

  it('names the download in UTF-8 too when the name has other letters', () => {
    expect(contentDisposition('Lost sold, 2026')).toBe('attachment; filename="Lost-sold-2026.csv"');
    expect(contentDisposition('Åkerlund & Söner (Q1)', 'xlsx')).toBe(
      `attachment; filename="Akerlund-Soner-Q1.xlsx"; filename*=UTF-8''%C3%85kerlund%20%26%20S%C3%B6ner%20%28Q1%29.xlsx`,
    );
    expect(contentDisposition('Müller: "a/b"')).toMatch(/filename\*=UTF-8''M%C3%BCller-%20-a-b-\.csv$/);
  });

  it('writes an XLSX that a spreadsheet reads back: text, numbers, real dates, booleans', async () => {
    interface Row {
      name: string;
      day: string;
      total: number | null;
      active: boolean;
    }
    const columns: ExportColumn<Row>[] = [
      { header: 'name', value: (r) => r.name },
      { header: 'day', type: 'date', value: (r) => r.day },
      { header: 'total', type: 'number', value: (r) => r.total },
      { header: 'active', value: (r) => r.active },
    ];
    const rows: Row[] = [
      { name: '=HYPERLINK("http://x")', day: '2026-02-28', total: 1250.5, active: true },
      { name: '  Åkerlund & <Söner>\u0007 ', day: '1999-12-31', total: null, active: false },
      { name: 'Line\nbreak', day: 'not a day', total: -0.25, active: true },
    ];
    const workbook = new ExcelJS.Workbook();
    const file = await buffer(exportStream('xlsx', columns, rows, 'Sold: entries/2026'));
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Sold  entries 2026');
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['name', 'day', 'total', 'active'],
      ['\'=HYPERLINK("http://x")', new Date('2026-02-28T00:00:00Z'), 1250.5, true],
      ['  Åkerlund & <Söner> ', new Date('1999-12-31T00:00:00Z'), undefined, false],
      ['Line\nbreak', 'not a day', -0.25, true],
    ]);
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(1).font?.bold ?? sheet.getCell('A1').font?.bold).toBe(true);
  });
});
