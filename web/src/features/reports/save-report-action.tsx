// Save as report: a report dialog's third action beside Use in lists and Export. It opens
// the Save as report panel prefilled with the dialog's report, metric, range and filters.
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { SavedReportDefinition } from '../../lib/api-types.ts';
import { ReportForm } from '../saved-reports/report-form.tsx';

export function SaveReportAction({
  partnerId,
  defaultName,
  definition,
}: {
  partnerId: string;
  defaultName: string;
  definition: SavedReportDefinition;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={open} data-testid="save-report-action">
        {t('savedReports.action')}
      </Button>
      <ReportForm
        partnerId={partnerId}
        initial={{ name: defaultName, definition }}
        opened={opened}
        onClose={close}
      />
    </>
  );
}
