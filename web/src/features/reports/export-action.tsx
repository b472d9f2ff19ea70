// Export unsummarized data: a report's action that names the export, picks CSV or XLSX and
// starts the browser's download at once. The Export button is a plain link to the export
// URL (the session cookie authenticates the GET), so the file streams straight to disk and
// never sits in the page's memory.
import { Button, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerPath, withQuery } from '../../lib/api.ts';
import { useNestedDialog } from '../../ui/nested-dialog.ts';

export type ExportReport =
  | 'sold-entries'
  | 'point-changes'
  | 'deals'
  | 'commission'
  | 'clients'
  | 'renewals'
  | 'partners';
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFilters {
  from?: string | undefined;
  to?: string | undefined;
  on?: string | undefined;
  metric?: string | undefined;
  /** sold-entries: one client's entries. */
  client?: string | undefined;
  /** clients: the table's search and relationship filter. */
  q?: string | undefined;
  relationship?: string | undefined;
}

/**
 * The export's URL: the partner's report with its filters, the format and the file name;
 * with no partner (null), every partner's rows (the operator's export).
 */
export function exportUrl(
  partnerId: string | null,
  report: ExportReport,
  filters: ExportFilters & { format: ExportFormat; name: string },
): string {
  const path = `/exports/${encodeURIComponent(report)}`;
  return withQuery(partnerId === null ? `/api/v1${path}` : partnerPath(partnerId, path), { ...filters });
}

/** A point-change category as the export URL names its metric: expiredSold → expired-sold. */
export function metricOf(category: string): string {
  return category.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function ExportAction({
  partnerId,
  report,
  filters,
  defaultName,
}: {
  /** null: every partner's rows (operators). */
  partnerId: string | null;
  report: ExportReport;
  filters: ExportFilters;
  /** The name the export starts with (the report and its dates). */
  defaultName: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useNestedDialog(opened);
  const [name, setName] = useState(defaultName);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const trimmed = name.trim();
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          setName(defaultName);
          open();
        }}
        data-testid="export-action"
      >
        {t('reportActions.export.action')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('reportActions.export.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md" data-testid="export-dialog">
          <Text size="sm">{t('reportActions.export.intro')}</Text>
          <TextInput
            label={t('reportActions.export.name')}
            description={t('reportActions.export.nameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={200}
            required
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-format-label">
              {t('reportActions.export.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="export-format-label"
              value={format}
              onChange={(value) => setFormat(value as ExportFormat)}
              data={[
                { value: 'csv', label: t('reportActions.export.csv') },
                { value: 'xlsx', label: t('reportActions.export.xlsx') },
              ]}
            />
          </Stack>
          <Button
            component="a"
            href={exportUrl(partnerId, report, { ...filters, format, name: trimmed })}
            download={`${trimmed || report}.${format}`}
            onClick={(event) => {
              if (!trimmed) {
                event.preventDefault();
                return;
              }
              // The link starts the download; the dialog has done its work.
              close();
            }}
            aria-disabled={!trimmed || undefined}
            data-testid="export-submit"
          >
            {t('reportActions.export.submit')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
