// Every other report's cross-partner export: the report, then what it takes (a metric and
// a date range, or the day it is read on, as the server's report catalog says), then the
// export action with every partner's unsummarized rows.
import { Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../../src/domain/dates.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { ExportAction, type ExportReport } from '../../reports/export-action.tsx';
import { useReportCatalog } from '../../saved-reports/queries.ts';
import { presetRange, type Range, validRange } from './figures.ts';
import { RangePicker } from './range-picker.tsx';

const OTHER_REPORTS = ['partners', 'sold-entries', 'deals', 'commission', 'renewals', 'clients'] as const;
type OtherReport = (typeof OTHER_REPORTS)[number] & ExportReport;
const ALL = 'all';

export function OtherExports({ today }: { today: string }) {
  const { t } = useTranslation();
  const catalog = useReportCatalog();
  const [report, setReport] = useState<OtherReport>('partners');
  const [metric, setMetric] = useState(ALL);
  const [range, setRange] = useState<Range>(() => presetRange('last30', today));
  const [on, setOn] = useState(today);
  const entry = catalog.data?.[report];
  const reportName = t(`savedReports.reportName.${report}`);
  const usesRange = entry?.uses === 'range';
  const ready = entry !== undefined && (usesRange ? validRange(range.from, range.to) : isIsoDate(on));
  const filters = usesRange
    ? { from: range.from, to: range.to, metric: metric === ALL ? undefined : metric }
    : { on };
  const defaultName = usesRange
    ? t('reportActions.export.nameRange', { report: reportName, from: range.from, to: range.to })
    : t('reportActions.export.nameDay', { report: reportName, on });
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="other-title"
      data-testid="other-section"
    >
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="other-title">
            {t('opReports.other.title')}
          </Title>
          <Text size="sm" c={MUTED}>
            {t('opReports.other.intro')}
          </Text>
        </div>
        <ErrorAlert error={catalog.error} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('opReports.other.report')}
            data={OTHER_REPORTS.map((r) => ({ value: r, label: t(`savedReports.reportName.${r}`) }))}
            value={report}
            allowDeselect={false}
            w={200}
            onChange={(value) => {
              if (!value) return;
              setReport(value as OtherReport);
              setMetric(ALL);
            }}
            data-testid="other-report"
          />
          {entry && entry.metrics.length > 0 ? (
            <Select
              label={t('opReports.other.metric')}
              data={[
                { value: ALL, label: t('opReports.other.allMetrics') },
                ...entry.metrics.map((m) => ({ value: m, label: t(`savedReports.metricName.${m}`) })),
              ]}
              value={metric}
              allowDeselect={false}
              w={220}
              onChange={(value) => setMetric(value ?? ALL)}
            />
          ) : null}
          {entry ? (
            usesRange ? (
              <RangePicker value={range} today={today} onChange={setRange} />
            ) : (
              <TextInput
                type="date"
                label={t('opReports.other.on')}
                value={on}
                max={today}
                onChange={(e) => setOn(e.currentTarget.value)}
                w={160}
              />
            )
          ) : null}
          {ready ? (
            <div data-testid="other-export">
              <ExportAction partnerId={null} report={report} filters={filters} defaultName={defaultName} />
            </div>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
