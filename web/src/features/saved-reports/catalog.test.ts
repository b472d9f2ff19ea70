// The Save as report panel's catalog is the server's report definitions, report by report:
// the same metrics, the same column headers in the same order, and a filter offered exactly
// where the report has the column it filters on (the server refuses anything else).
import { describe, expect, it } from 'vitest';
import { REPORT_NAMES, REPORTS } from '../../../../src/features/export/reports.ts';
import { REPORT_CATALOG } from './catalog.ts';

describe('REPORT_CATALOG', () => {
  it.each(REPORT_NAMES)('%s matches the server definition', (name) => {
    const server = REPORTS[name];
    const headers = server.columns.map((c) => c.header);
    const web = REPORT_CATALOG[name];
    expect(web.metrics).toEqual(server.metrics);
    expect(web.columns).toEqual(headers);
    expect(web.dealType).toBe(headers.includes('deal_type'));
    expect(web.marketType).toBe(headers.includes('growth_market'));
  });
});
