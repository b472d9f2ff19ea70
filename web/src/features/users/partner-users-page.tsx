// The partner super admin's users page in the partner portal (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function PartnerUsersPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('common.nav.users')}</Title>;
}
