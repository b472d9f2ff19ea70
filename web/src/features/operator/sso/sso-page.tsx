// The console's single sign-on page: the identity provider and the email domain mappings.
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';

type Role = 'operator' | 'partner-admin' | 'partner-user';
interface Mapping {
  domain: string;
  partnerId: string | null;
  role: Role;
}
interface SsoConfig {
  configured: boolean;
  issuer: string | null;
  clientId: string | null;
  clientSecretHint: string | null;
  domains: Mapping[];
}

const ROLES: Role[] = ['partner-user', 'partner-admin', 'operator'];

export default function SsoPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const config = useQuery({
    queryKey: ['sso-config'],
    queryFn: () => api.get<SsoConfig>('/api/v1/sso-config'),
  });
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [domains, setDomains] = useState<Mapping[]>([]);
  useEffect(() => {
    if (!config.data) return;
    setIssuer(config.data.issuer ?? '');
    setClientId(config.data.clientId ?? '');
    setDomains(config.data.domains);
  }, [config.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<SsoConfig>('/api/v1/sso-config', {
        issuer,
        clientId,
        ...(secret ? { clientSecret: secret } : {}),
        domains: domains.map((d) => ({ ...d, partnerId: d.role === 'operator' ? null : d.partnerId || '' })),
      }),
    onSuccess: (data) => {
      setSecret('');
      queryClient.setQueryData(['sso-config'], data);
      void queryClient.invalidateQueries({ queryKey: ['sso-status'] });
    },
  });
  const turnOff = useMutation({
    mutationFn: () => api.delete<void>('/api/v1/sso-config'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sso-config'] }),
  });
  const change = (i: number, patch: Partial<Mapping>) =>
    setDomains((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack maw={760}>
      <Title order={1}>{t('opSso.title')}</Title>
      <Text>{t('opSso.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('opSso.callback', { url: `${window.location.origin}/api/auth/oidc/callback` })}
      </Text>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          {save.isSuccess ? <Alert color="green">{t('opSso.saved')}</Alert> : null}
          {save.isError ? (
            <Alert color="red" role="alert">
              {t('opSso.failed', { message: save.error.message })}
            </Alert>
          ) : null}
          <TextInput
            label={t('opSso.issuer')}
            required
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            placeholder="https://login.example.com"
          />
          <TextInput
            label={t('opSso.clientId')}
            required
            value={clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('opSso.clientSecret')}
            autoComplete="new-password"
            required={!config.data?.configured}
            description={
              config.data?.clientSecretHint
                ? t('opSso.secretKept', { hint: config.data.clientSecretHint })
                : undefined
            }
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
          />
          <Title order={2} size="h4">
            {t('opSso.domains')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('opSso.domainsHint')}
          </Text>
          {domains.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the domain itself changes
            <Group key={i} align="flex-end" wrap="wrap">
              <TextInput
                label={t('opSso.domain')}
                required
                value={d.domain}
                onChange={(e) => change(i, { domain: e.currentTarget.value })}
                placeholder="acme.example"
              />
              <Select
                label={t('opSso.role')}
                data={ROLES.map((r) => ({ value: r, label: t(`opSso.roles.${r}`) }))}
                value={d.role}
                allowDeselect={false}
                onChange={(v) =>
                  v &&
                  change(i, { role: v as Role, partnerId: v === 'operator' ? null : (d.partnerId ?? '') })
                }
              />
              {d.role === 'operator' ? null : (
                <TextInput
                  label={t('opSso.partner')}
                  required
                  value={d.partnerId ?? ''}
                  onChange={(e) => change(i, { partnerId: e.currentTarget.value })}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('opSso.remove', { domain: d.domain })}
                onClick={() => setDomains((list) => list.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setDomains((list) => [...list, { domain: '', partnerId: '', role: 'partner-user' }])
              }
            >
              {t('opSso.addDomain')}
            </Button>
          </Group>
          <Group justify="space-between">
            <Button type="submit" loading={save.isPending}>
              {t('opSso.save')}
            </Button>
            {config.data?.configured ? (
              <Button
                variant="subtle"
                color="red"
                loading={turnOff.isPending}
                onClick={() => turnOff.mutate()}
              >
                {t('opSso.turnOff')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
