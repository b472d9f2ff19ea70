// Starts a draft: a name and the version it copies (the published one unless another is
// chosen); the new draft opens at once.
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProgramVersionSummary } from '../../../lib/api-types.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { useCreateDraft } from './queries.ts';

export function draftPath(draftId: string): string {
  return `/operator/program/drafts/${encodeURIComponent(draftId)}`;
}

export function NewDraftForm({
  versions,
  basedOn,
  onCancel,
}: {
  /** The versions to choose from; none: the draft copies `basedOn`. */
  versions?: ProgramVersionSummary[];
  basedOn: number;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDraft();
  const [name, setName] = useState('');
  const [version, setVersion] = useState(String(basedOn));
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { name: name.trim(), basedOn: Number(version) },
          { onSuccess: (draft) => navigate(draftPath(draft.draftId)) },
        );
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('opProgram.newDraft.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          maxLength={200}
          w={280}
        />
        {versions && versions.length > 0 ? (
          <Select
            label={t('opProgram.newDraft.basedOn')}
            data={versions.map((v) => ({
              value: String(v.version),
              label: v.current
                ? t('opProgram.newDraft.currentVersion', { version: v.version, name: v.name })
                : t('opProgram.newDraft.version', { version: v.version, name: v.name }),
            }))}
            value={version}
            onChange={(v) => v && setVersion(v)}
            allowDeselect={false}
            w={320}
          />
        ) : null}
        <Button type="submit" disabled={name.trim() === ''} loading={create.isPending}>
          {t('opProgram.newDraft.submit')}
        </Button>
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('opProgram.cancel')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={create.error} />
    </Stack>
  );
}
