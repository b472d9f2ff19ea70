// Publishing a draft: a note saying what changes and why (required), then the publish job
// (its id in the URL, ?publish=) until the new version is in force; then the history shows
// it. Another publish running (409) or an invalid draft (400, every problem) is said plainly.
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProgramDraft, PublishJob } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { MUTED } from '../../../ui/tone.tsx';
import { JobProgress } from './job-progress.tsx';
import { ProgramErrorAlert } from './problems.tsx';
import { isActive, usePublishJob, useRefreshAfterPublish, useStartPublish } from './queries.ts';

export function historyPath(version: number): string {
  return `/operator/program/history?published=${version}`;
}

/** A publish or restore job as it runs and ends; on success, `onDone` with the new version. */
export function PublishJobView({ jobId, onDone }: { jobId: string; onDone: (version: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const job = usePublishJob(jobId);
  const refresh = useRefreshAfterPublish();
  const data: PublishJob | undefined = job.data;
  const version = data?.status === 'succeeded' ? (data.result?.version ?? null) : null;
  const told = useRef(false);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (version === null || told.current) return;
    told.current = true;
    void refresh().then(() => done.current(version));
  }, [version, refresh]);
  if (job.isError) return <ProgramErrorAlert error={job.error} />;
  if (!data || isActive(data.status)) return data ? <JobProgress job={data} /> : null;
  if (data.status === 'failed' || !data.result)
    return (
      <Alert color="red" variant="light" role="alert" data-testid="publish-failed">
        {t('opProgram.publish.failed', { message: data.error ?? '—' })}
      </Alert>
    );
  return (
    <Alert color="teal" variant="light" data-testid="publish-done">
      {t('opProgram.publish.done', {
        version: data.result.version,
        partners: f.number(data.result.partnersRebuilt),
        changes: f.number(data.result.tierChanges),
      })}
    </Alert>
  );
}

export function PublishPanel({
  draft,
  unsaved,
  jobId,
  onJob,
}: {
  draft: ProgramDraft;
  /** The editor holds changes not saved yet (publish takes the saved draft). */
  unsaved: boolean;
  jobId: string | null;
  onJob: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const start = useStartPublish(draft.draftId);
  const job = usePublishJob(jobId);
  const running = isActive(job.data?.status);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="publish-title">
      <Title order={2} size="h4" id="publish-title" mb="xs">
        {t('opProgram.publish.title')}
      </Title>
      <Text size="sm" c={MUTED} mb="md">
        {t('opProgram.publish.intro')}
      </Text>
      <Stack
        component="form"
        gap="sm"
        maw={720}
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate(note.trim(), { onSuccess: ({ jobId }) => onJob(jobId) });
        }}
      >
        <Textarea
          label={t('opProgram.publish.note')}
          description={t('opProgram.publish.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          autosize
          minRows={3}
          maxLength={2000}
        />
        {unsaved ? (
          <Text size="sm" c="red.9">
            {t('opProgram.publish.unsaved')}
          </Text>
        ) : null}
        {!draft.valid ? (
          <Text size="sm" c="red.9">
            {t('opProgram.whatIf.invalidDraft', { count: draft.problemCount })}
          </Text>
        ) : null}
        <div>
          <Button type="submit" disabled={note.trim() === ''} loading={start.isPending || running}>
            {t('opProgram.publish.submit')}
          </Button>
        </div>
        <ProgramErrorAlert error={start.error} testId="publish-error" />
        {jobId ? (
          <div data-testid="publish-job" data-status={job.data?.status}>
            <PublishJobView key={jobId} jobId={jobId} onDone={(version) => navigate(historyPath(version))} />
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
