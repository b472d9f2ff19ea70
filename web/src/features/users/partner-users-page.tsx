// The partner super admin's users page in the partner portal: their own partner's users only.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../lib/session.ts';
import { MUTED } from '../../ui/tone.tsx';
import { UsersManager } from './users-manager.tsx';

export default function PartnerUsersPage() {
  const { t } = useTranslation();
  const { partnerId = '' } = useParams();
  const me = useMe();
  return (
    <Stack>
      <Title order={1}>{t('users.title')}</Title>
      <Text c={MUTED}>{t('users.partnerIntro')}</Text>
      {me.data ? <UsersManager scope={{ kind: 'partner', partnerId }} selfId={me.data.user.id} /> : null}
    </Stack>
  );
}
