// A what-if or publish job while it runs: its stage, partners done of how many, and a bar
// (striped while the count is not known yet). Polled by the caller's query.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WhatIfJob } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { MUTED } from '../../../ui/tone.tsx';

export function JobProgress({ job }: { job: Pick<WhatIfJob, 'status' | 'progress'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { stage, partners, of } = job.progress;
  const share = of > 0 ? (partners / of) * 100 : null;
  const stageText = t(`opProgram.stage.${job.status === 'queued' ? 'queued' : stage}`, {
    defaultValue: stage,
  });
  return (
    <Stack gap="xs" role="status" aria-live="polite" data-testid="job-progress">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {stageText}
        </Text>
        {of > 0 ? (
          <Text size="sm" c={MUTED} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('opProgram.job.partners', { done: f.number(partners), of: f.number(of) })}
          </Text>
        ) : null}
      </Group>
      <Progress value={share ?? 100} animated striped={share === null} aria-label={stageText} />
    </Stack>
  );
}
