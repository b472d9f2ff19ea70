// The console's integrations page: API tokens, then webhook endpoints.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiTokens } from './tokens.tsx';
import { Webhooks } from './webhooks.tsx';

export default function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('opIntegrations.title')}</Title>
      <ApiTokens />
      <Webhooks />
    </Stack>
  );
}
