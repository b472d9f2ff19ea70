// What-if for a draft: the day partners are compared on (the server's today unless chosen)
// and the commission period (the 12 months up to that day unless chosen); the job runs on the
// server, its id in the URL (?whatIf=) so that a reload keeps following it; then its result.
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../../src/domain/dates.ts';
import type { ProgramDraft } from '../../../lib/api-types.ts';
import { type DateRange, DateRangePicker, presetRange } from '../../../ui/date-range.tsx';
import { PanelBody } from '../../../ui/panel.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { JobProgress } from './job-progress.tsx';
import { ProgramErrorAlert } from './problems.tsx';
import { isActive, useProgramInForce, useStartWhatIf, useWhatIf } from './queries.ts';
import { tierNames, tierOrder } from './resolve.ts';
import { WhatIfResult } from './what-if-result.tsx';

function WhatIfJobView({ jobId, draft }: { jobId: string; draft: ProgramDraft }) {
  const { t } = useTranslation();
  const job = useWhatIf(jobId);
  const inForce = useProgramInForce();
  const published = inForce.data?.program;
  return (
    <PanelBody query={job}>
      {(data) =>
        isActive(data.status) ? (
          <JobProgress job={data} />
        ) : data.status === 'failed' || !data.result ? (
          <Alert color="red" variant="light" role="alert" data-testid="what-if-failed">
            {t('opProgram.whatIf.failed', { message: data.error ?? '—' })}
          </Alert>
        ) : (
          <WhatIfResult
            jobId={jobId}
            answer={data.result}
            order={tierOrder(published, draft.document)}
            names={tierNames(published, draft.document)}
          />
        )
      }
    </PanelBody>
  );
}

export function WhatIfPanel({
  draft,
  jobId,
  onJob,
}: {
  draft: ProgramDraft;
  jobId: string | null;
  onJob: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  const inForce = useProgramInForce();
  const today = inForce.data?.today;
  const [on, setOn] = useState<string | null>(null);
  const [period, setPeriod] = useState<DateRange | null>(null);
  const start = useStartWhatIf(draft.draftId);
  const day = on ?? today ?? '';
  const range = period ?? (isIsoDate(day) ? presetRange('last12Months', day) : null);
  const job = useWhatIf(jobId);
  const running = isActive(job.data?.status);
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="what-if-title">
        <Title order={2} size="h4" id="what-if-title" mb="xs">
          {t('opProgram.whatIf.title')}
        </Title>
        <Text size="sm" c={MUTED} mb="md">
          {t('opProgram.whatIf.intro')}
        </Text>
        <Stack
          component="form"
          gap="sm"
          onSubmit={(e) => {
            e.preventDefault();
            if (!range) return;
            start.mutate(
              { on: day, from: range.from, to: range.to },
              { onSuccess: ({ jobId }) => onJob(jobId) },
            );
          }}
        >
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              type="date"
              label={t('opProgram.whatIf.on')}
              value={day}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setOn(next);
                if (period && period.preset !== 'custom' && isIsoDate(next))
                  setPeriod(presetRange(period.preset, next));
              }}
              w={180}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('opProgram.whatIf.period')}
              </Text>
              {range && isIsoDate(day) ? (
                <DateRangePicker value={range} today={day} onChange={setPeriod} />
              ) : null}
            </Stack>
            <Button type="submit" loading={start.isPending || running} disabled={!isIsoDate(day) || !range}>
              {t('opProgram.whatIf.run')}
            </Button>
          </Group>
          {!draft.valid ? (
            <Text size="sm" c="red.9">
              {t('opProgram.whatIf.invalidDraft', { count: draft.problemCount })}
            </Text>
          ) : null}
          <ProgramErrorAlert error={start.error} testId="what-if-error" />
        </Stack>
      </Card>
      {jobId ? (
        <Card withBorder radius="md" padding="lg" data-testid="what-if-job" data-status={job.data?.status}>
          <WhatIfJobView key={jobId} jobId={jobId} draft={draft} />
        </Card>
      ) : null}
    </Stack>
  );
}
