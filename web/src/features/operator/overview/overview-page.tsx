// The console's overview page (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function OverviewPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('opOverview.title')}</Title>;
}
