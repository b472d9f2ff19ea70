// The users table with each row's actions (change role, resend invitation, deactivate or
// reactivate). The caller decides which roles a row may take and handles each action.
import { ActionIcon, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../lib/session.ts';
import { DotsIcon } from '../../ui/icons.tsx';
import { MUTED, type Tone, ToneBadge } from '../../ui/tone.tsx';
import type { UserInfo } from './queries.ts';

export type UserAction =
  | { kind: 'role'; role: Role }
  | { kind: 'resend' }
  | { kind: 'deactivate' }
  | { kind: 'reactivate' };

type Status = 'active' | 'invited' | 'expired' | 'disabled';

function statusOf(user: UserInfo): Status {
  if (user.disabled) return 'disabled';
  if (user.hasPassword) return 'active';
  return user.invitationPending ? 'invited' : 'expired';
}

const STATUS_TONE: Record<Status, Tone> = {
  active: 'teal',
  invited: 'blue',
  expired: 'orange',
  disabled: 'red',
};

const ROLE_ACTION: Record<Role, 'makeOperator' | 'makeAdmin' | 'makeUser'> = {
  operator: 'makeOperator',
  'partner-admin': 'makeAdmin',
  'partner-user': 'makeUser',
};

function RowActions({
  user,
  isSelf,
  roleChoices,
  onAction,
}: {
  user: UserInfo;
  isSelf: boolean;
  roleChoices: (user: UserInfo) => Role[];
  onAction: (user: UserInfo, action: UserAction) => void;
}) {
  const { t } = useTranslation();
  const roles = isSelf ? [] : roleChoices(user).filter((r) => r !== user.role);
  return (
    <Menu position="bottom-end" shadow="md" width={240} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('users.actions.for', { email: user.email })}
          data-testid="user-actions"
        >
          <DotsIcon size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        {isSelf ? <Menu.Item disabled>{t('users.actions.you')}</Menu.Item> : null}
        {roles.map((role) => (
          <Menu.Item key={role} onClick={() => onAction(user, { kind: 'role', role })}>
            {t(`users.actions.${ROLE_ACTION[role]}`)}
          </Menu.Item>
        ))}
        {!user.hasPassword && !user.disabled ? (
          <Menu.Item onClick={() => onAction(user, { kind: 'resend' })}>
            {t('users.actions.resend')}
          </Menu.Item>
        ) : null}
        {isSelf ? null : (
          <>
            <Menu.Divider />
            {user.disabled ? (
              <Menu.Item onClick={() => onAction(user, { kind: 'reactivate' })}>
                {t('users.actions.reactivate')}
              </Menu.Item>
            ) : (
              <Menu.Item color="red.9" onClick={() => onAction(user, { kind: 'deactivate' })}>
                {t('users.actions.deactivate')}
              </Menu.Item>
            )}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function UsersTable({
  users,
  showPartner,
  selfId,
  roleChoices,
  onAction,
}: {
  users: UserInfo[];
  showPartner: boolean;
  selfId: string;
  roleChoices: (user: UserInfo) => Role[];
  onAction: (user: UserInfo, action: UserAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (users.length === 0) return <Text c={MUTED}>{t('users.table.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
        <Table.Caption>{t('users.table.count', { count: users.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.table.email')}</Table.Th>
            <Table.Th scope="col">{t('users.table.role')}</Table.Th>
            {showPartner ? <Table.Th scope="col">{t('users.table.partner')}</Table.Th> : null}
            <Table.Th scope="col">{t('users.table.status')}</Table.Th>
            <Table.Th scope="col">{t('users.table.lastSignIn')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('users.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const status = statusOf(user);
            return (
              <Table.Tr key={user.id} data-email={user.email}>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{t(`common.account.role.${user.role}`)}</Table.Td>
                {showPartner ? <Table.Td>{user.partnerId ?? '—'}</Table.Td> : null}
                <Table.Td>
                  <ToneBadge tone={STATUS_TONE[status]}>{t(`users.status.${status}`)}</ToneBadge>
                </Table.Td>
                <Table.Td>
                  {user.lastSignInAt ? date.format(new Date(user.lastSignInAt)) : t('users.table.never')}
                </Table.Td>
                <Table.Td ta="right">
                  <RowActions
                    user={user}
                    isSelf={user.id === selfId}
                    roleChoices={roleChoices}
                    onAction={onAction}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
