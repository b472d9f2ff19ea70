// The invite form (email, role, partner for partner roles when the caller is an operator,
// the invitation's language) and the answer: "sent to x", or the one-time link to copy.
import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n/locales.ts';
import { ApiError } from '../../lib/api.ts';
import type { Role } from '../../lib/session.ts';
import { type InvitationResult, type UsersScope, useInviteUser, usePartnerChoices } from './queries.ts';

function PartnerSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const choices = usePartnerChoices(search, true);
  const data = (choices.data?.partners ?? []).map((p) => ({
    value: p.partnerId,
    label: `${p.name} (${p.partnerId})`,
  }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      label={t('users.form.partner')}
      placeholder={t('users.form.partnerSearch')}
      searchable
      required
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('users.table.none')}
      error={error}
    />
  );
}

export function InviteModal({
  opened,
  onClose,
  scope,
  roles,
  onInvited,
}: {
  opened: boolean;
  onClose: () => void;
  scope: UsersScope;
  roles: Role[];
  onInvited: (result: InvitationResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const invite = useInviteUser(scope);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('partner-user') ? 'partner-user' : roles[0]!);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>((i18n.language as Locale) ?? 'en');
  const [partnerError, setPartnerError] = useState<string | undefined>();
  const needsPartner = scope.kind === 'all' && role !== 'operator';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsPartner && !partnerId) {
      setPartnerError(t('users.form.partnerNeeded'));
      return;
    }
    invite.mutate(
      {
        email,
        role,
        locale,
        ...(scope.kind === 'all' ? { partnerId: needsPartner ? partnerId : null } : {}),
      },
      {
        onSuccess: (result) => {
          setEmail('');
          setPartnerId(null);
          onInvited(result);
        },
      },
    );
  };
  const error =
    invite.error instanceof ApiError || invite.error instanceof Error ? invite.error.message : null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.form.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit}>
        <Stack>
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <TextInput
            label={t('users.form.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Select
            label={t('users.form.role')}
            required
            allowDeselect={false}
            data={roles.map((r) => ({ value: r, label: t(`common.account.role.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
          />
          {needsPartner ? (
            <PartnerSelect
              value={partnerId}
              onChange={(v) => {
                setPartnerId(v);
                setPartnerError(undefined);
              }}
              error={partnerError}
            />
          ) : null}
          <Select
            label={t('users.form.locale')}
            allowDeselect={false}
            data={(['en', 'sv', 'nl'] as const).map((l) => ({ value: l, label: t(`common.language.${l}`) }))}
            value={locale}
            onChange={(v) => v && setLocale(v as Locale)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('users.form.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('users.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What an invitation answered: sent by email, or the link to copy (no SMTP, or sending failed). */
export function InvitationResultModal({
  result,
  onClose,
}: {
  result: InvitationResult | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const link = result?.setPasswordLink;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Modal
      opened={result !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={result ? t('users.result.title', { email: result.user.email }) : ''}
    >
      {result ? (
        <Stack data-testid="invitation-result">
          {result.emailSent === true ? (
            <Alert color="teal" role="status">
              {t('users.result.sent', { email: result.user.email })}
            </Alert>
          ) : (
            <>
              <Alert color={result.emailSent === false ? 'red' : 'blue'} role="status">
                {result.emailSent === false ? t('users.result.failed') : t('users.result.copy')}
              </Alert>
              {link ? (
                <>
                  <TextInput
                    label={t('users.result.link')}
                    readOnly
                    value={link.url}
                    data-testid="invitation-link"
                  />
                  <Text size="sm">
                    {t('users.result.expires', { date: date.format(new Date(link.expiresAt)) })}
                  </Text>
                  <CopyButton value={link.url}>
                    {({ copied, copy }) => (
                      <Button variant="light" onClick={copy}>
                        {copied ? t('users.result.copied') : t('users.result.copyButton')}
                      </Button>
                    )}
                  </CopyButton>
                </>
              ) : null}
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('users.result.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
