// What a saved report can be, report by report, from the export definitions (export/
// reports.ts, the one place they are defined): its metrics, its column headers in order,
// and the filters its rows take (a deal type filter where it has a deal_type column, a
// market filter where it has growth_market). Served as GET /api/v1/saved-reports/catalog
// for the Save as report panel.
import { REPORT_NAMES, REPORTS, type ReportName } from '../export/reports.ts';

export interface CatalogEntry {
  report: ReportName;
  metrics: string[];
  uses: 'range' | 'day';
  dealType: boolean;
  marketType: boolean;
  columns: string[];
}

export function reportCatalog(): { reports: CatalogEntry[] } {
  return {
    reports: REPORT_NAMES.map((report) => {
      const definition = REPORTS[report];
      const columns = definition.columns.map((c) => c.header);
      return {
        report,
        metrics: [...definition.metrics],
        uses: definition.uses,
        dealType: columns.includes('deal_type'),
        marketType: columns.includes('growth_market'),
        columns,
      };
    }),
  };
}
