// The console's users page: every user, with the shared users table and actions.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session.ts';
import { UsersManager } from '../../users/users-manager.tsx';

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack>
      <Title order={1}>{t('opUsers.title')}</Title>
      {me.data ? <UsersManager scope={{ kind: 'all' }} selfId={me.data.user.id} /> : null}
    </Stack>
  );
}
