// The console's audit page (being built).
import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function AuditPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t('opAudit.title')}</Title>;
}
