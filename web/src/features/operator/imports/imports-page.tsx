// The console's imports page: upload files, follow the import (its id is in the URL, so a
// reload keeps watching it), read its result or errors, and the history of every import.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../../lib/url-state.ts';
import { ImportHistory } from './import-history.tsx';
import { ImportStatus } from './import-status.tsx';
import { UploadForm } from './upload-form.tsx';

export default function ImportsPage() {
  const { t } = useTranslation();
  const [params, set] = useUrlState();
  const current = params.get('import');
  const follow = (importId: string | null) => set({ import: importId });
  return (
    <Stack>
      <Title order={1}>{t('opImports.title')}</Title>
      <UploadForm onUploaded={follow} />
      {current ? <ImportStatus key={current} importId={current} onClose={() => follow(null)} /> : null}
      <ImportHistory onOpen={follow} />
    </Stack>
  );
}
