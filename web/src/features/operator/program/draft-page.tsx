// One draft: its name (renamed in place), where it came from, who changed it last, whether it
// is valid; delete behind a confirmation; and three tabs: edit the document, what-if, publish.
// The tab and the jobs being followed are in the URL (?tab=, ?whatIf=, ?publish=).
import { Anchor, Button, Card, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProgramDraft } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { ConfirmButton } from '../../../ui/confirm-button.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { PanelBody } from '../../../ui/panel.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { DraftEdit } from './draft-edit.tsx';
import { Validity } from './drafts-page.tsx';
import { PublishPanel } from './publish-panel.tsx';
import { useDeleteDraft, useDraft, useUpdateDraft } from './queries.ts';
import { WhatIfPanel } from './what-if-panel.tsx';
import { personText } from './who.ts';

const TABS = ['edit', 'what-if', 'publish'] as const;
type Tab = (typeof TABS)[number];

function Rename({ draft, onDone }: { draft: ProgramDraft; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(draft.name);
  const update = useUpdateDraft(draft.draftId);
  return (
    <Stack
      component="form"
      gap="xs"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ name: name.trim() }, { onSuccess: onDone });
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('opProgram.draft.newName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          maxLength={200}
          w={320}
        />
        <Button type="submit" disabled={name.trim() === ''} loading={update.isPending}>
          {t('opProgram.draft.saveName')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('opProgram.cancel')}
        </Button>
      </Group>
      <ErrorAlert error={update.error} />
    </Stack>
  );
}

function DraftHeader({ draft }: { draft: ProgramDraft }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const remove = useDeleteDraft(draft.draftId, () => navigate('/operator/program/drafts'));
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={2} size="h3" data-testid="draft-name">
                {draft.name}
              </Title>
              <Validity draft={draft} />
            </Group>
            <Text size="sm" c={MUTED}>
              {draft.basedOn === null
                ? t('opProgram.drafts.pasted')
                : t('opProgram.draft.copyOf', { version: draft.basedOn })}
              {' · '}
              {t('opProgram.drafts.updatedBy', {
                when: f.dateTime(draft.updatedAt),
                who: personText(t, draft.updatedBy),
              })}
            </Text>
          </Stack>
          <Group gap="xs">
            {!renaming ? (
              <Button size="xs" variant="default" onClick={() => setRenaming(true)}>
                {t('opProgram.draft.rename')}
              </Button>
            ) : null}
            <ConfirmButton
              label={t('opProgram.draft.delete')}
              ariaLabel={t('opProgram.draft.deleteNamed', { name: draft.name })}
              confirmLabel={t('opProgram.draft.deleteNow')}
              cancelLabel={t('opProgram.cancel')}
              action={remove}
            />
          </Group>
        </Group>
        {renaming ? <Rename draft={draft} onDone={() => setRenaming(false)} /> : null}
      </Stack>
    </Card>
  );
}

export default function DraftPage() {
  const { t } = useTranslation();
  const { draftId = '' } = useParams();
  const draft = useDraft(draftId);
  const [params, set] = useUrlState();
  const [unsaved, setUnsaved] = useState(false);
  const asked = params.get('tab');
  const whatIf = params.get('whatIf');
  const publish = params.get('publish');
  const tab: Tab = TABS.includes(asked as Tab)
    ? (asked as Tab)
    : publish
      ? 'publish'
      : whatIf
        ? 'what-if'
        : 'edit';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/operator/program/drafts" c={LINK} size="sm">
        {t('opProgram.draft.back')}
      </Anchor>
      <PanelBody query={draft}>
        {(data) => (
          <Stack gap="md">
            <DraftHeader draft={data} />
            <Tabs value={tab} onChange={(v) => v && set({ tab: v })} variant="outline">
              <Tabs.List>
                {TABS.map((key) => (
                  <Tabs.Tab key={key} value={key}>
                    {t(`opProgram.draft.tabs.${key}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="edit" pt="md">
                <DraftEdit key={data.draftId} draft={data} onDirtyChange={setUnsaved} />
              </Tabs.Panel>
              <Tabs.Panel value="what-if" pt="md">
                <WhatIfPanel
                  draft={data}
                  jobId={whatIf}
                  onJob={(jobId) => set({ whatIf: jobId, tab: 'what-if' })}
                />
              </Tabs.Panel>
              <Tabs.Panel value="publish" pt="md">
                <PublishPanel
                  draft={data}
                  unsaved={unsaved}
                  jobId={publish}
                  onJob={(jobId) => set({ publish: jobId, tab: 'publish' })}
                />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </PanelBody>
    </Stack>
  );
}
