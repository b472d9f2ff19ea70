// API tokens: create one (its secret is shown this once), see every token with its scopes,
// creator, last use and expiry, and revoke one (after a confirmation; it stops at once).
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import type { CreatedApiToken, ApiToken as Token } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { ConfirmButton } from '../../../ui/confirm-button.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Panel } from '../../../ui/panel.tsx';

const SCOPES = ['read', 'ingest', 'admin'] as const;

const KEY = ['operator', 'api-tokens'];

function CreateToken() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [expires, setExpires] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<CreatedApiToken>('/api/v1/api-tokens', {
        name,
        scopes,
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
      }),
    onSuccess: async () => {
      setName('');
      setExpires('');
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <Stack>
      <Group
        align="flex-end"
        gap="sm"
        wrap="wrap"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <TextInput
          label={t('opIntegrations.tokenName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={240}
        />
        <Checkbox.Group label={t('opIntegrations.scopes')} value={scopes} onChange={setScopes}>
          <Group gap="sm" mt={6}>
            {SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`opIntegrations.scope.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          type="date"
          label={t('opIntegrations.expires')}
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending}>
          {t('opIntegrations.createToken')}
        </Button>
      </Group>
      <ErrorAlert error={create.error} />
      {create.data && (
        <Alert color="green" variant="light" data-testid="new-token">
          <Text fw={600} mb="xs">
            {t('opIntegrations.tokenOnce')}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Code style={{ wordBreak: 'break-all' }}>{create.data.token}</Code>
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('opIntegrations.copied') : t('opIntegrations.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

function RevokeButton({ token }: { token: Token }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete(`/api/v1/api-tokens/${token.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <ConfirmButton
      label={t('opIntegrations.revoke')}
      ariaLabel={t('opIntegrations.revokeNamed', { name: token.name })}
      confirmLabel={t('opIntegrations.confirmRevoke')}
      cancelLabel={t('opIntegrations.cancel')}
      action={revoke}
    />
  );
}

export function ApiTokens() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({ queryKey: KEY, queryFn: () => api.get<Token[]>('/api/v1/api-tokens') });
  const day = (iso: string | null) => (iso ? f.date(iso.slice(0, 10)) : '—');
  return (
    <Panel id="api-tokens" title={t('opIntegrations.tokens')} query={query}>
      {(tokens) => (
        <Stack>
          <CreateToken />
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="api-tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('opIntegrations.tokenName')}</Table.Th>
                  <Table.Th>{t('opIntegrations.scopes')}</Table.Th>
                  <Table.Th>{t('opIntegrations.createdBy')}</Table.Th>
                  <Table.Th>{t('opIntegrations.lastUsed')}</Table.Th>
                  <Table.Th>{t('opIntegrations.expires')}</Table.Th>
                  <Table.Th>{t('opIntegrations.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      {token.name} <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{token.scopes.map((s) => t(`opIntegrations.scope.${s}`)).join(', ')}</Table.Td>
                    <Table.Td>
                      {token.createdByEmail ?? t('opIntegrations.commandLine')} · {day(token.createdAt)}
                    </Table.Td>
                    <Table.Td>{day(token.lastUsedAt)}</Table.Td>
                    <Table.Td>{day(token.expiresAt)}</Table.Td>
                    <Table.Td>
                      {token.revokedAt ? (
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {t('opIntegrations.revokedOn', { date: day(token.revokedAt) })}
                        </Text>
                      ) : (
                        <RevokeButton token={token} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Panel>
  );
}
