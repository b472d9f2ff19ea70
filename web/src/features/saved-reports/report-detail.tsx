// One saved report opened on the Reports page: its live figure and the range it covers, its
// definition, and its actions: export (CSV, XLSX), edit (the Save as report panel, PATCH),
// duplicate, add to dashboard, delete (with confirmation).
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReportWithFigure } from '../../lib/api-types.ts';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PanelBody } from '../../ui/panel.tsx';
import { MUTED } from '../../ui/tone.tsx';
import { useDescribe } from './describe.ts';
import {
  reportExportUrl,
  useAddCard,
  useDeleteReport,
  useReportCatalog,
  useSavedReport,
  useSaveReport,
} from './queries.ts';
import { ReportForm } from './report-form.tsx';

export function ReportDetailPanel({
  partnerId,
  reportId,
  onClose,
  onOpen,
  onDeleted,
}: {
  partnerId: string;
  reportId: string;
  onClose: () => void;
  /** Opens the copy made by Duplicate (its id and name). */
  onOpen: (id: string, name: string) => void;
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation();
  const report = useSavedReport(partnerId, reportId);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="report-title"
      data-testid="saved-report-detail"
    >
      <PanelBody query={report}>
        {(data) => (
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Title order={2} size="h4" id="report-title">
                {data.name}
              </Title>
              <Button size="xs" variant="default" onClick={onClose}>
                {t('savedReports.page.close')}
              </Button>
            </Group>
            <Figure report={data} />
            <Actions
              partnerId={partnerId}
              report={data}
              onOpen={onOpen}
              onDeleted={() => onDeleted(data.name)}
            />
            <Definition report={data} />
          </Stack>
        )}
      </PanelBody>
    </Card>
  );
}

function Figure({ report }: { report: SavedReportWithFigure }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  return (
    <div>
      <Text size="xs" c={MUTED} tt="uppercase" fw={600}>
        {t('savedReports.page.figure')}
      </Text>
      <Text size="xl" fw={700} data-testid="saved-report-figure">
        {describe.figure(report.figure)}
      </Text>
      <Text size="sm" c={MUTED}>
        {describe.covers(report.figure)}
      </Text>
    </div>
  );
}

function Actions({
  partnerId,
  report,
  onOpen,
  onDeleted,
}: {
  partnerId: string;
  report: SavedReportWithFigure;
  onOpen: (id: string, name: string) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const save = useSaveReport(partnerId);
  const addCard = useAddCard(partnerId);
  const remove = useDeleteReport(partnerId, report.id, onDeleted);
  const deleteAction = useMutation({ mutationFn: () => remove.mutateAsync() });
  const duplicate = () => {
    const name = t('savedReports.page.copyName', { name: report.name }).slice(0, 200);
    save.mutate(
      { body: { name, definition: report.definition }, addToDashboard: false },
      { onSuccess: ({ saved }) => onOpen(saved.id, saved.name) },
    );
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Button
          size="xs"
          variant="default"
          component="a"
          href={reportExportUrl(partnerId, report.id, 'csv')}
          download={`${report.name}.csv`}
        >
          {t('savedReports.page.exportCsv')}
        </Button>
        <Button
          size="xs"
          variant="default"
          component="a"
          href={reportExportUrl(partnerId, report.id, 'xlsx')}
          download={`${report.name}.xlsx`}
        >
          {t('savedReports.page.exportXlsx')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setEditing(true)}>
          {t('savedReports.page.edit')}
        </Button>
        <Button size="xs" variant="default" loading={save.isPending} onClick={duplicate}>
          {t('savedReports.page.duplicate')}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={addCard.isPending}
          onClick={() => addCard.mutate(report.id)}
        >
          {t('savedReports.page.addCard')}
        </Button>
        <ConfirmButton
          label={t('savedReports.page.delete')}
          ariaLabel={t('savedReports.page.deleteLabel', { name: report.name })}
          confirmLabel={t('savedReports.page.confirm')}
          cancelLabel={t('savedReports.page.cancel')}
          action={deleteAction}
        />
      </Group>
      {addCard.isSuccess ? (
        <Text size="sm" role="status" data-testid="card-added">
          {addCard.data ? t('savedReports.page.cardAdded') : t('savedReports.page.cardThere')}
        </Text>
      ) : null}
      <ErrorAlert error={save.error ?? addCard.error} />
      <ReportForm
        partnerId={partnerId}
        reportId={report.id}
        initial={{ name: report.name, definition: report.definition }}
        opened={editing}
        onClose={() => setEditing(false)}
      />
    </Stack>
  );
}

function Definition({ report }: { report: SavedReportWithFigure }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const catalog = useReportCatalog();
  const { definition } = report;
  const columns = definition.columns ?? catalog.data?.[definition.report]?.columns ?? [];
  const { dealType, marketType } = definition.filters;
  const rows: [string, ReactNode][] = [
    [t('savedReports.page.col.report'), describe.report(report)],
    [t('savedReports.range'), describe.range(report)],
    [
      t('savedReports.filters'),
      [
        dealType ? `${t('savedReports.dealType')}: ${t(`savedReports.deal.${dealType}`)}` : null,
        marketType ? `${t('savedReports.marketType')}: ${t(`savedReports.market.${marketType}`)}` : null,
      ]
        .filter(Boolean)
        .join(', ') || t('savedReports.any'),
    ],
    [
      t('savedReports.columns'),
      <Group gap={4} key="columns" data-testid="saved-report-columns">
        {columns.map((c) => (
          <Badge key={c} size="sm" variant="light" color="gray" tt="none">
            {c}
          </Badge>
        ))}
      </Group>,
    ],
  ];
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {t('savedReports.page.definition')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
