// The console's partners page (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function PartnersPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('opPartners.title')}</Title>;
}
