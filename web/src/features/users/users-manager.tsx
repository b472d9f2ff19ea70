// The whole users page body, for every user (operators) or one partner (its admins): filters,
// the table, invite, change role, deactivate/reactivate with a confirmation, resend.
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../lib/session.ts';
import { SearchIcon } from '../../ui/icons.tsx';
import { Panel } from '../../ui/panel.tsx';
import { InvitationResultModal, InviteModal } from './invite-modal.tsx';
import {
  type InvitationResult,
  type UserChange,
  type UserInfo,
  type UsersScope,
  useResendInvitation,
  useUpdateUser,
  useUsers,
} from './queries.ts';
import { type UserAction, UsersTable } from './users-table.tsx';

const ALL_ROLES: Role[] = ['operator', 'partner-admin', 'partner-user'];
const PARTNER_ROLES: Role[] = ['partner-admin', 'partner-user'];

interface Confirming {
  user: UserInfo;
  disable: boolean;
}

export function UsersManager({ scope, selfId }: { scope: UsersScope; selfId: string }) {
  const { t } = useTranslation();
  const isAll = scope.kind === 'all';
  const users = useUsers(scope);
  const update = useUpdateUser(scope);
  const resend = useResendInvitation(scope);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [partner, setPartner] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const [result, setResult] = useState<InvitationResult | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);

  const partnerIds = useMemo(
    () =>
      [...new Set((users.data ?? []).map((u) => u.partnerId).filter((p): p is string => p !== null))].sort(),
    [users.data],
  );

  const shown = (list: UserInfo[]) => {
    const q = search.trim().toLowerCase();
    return list.filter(
      (u) =>
        (!role || u.role === role) &&
        (!partner || u.partnerId === partner) &&
        (!q || u.email.includes(q) || (u.partnerId ?? '').toLowerCase().includes(q)),
    );
  };

  // A partner user may become an operator (leaving the partner); an operator becomes a
  // partner user only by inviting anew, as that needs a partner.
  const roleChoices = (user: UserInfo): Role[] =>
    user.role === 'operator' ? [] : isAll ? ALL_ROLES : PARTNER_ROLES;

  const change = (user: UserInfo, c: UserChange) => update.mutate({ userId: user.id, change: c });

  const onAction = (user: UserInfo, action: UserAction) => {
    if (action.kind === 'role')
      change(
        user,
        action.role === 'operator' ? { role: 'operator', partnerId: null } : { role: action.role },
      );
    else if (action.kind === 'resend') resend.mutate(user.id, { onSuccess: setResult });
    else setConfirming({ user, disable: action.kind === 'deactivate' });
  };

  const failure = update.error ?? resend.error;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Group wrap="wrap" align="flex-end">
          <TextInput
            label={t('users.filters.search')}
            leftSection={<SearchIcon size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="users-search"
          />
          <Select
            label={t('users.filters.role')}
            placeholder={t('users.filters.all')}
            clearable
            data={(isAll ? ALL_ROLES : PARTNER_ROLES).map((r) => ({
              value: r,
              label: t(`common.account.role.${r}`),
            }))}
            value={role}
            onChange={setRole}
          />
          {isAll ? (
            <Select
              label={t('users.filters.partner')}
              placeholder={t('users.filters.all')}
              clearable
              searchable
              data={partnerIds}
              value={partner}
              onChange={setPartner}
            />
          ) : null}
        </Group>
        <Button onClick={() => setInviting(true)} data-testid="invite-user">
          {t('users.invite')}
        </Button>
      </Group>
      {failure ? (
        <Alert
          color="red"
          role="alert"
          withCloseButton
          onClose={() => {
            update.reset();
            resend.reset();
          }}
        >
          {failure.message}
        </Alert>
      ) : null}
      <Panel id="users" title={t('users.table.caption')} query={users}>
        {(list) => (
          <UsersTable
            users={shown(list)}
            showPartner={isAll}
            selfId={selfId}
            roleChoices={roleChoices}
            onAction={onAction}
          />
        )}
      </Panel>
      <InviteModal
        opened={inviting}
        onClose={() => setInviting(false)}
        scope={scope}
        roles={isAll ? ALL_ROLES : PARTNER_ROLES}
        onInvited={(r) => {
          setInviting(false);
          setResult(r);
        }}
      />
      <InvitationResultModal result={result} onClose={() => setResult(null)} />
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={
          confirming
            ? t(confirming.disable ? 'users.confirm.deactivateTitle' : 'users.confirm.reactivateTitle', {
                email: confirming.user.email,
              })
            : ''
        }
      >
        {confirming ? (
          <Stack>
            <Text>
              {t(confirming.disable ? 'users.confirm.deactivateText' : 'users.confirm.reactivateText')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('users.confirm.cancel')}
              </Button>
              <Button
                color={confirming.disable ? 'red.9' : undefined}
                loading={update.isPending}
                data-testid="confirm-user-change"
                onClick={() =>
                  update.mutate(
                    { userId: confirming.user.id, change: { disabled: confirming.disable } },
                    { onSettled: () => setConfirming(null) },
                  )
                }
              >
                {t(confirming.disable ? 'users.actions.deactivate' : 'users.actions.reactivate')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
