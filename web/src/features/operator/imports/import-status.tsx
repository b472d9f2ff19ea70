// One import as it runs and after: stage, rows and rows/s (polled, so a reload picks it up
// again), then the rows per file, or every error as file:line: column: message with the
// downloads of errors.csv and rejects.csv.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportView } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { PanelBody, Stat } from '../../../ui/panel.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { ImportOutcome } from './outcome-badge.tsx';
import { useImport, useRefreshHistory } from './queries.ts';

function Running({ item }: { item: ImportView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { progress } = item;
  const share = progress.totalBytes ? ((progress.bytes ?? 0) / progress.totalBytes) * 100 : null;
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      {item.status === 'queued' ? <Text size="sm">{t('opImports.upload.queued')}</Text> : null}
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Stat label={t('opImports.current.stage')} value={t(`opImports.stage.${progress.stage}`)} />
        <Stat label={t('opImports.current.rows')} value={f.number(progress.rows)} />
        <Stat label={t('opImports.current.rate')} value={f.number(progress.rowsPerSecond)} />
      </SimpleGrid>
      {progress.file ? (
        <Text size="sm" c={MUTED}>
          {t('opImports.current.file', { file: progress.file })}
        </Text>
      ) : null}
      <Progress
        value={share ?? 100}
        animated
        striped={share === null}
        aria-label={t(`opImports.stage.${progress.stage}`)}
      />
    </Stack>
  );
}

function Counts({ item }: { item: ImportView }) {
  const { t } = useTranslation();
  const f = useFormat();
  // In the order the import read them (the upload's files, dependencies first).
  const order = (file: string) => item.files.indexOf(file);
  const files = Object.entries(item.counts).sort(([a], [b]) => order(a) - order(b));
  const columns = ['rows', 'inserted', 'updated', 'unchanged', 'rejected'] as const;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="import-counts" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opImports.counts.file')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c} ta="right">
                {t(`opImports.counts.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map(([file, counts]) => (
            <Table.Tr key={file}>
              <Table.Td>{file}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c} ta="right">
                  {f.number(counts[c])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Errors({ item }: { item: ImportView }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (item.errors.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('opImports.errors.title')}
      </Title>
      {item.errorCount > item.errors.length ? (
        <Text size="sm" c={MUTED}>
          {t('opImports.current.errorsShown', {
            shown: f.number(item.errors.length),
            count: f.number(item.errorCount),
          })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={640} mah={480}>
        <Table data-testid="import-errors" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('opImports.errors.file')}</Table.Th>
              <Table.Th ta="right">{t('opImports.errors.line')}</Table.Th>
              <Table.Th>{t('opImports.errors.column')}</Table.Th>
              <Table.Th>{t('opImports.errors.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.errors.map((e) => (
              <Table.Tr key={`${e.file}:${e.line}:${e.column}:${e.message}`}>
                <Table.Td>{e.file}</Table.Td>
                <Table.Td ta="right">{e.line}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Finished({ item }: { item: ImportView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ok = item.status === 'succeeded';
  const summary = ok
    ? item.rejected > 0
      ? t('opImports.current.succeededWithRejects', {
          rows: f.number(item.rows),
          rejected: f.number(item.rejected),
        })
      : t('opImports.current.succeeded', {
          rows: f.number(item.rows),
          partners: f.number(item.partnersRecomputed),
        })
    : item.message
      ? t('opImports.current.stopped', { message: item.message })
      : t('opImports.current.failed', { count: item.errorCount });
  return (
    <Stack gap="md">
      <Alert color={ok ? 'teal' : 'red'} variant="light" data-testid="import-outcome">
        <Text size="sm" fw={600}>
          {summary}
        </Text>
      </Alert>
      <Group gap="lg">
        {item.seconds !== null ? (
          <Stat
            label={t('opImports.current.duration')}
            value={t('opImports.current.seconds', { value: f.number(item.seconds, 1) })}
          />
        ) : null}
        <Stat label={t('opImports.current.rows')} value={f.number(item.rows)} />
        {ok ? (
          <Stat label={t('opImports.current.recomputed')} value={f.number(item.partnersRecomputed)} />
        ) : null}
      </Group>
      <Group gap="md">
        {item.downloads.errors ? (
          <Anchor href={item.downloads.errors} download>
            {t('opImports.current.downloadErrors')}
          </Anchor>
        ) : null}
        {item.downloads.rejects ? (
          <Anchor href={item.downloads.rejects} download>
            {t('opImports.current.downloadRejects')}
          </Anchor>
        ) : null}
      </Group>
      {ok ? <Counts item={item} /> : null}
      <Errors item={item} />
    </Stack>
  );
}

export function ImportStatus({ importId, onClose }: { importId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useImport(importId);
  const refreshHistory = useRefreshHistory();
  const status = query.data?.status;
  const finished = status === 'succeeded' || status === 'failed';
  useEffect(() => {
    if (finished) void refreshHistory();
  }, [finished, refreshHistory]);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="import-current-title"
      data-testid="import-current"
      data-status={status}
    >
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="import-current-title">
            {t('opImports.current.title', { when: query.data ? f.dateTime(query.data.createdAt) : '…' })}
          </Title>
          {query.data ? <ImportOutcome status={query.data.status} /> : null}
        </Group>
        <Button size="xs" variant="default" onClick={onClose}>
          {t('opImports.current.close')}
        </Button>
      </Group>
      <PanelBody query={query}>
        {(item) => (finished ? <Finished item={item} /> : <Running item={item} />)}
      </PanelBody>
    </Card>
  );
}
