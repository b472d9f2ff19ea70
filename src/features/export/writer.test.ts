import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, exportFileName } from './writer.ts';

describe('the export writer', () => {
  it('writes a header and quotes what needs quoting, readable back cell for cell', () => {
    const rows = [
      { name: 'Åkerlund, "AB"', total: 1250.5, active: true },
      { name: 'Line\nbreak', total: null, active: false },
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
    ]);
  });

  it('keeps file names to safe characters', () => {
    expect(exportFileName('partners 2026-12-06.csv')).toBe('partners-2026-12-06.csv');
    expect(exportFileName('"; rm -rf')).toBe('rm-rf.csv');
    expect(exportFileName('lost sold', 'xlsx')).toBe('lost-sold.xlsx');
    expect(exportFileName('///')).toBe('export.csv');
  });
});
