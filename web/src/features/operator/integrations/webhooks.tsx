// Webhook endpoints: add one (a URL and its events; its signing secret is shown this once),
// see each endpoint with its events and recent deliveries, send it a test event, and delete
// it (after a confirmation; its pending deliveries go with it).
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import type { CreatedWebhook, ManualDelivery, Webhook, WebhookEventType } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { ConfirmButton } from '../../../ui/confirm-button.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Panel } from '../../../ui/panel.tsx';
import {
  deliveriesKey,
  eventMessage,
  WEBHOOK_EVENTS,
  WEBHOOKS_KEY,
  WebhookDeliveries,
} from './webhook-deliveries.tsx';

/** What the server takes (createWebhookBody): an absolute http(s) URL. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function AddWebhook() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['tier.changed']);
  const [tried, setTried] = useState(false);
  const urlError = tried && !isHttpUrl(url) ? t('opIntegrations.webhooks.urlInvalid') : null;
  const eventsError = tried && events.length === 0 ? t('opIntegrations.webhooks.eventsRequired') : null;
  const create = useMutation({
    mutationFn: () =>
      api.post<CreatedWebhook>('/api/v1/webhooks', { url: url.trim(), events: events as WebhookEventType[] }),
    onSuccess: async () => {
      setUrl('');
      setTried(false);
      await client.invalidateQueries({ queryKey: WEBHOOKS_KEY, exact: true });
    },
  });
  return (
    <Stack>
      <Group
        align="flex-start"
        gap="sm"
        wrap="wrap"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (isHttpUrl(url) && events.length > 0) create.mutate();
        }}
      >
        <TextInput
          inputMode="url"
          autoComplete="off"
          label={t('opIntegrations.webhooks.url')}
          description={t('opIntegrations.webhooks.urlHint')}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={urlError}
          w={380}
        />
        <Checkbox.Group
          label={t('opIntegrations.webhooks.events')}
          value={events}
          onChange={setEvents}
          error={eventsError}
        >
          <Stack gap={6} mt={6}>
            {WEBHOOK_EVENTS.map((event) => (
              <Checkbox key={event} value={event} label={t(eventMessage(event))} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button type="submit" loading={create.isPending} mt={24}>
          {t('opIntegrations.webhooks.add')}
        </Button>
      </Group>
      <ErrorAlert error={create.error} />
      {create.data && (
        <Alert color="green" variant="light" data-testid="new-webhook-secret">
          <Text fw={600} mb="xs">
            {t('opIntegrations.webhooks.secretOnce')}
          </Text>
          <Group gap="sm" wrap="nowrap" mb="xs">
            <Code style={{ wordBreak: 'break-all' }}>{create.data.secret}</Code>
            <CopyButton value={create.data.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('opIntegrations.copied') : t('opIntegrations.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">
            {create.data.url} · {t('opIntegrations.webhooks.secretHelp')}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

function DeleteButton({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/webhooks/${webhook.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: WEBHOOKS_KEY, exact: true }),
  });
  return (
    <ConfirmButton
      label={t('opIntegrations.webhooks.delete')}
      ariaLabel={t('opIntegrations.webhooks.deleteNamed', { url: webhook.url })}
      confirmLabel={t('opIntegrations.webhooks.confirmDelete')}
      cancelLabel={t('opIntegrations.cancel')}
      action={remove}
    />
  );
}

function Endpoint({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const test = useMutation({
    mutationFn: () => api.post<ManualDelivery>(`/api/v1/webhooks/${webhook.id}/test`),
    onSuccess: () => client.invalidateQueries({ queryKey: deliveriesKey(webhook.id) }),
  });
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={webhook.url} data-testid="webhook">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Code style={{ wordBreak: 'break-all' }}>{webhook.url}</Code>
            <Text size="sm">
              {WEBHOOK_EVENTS.filter((e) => webhook.events.includes(e))
                .map((e) => t(eventMessage(e)))
                .join(', ')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('opIntegrations.webhooks.created', { date: f.date(webhook.createdAt.slice(0, 10)) })}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" loading={test.isPending} onClick={() => test.mutate()}>
              {t('opIntegrations.webhooks.sendTest')}
            </Button>
            <DeleteButton webhook={webhook} />
          </Group>
        </Group>
        <ErrorAlert error={test.error} />
        {test.isSuccess && (
          <Text size="sm" role="status">
            {t('opIntegrations.webhooks.testSent')}
          </Text>
        )}
        <WebhookDeliveries webhook={webhook} />
      </Stack>
    </Paper>
  );
}

export function Webhooks() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: () => api.get<Webhook[]>('/api/v1/webhooks') });
  return (
    <Panel id="webhooks" title={t('opIntegrations.webhooks.title')} query={query}>
      {(webhooks) => (
        <Stack>
          <AddWebhook />
          <Stack data-testid="webhooks">
            {webhooks.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('opIntegrations.webhooks.none')}
              </Text>
            ) : (
              webhooks.map((webhook) => <Endpoint key={webhook.id} webhook={webhook} />)
            )}
          </Stack>
        </Stack>
      )}
    </Panel>
  );
}
