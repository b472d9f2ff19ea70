// Server state of the users pages: every user (operators) or one partner's (partner admins),
// and the changes: invite, change role, deactivate/reactivate, resend an invitation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type { Role } from '../../lib/session.ts';

export interface UserInfo {
  id: string;
  email: string;
  role: Role;
  partnerId: string | null;
  locale: 'en' | 'sv' | 'nl';
  disabled: boolean;
  hasPassword: boolean;
  invitationPending: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** What an invitation (new or resent) answers. */
export interface InvitationResult {
  user: UserInfo;
  setPasswordLink: { url: string; expiresAt: string } | null;
  emailSent: boolean | null;
  emailError: string | null;
}

/** Every user (operators) or the users of one partner (that partner's admins). */
export type UsersScope = { kind: 'all' } | { kind: 'partner'; partnerId: string };

function base(scope: UsersScope): string {
  return scope.kind === 'all' ? '/api/v1/users' : partnerPath(scope.partnerId, '/users');
}

function userPath(scope: UsersScope, userId: string, rest = ''): string {
  return `${base(scope)}/${encodeURIComponent(userId)}${rest}`;
}

function usersKey(scope: UsersScope) {
  return scope.kind === 'all' ? ['users', 'all'] : [scope.partnerId, 'users'];
}

export function useUsers(scope: UsersScope) {
  return useQuery({ queryKey: usersKey(scope), queryFn: () => api.get<UserInfo[]>(base(scope)) });
}

export interface InviteInput {
  email: string;
  role: Role;
  partnerId?: string | null;
  locale: 'en' | 'sv' | 'nl';
}

function useInvalidate(scope: UsersScope) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: usersKey(scope) });
    if (scope.kind === 'partner') void client.invalidateQueries({ queryKey: ['users', 'all'] });
  };
}

export function useInviteUser(scope: UsersScope) {
  const invalidate = useInvalidate(scope);
  return useMutation({
    mutationFn: (input: InviteInput) => {
      const body =
        scope.kind === 'all' ? input : { email: input.email, role: input.role, locale: input.locale };
      return api.post<InvitationResult>(base(scope), body);
    },
    onSuccess: invalidate,
  });
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
  partnerId?: string | null;
}

export function useUpdateUser(scope: UsersScope) {
  const invalidate = useInvalidate(scope);
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: UserChange }) =>
      api.patch<UserInfo>(userPath(scope, userId), change),
    onSuccess: invalidate,
  });
}

export function useResendInvitation(scope: UsersScope) {
  const invalidate = useInvalidate(scope);
  return useMutation({
    mutationFn: (userId: string) => api.post<InvitationResult>(userPath(scope, userId, '/invitation')),
    onSuccess: invalidate,
  });
}

/** Partner choices for the invite form (operators): the partners table searched by id or name. */
export function usePartnerChoices(search: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'partner-choices', search],
    queryFn: () =>
      api.get<{ partners: { partnerId: string; name: string }[] }>('/api/v1/partners', {
        q: search,
        page: 1,
        pageSize: 20,
      }),
    enabled,
    staleTime: 60_000,
  });
}
