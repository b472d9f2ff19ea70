// The console's integrations page (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function IntegrationsPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('opIntegrations.title')}</Title>;
}
