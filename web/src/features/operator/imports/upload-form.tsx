// The upload: CSV files of an import folder or a zip of it, and whether to import the valid
// rows and keep the rejects. On upload the page follows the new import (?import=id).
import { Button, Card, Checkbox, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { useUpload } from './queries.ts';

export function UploadForm({ onUploaded }: { onUploaded: (importId: string) => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const upload = useUpload();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="import-upload-title">
      <Title order={2} size="h4" id="import-upload-title" mb="xs">
        {t('opImports.upload.title')}
      </Title>
      <Text size="sm" c={MUTED} mb="md">
        {t('opImports.upload.intro')}
      </Text>
      <Stack
        component="form"
        gap="sm"
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate(
            { files, skipInvalid },
            {
              onSuccess: ({ importId }) => {
                setFiles([]);
                onUploaded(importId);
              },
            },
          );
        }}
      >
        <FileInput
          multiple
          clearable
          accept=".csv,.zip,text/csv,application/zip"
          label={t('opImports.upload.files')}
          description={t('opImports.upload.placeholder')}
          value={files}
          onChange={setFiles}
          maw={560}
        />
        <Checkbox
          label={t('opImports.upload.skipInvalid')}
          checked={skipInvalid}
          onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" disabled={files.length === 0} loading={upload.isPending}>
            {t('opImports.upload.submit')}
          </Button>
        </Group>
        <ErrorAlert error={upload.error} />
      </Stack>
    </Card>
  );
}
