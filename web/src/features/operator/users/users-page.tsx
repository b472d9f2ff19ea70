// The console's users page (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function UsersPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('opUsers.title')}</Title>;
}
