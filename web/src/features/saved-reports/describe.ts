// How a saved report reads: its figure (points with up to 2 decimals, or a row count), its
// range as saved ("Last 30 days", or the dates), and its report and metric.
import { useTranslation } from 'react-i18next';
import type { ReportFigure, SavedReport } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';

export function useDescribe() {
  const { t } = useTranslation();
  const f = useFormat();
  return {
    figure: (figure: ReportFigure) =>
      figure.unit === 'points'
        ? t('savedReports.points', { formatted: f.number(figure.value, 2) })
        : t('savedReports.rows', { count: figure.rows, formatted: f.number(figure.rows) }),
    covers: (figure: ReportFigure) =>
      t('savedReports.cards.covers', { from: f.date(figure.from), to: f.date(figure.to) }),
    range: (report: SavedReport) => {
      const { range } = report.definition;
      return range.kind === 'fixed'
        ? t('savedReports.rangeFixed', { from: f.date(range.from), to: f.date(range.to) })
        : t('savedReports.rangeRelative', { days: range.days });
    },
    report: (report: SavedReport) => {
      const { report: name, metric } = report.definition;
      const label = t(`savedReports.reportName.${name}`);
      return metric ? `${label}: ${t(`savedReports.metricName.${metric}`)}` : label;
    },
  };
}
