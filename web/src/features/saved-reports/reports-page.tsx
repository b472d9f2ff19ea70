// The Reports page of the partner portal: every saved report of the partner with its
// report, range, owner and last change; a report opens below (?report=) with its live
// figure and definition, export, edit, duplicate, add to dashboard and delete.
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SavedReport } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { Panel } from '../../ui/panel.tsx';
import { LINK, MUTED } from '../../ui/tone.tsx';
import { useDescribe } from './describe.ts';
import { useSavedReports } from './queries.ts';
import { ReportDetailPanel } from './report-detail.tsx';

export default function ReportsPage() {
  const { t } = useTranslation();
  const { partnerId = '' } = useParams();
  const [params, setParams] = useUrlState();
  const reportId = params.get('report');
  const reports = useSavedReports(partnerId);
  // The notice as a message and its name, so that it follows a change of language.
  const [notice, setNotice] = useState<{ key: string; name: string } | null>(null);
  return (
    <Stack>
      <Title order={1}>{t('savedReports.page.title')}</Title>
      <Text c={MUTED}>{t('savedReports.page.intro')}</Text>
      {notice ? (
        <Text role="status" size="sm" data-testid="reports-notice">
          {t(notice.key, { name: notice.name })}
        </Text>
      ) : null}
      <Panel
        id="saved-reports"
        title={t('savedReports.page.all')}
        query={reports}
        isEmpty={(data) => data.reports.length === 0}
        empty={t('savedReports.page.empty')}
      >
        {(data) => (
          <ReportsTable
            reports={data.reports}
            current={reportId}
            onOpen={(id) => {
              setNotice(null);
              setParams({ report: id });
            }}
          />
        )}
      </Panel>
      {reportId ? (
        <ReportDetailPanel
          key={reportId}
          partnerId={partnerId}
          reportId={reportId}
          onClose={() => setParams({ report: null })}
          onOpen={(id, name) => {
            setParams({ report: id });
            setNotice({ key: 'savedReports.page.duplicated', name });
          }}
          onDeleted={(name) => {
            setParams({ report: null });
            setNotice({ key: 'savedReports.page.deleted', name });
          }}
        />
      ) : null}
    </Stack>
  );
}

function ReportsTable({
  reports,
  current,
  onOpen,
}: {
  reports: SavedReport[];
  current: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const describe = useDescribe();
  const col = (key: string) => t(`savedReports.page.col.${key}`);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover data-testid="reports-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{col('name')}</Table.Th>
            <Table.Th>{col('report')}</Table.Th>
            <Table.Th>{col('range')}</Table.Th>
            <Table.Th>{col('owner')}</Table.Th>
            <Table.Th>{col('updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <Table.Tr
              key={report.id}
              data-testid="saved-report-row"
              data-report-id={report.id}
              aria-current={report.id === current || undefined}
            >
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  c={LINK}
                  ta="left"
                  onClick={() => onOpen(report.id)}
                  aria-label={t('savedReports.page.open', { name: report.name })}
                >
                  {report.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{describe.report(report)}</Table.Td>
              <Table.Td>{describe.range(report)}</Table.Td>
              <Table.Td>{report.owner.email ?? t('savedReports.page.ownerToken')}</Table.Td>
              <Table.Td>{f.date(report.updatedAt.slice(0, 10))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
