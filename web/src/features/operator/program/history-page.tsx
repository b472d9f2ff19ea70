// Every published version, newest first: who published it and when, its note, the one in
// force marked; a diff between any two (in the URL: ?from=&to=); a draft started from any of
// them; and "Restore" on an older one (a note, then a publish job like a draft's).
import { Alert, Anchor, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgramVersionSummary } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { Panel } from '../../../ui/panel.tsx';
import { LINK, MUTED, ToneBadge } from '../../../ui/tone.tsx';
import { NewDraftForm } from './new-draft-form.tsx';
import { ProgramErrorAlert } from './problems.tsx';
import { PublishJobView } from './publish-panel.tsx';
import { useStartRestore, useVersions } from './queries.ts';
import { VersionDiff } from './version-diff.tsx';
import { personText } from './who.ts';

function RestoreForm({ version, onJob }: { version: ProgramVersionSummary; onJob: (jobId: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const restore = useStartRestore();
  return (
    <Stack
      component="form"
      gap="xs"
      maw={640}
      onSubmit={(e) => {
        e.preventDefault();
        restore.mutate(
          { version: version.version, note: note.trim() },
          { onSuccess: ({ jobId }) => onJob(jobId) },
        );
      }}
    >
      <Textarea
        label={t('opProgram.history.restoreNote', { version: version.version })}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        required
        autosize
        minRows={2}
        maxLength={2000}
      />
      <div>
        <Button type="submit" disabled={note.trim() === ''} loading={restore.isPending}>
          {t('opProgram.history.restoreNow', { version: version.version })}
        </Button>
      </div>
      <ProgramErrorAlert error={restore.error} testId="restore-error" />
    </Stack>
  );
}

type Open = { kind: 'restore' | 'draft'; version: number } | null;

export default function HistoryPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const versions = useVersions();
  const [params, set] = useUrlState();
  const [open, setOpen] = useState<Open>(null);
  const restoreJob = params.get('restore');
  const published = params.get('published');
  const list = versions.data?.versions ?? [];
  const current = list.find((v) => v.current);
  const previous = list.find((v) => current && v.version < current.version);
  const num = (key: string) => (params.get(key) === null ? null : Number(params.get(key)));
  const from = num('from') ?? previous?.version ?? null;
  const to = num('to') ?? current?.version ?? null;
  return (
    <Stack gap="md">
      {published ? (
        <Alert
          color="teal"
          variant="light"
          data-testid="published-version"
          withCloseButton
          onClose={() => set({ published: null })}
          closeButtonLabel={t('opProgram.close')}
        >
          {t('opProgram.history.published', { version: published })}
        </Alert>
      ) : null}
      {restoreJob ? (
        <div data-testid="restore-job">
          <PublishJobView
            key={restoreJob}
            jobId={restoreJob}
            onDone={(version) => {
              set({ restore: null, published: String(version), from: null, to: null });
            }}
          />
        </div>
      ) : null}
      <Panel
        id="versions"
        title={t('opProgram.history.title')}
        query={versions}
        isEmpty={(d) => d.versions.length === 0}
        empty={t('opProgram.history.empty')}
      >
        {() => (
          <Table.ScrollContainer minWidth={900}>
            <Table data-testid="versions" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('opProgram.history.version')}</Table.Th>
                  <Table.Th>{t('opProgram.history.name')}</Table.Th>
                  <Table.Th>{t('opProgram.history.publishedAt')}</Table.Th>
                  <Table.Th>{t('opProgram.history.note')}</Table.Th>
                  <Table.Th>{t('opProgram.history.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((v) => {
                  const isOpen = open?.version === v.version ? open.kind : null;
                  return (
                    <Fragment key={v.version}>
                      <Table.Tr
                        data-version={v.version}
                        data-current={v.current || undefined}
                        bg={String(v.version) === published ? 'teal.0' : undefined}
                      >
                        <Table.Td ta="right" fw={600}>
                          {v.version}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Anchor
                              component={Link}
                              to={v.current ? '/operator/program' : `/operator/program?version=${v.version}`}
                              c={LINK}
                              size="sm"
                            >
                              {v.name}
                            </Anchor>
                            {v.current ? (
                              <ToneBadge tone="teal">{t('opProgram.published.current')}</ToneBadge>
                            ) : null}
                          </Group>
                          {v.restoredFrom !== null ? (
                            <Text size="xs" c={MUTED}>
                              {t('opProgram.history.restoredFrom', { version: v.restoredFrom })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          {v.version === 0 ? (
                            <Text size="sm">{t('opProgram.history.shipped')}</Text>
                          ) : (
                            <>
                              <Text size="sm">{f.dateTime(v.publishedAt)}</Text>
                              <Text size="xs" c={MUTED}>
                                {personText(t, v.publishedBy)}
                              </Text>
                            </>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {v.note ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            {!v.current && current ? (
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-label={t('opProgram.history.compareNamed', {
                                  version: v.version,
                                  current: current.version,
                                })}
                                onClick={() => set({ from: String(v.version), to: String(current.version) })}
                              >
                                {t('opProgram.history.compare')}
                              </Button>
                            ) : null}
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-expanded={isOpen === 'draft'}
                              aria-label={t('opProgram.history.draftNamed', { version: v.version })}
                              onClick={() =>
                                setOpen(isOpen === 'draft' ? null : { kind: 'draft', version: v.version })
                              }
                            >
                              {t('opProgram.history.draft')}
                            </Button>
                            {!v.current ? (
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-expanded={isOpen === 'restore'}
                                aria-label={t('opProgram.history.restoreNamed', { version: v.version })}
                                onClick={() =>
                                  setOpen(
                                    isOpen === 'restore' ? null : { kind: 'restore', version: v.version },
                                  )
                                }
                              >
                                {t('opProgram.history.restore')}
                              </Button>
                            ) : null}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                      {isOpen ? (
                        <Table.Tr>
                          <Table.Td colSpan={5} bg="gray.0">
                            {isOpen === 'draft' ? (
                              <NewDraftForm basedOn={v.version} onCancel={() => setOpen(null)} />
                            ) : (
                              <RestoreForm
                                version={v}
                                onJob={(jobId) => {
                                  setOpen(null);
                                  set({ restore: jobId });
                                }}
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Panel>
      {list.length > 0 ? (
        <VersionDiff
          versions={list}
          from={from}
          to={to}
          onChange={(a, b) => set({ from: a === null ? null : String(a), to: b === null ? null : String(b) })}
        />
      ) : null}
    </Stack>
  );
}
