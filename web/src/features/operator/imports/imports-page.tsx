// The console's imports page (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function ImportsPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('opImports.title')}</Title>;
}
