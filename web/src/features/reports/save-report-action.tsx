// Save as report: a report dialog's third action beside Use in lists and Export. It opens
// the Save as report panel prefilled with the dialog's report, metric, range and filters.
// Where the report's current filters cannot be saved (a saved report has no such filter),
// the action is disabled and says why.
import { Button, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReportDefinition } from '../../lib/api-types.ts';
import { ReportForm } from '../saved-reports/report-form.tsx';

export function SaveReportAction({
  partnerId,
  defaultName,
  definition,
  unavailable,
}: {
  partnerId: string;
  defaultName: string;
  definition: SavedReportDefinition;
  /** Why the report cannot be saved as it is shown (its filters); absent: it can. */
  unavailable?: string | undefined;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const why = useId();
  if (unavailable)
    return (
      <Tooltip label={unavailable} multiline w={260} withArrow>
        {/* A disabled button takes no pointer events: the tooltip listens on its wrapper. */}
        <span>
          <Button
            size="xs"
            variant="default"
            disabled
            aria-describedby={why}
            data-testid="save-report-action"
          >
            {t('savedReports.action')}
          </Button>
          <span id={why} hidden>
            {unavailable}
          </span>
        </span>
      </Tooltip>
    );
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
