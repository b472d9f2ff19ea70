// An endpoint's recent deliveries (event, status, the receiver's response code, attempts,
// time), refreshed while one is on its way, with "Redeliver" on a failed one: the server
// makes a new delivery of the same event, due at once, and the log keeps the failed one.
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import type {
  ManualDelivery,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEventType,
} from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { PanelBody } from '../../../ui/panel.tsx';
import { type Tone, ToneBadge } from '../../../ui/tone.tsx';

export const WEBHOOKS_KEY = ['operator', 'webhooks'];

export const deliveriesKey = (webhookId: string) => [...WEBHOOKS_KEY, webhookId, 'deliveries'];

/** The message of each event an endpoint can subscribe to: the Record makes it name every one. */
const SUBSCRIBABLE: Record<WebhookEventType, string> = {
  'tier.changed': 'tierChanged',
  'points.changed': 'pointsChanged',
  'renewal.due': 'renewalDue',
  'deal.registration.changed': 'registrationChanged',
};

/** The events an endpoint can subscribe to, in the server's order of its schema's enum. */
export const WEBHOOK_EVENTS = Object.keys(SUBSCRIBABLE) as WebhookEventType[];

/** The message key of a delivered event's name (a subscribed event or the test event). */
export function eventMessage(event: WebhookDelivery['event']): string {
  return `opIntegrations.webhooks.event.${event === 'webhook.test' ? 'test' : SUBSCRIBABLE[event]}`;
}

const LIMIT = 20;

type Shown = Exclude<WebhookDeliveryStatus, 'pending'> | 'pending' | 'retrying';

/** A pending delivery that was tried already is waiting to retry. */
function shownStatus(d: WebhookDelivery): Shown {
  return d.status === 'pending' && d.attempts > 0 ? 'retrying' : d.status;
}

const TONE: Record<Shown, Tone> = {
  pending: 'blue',
  sending: 'blue',
  retrying: 'orange',
  delivered: 'teal',
  failed: 'red',
};

/** Refresh every second while a delivery is due within a minute, every 30 s while one waits longer. */
function refreshEvery(deliveries: WebhookDelivery[] | undefined, now: number): number | false {
  const waiting = (deliveries ?? []).filter((d) => d.status === 'pending' || d.status === 'sending');
  if (waiting.length === 0) return false;
  const soon = waiting.some(
    (d) => d.status === 'sending' || !d.nextAttemptAt || Date.parse(d.nextAttemptAt) - now < 60_000,
  );
  return soon ? 1_000 : 30_000;
}

function RedeliverButton({ webhook, delivery }: { webhook: Webhook; delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const redeliver = useMutation({
    mutationFn: () =>
      api.post<ManualDelivery>(`/api/v1/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`),
    onSuccess: () => client.invalidateQueries({ queryKey: deliveriesKey(webhook.id) }),
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" variant="default" loading={redeliver.isPending} onClick={() => redeliver.mutate()}>
        {t('opIntegrations.webhooks.redeliver')}
      </Button>
      <ErrorAlert error={redeliver.error} />
    </Stack>
  );
}

export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const f = useFormat();
  const time = useMemo(
    () => new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeStyle: 'medium' }),
    [f.locale],
  );
  const query = useQuery({
    queryKey: deliveriesKey(webhook.id),
    queryFn: () => api.get<WebhookDelivery[]>(`/api/v1/webhooks/${webhook.id}/deliveries`, { limit: LIMIT }),
    refetchInterval: (q) => refreshEvery(q.state.data, Date.now()),
  });
  const at = (iso: string) => time.format(new Date(iso));
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('opIntegrations.webhooks.deliveries')}
      </Title>
      <PanelBody
        query={query}
        isEmpty={(deliveries) => deliveries.length === 0}
        empty={t('opIntegrations.webhooks.noDeliveries')}
      >
        {(deliveries) => (
          <Table.ScrollContainer minWidth={720}>
            <Table
              data-testid="webhook-deliveries"
              aria-label={t('opIntegrations.webhooks.deliveriesOf', { url: webhook.url })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('opIntegrations.webhooks.eventColumn')}</Table.Th>
                  <Table.Th>{t('opIntegrations.status')}</Table.Th>
                  <Table.Th>{t('opIntegrations.webhooks.code')}</Table.Th>
                  <Table.Th>{t('opIntegrations.webhooks.attempts')}</Table.Th>
                  <Table.Th>{t('opIntegrations.webhooks.time')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.map((d) => {
                  const shown = shownStatus(d);
                  return (
                    <Table.Tr key={d.id} data-delivery={d.id} data-status={shown}>
                      <Table.Td>{t(eventMessage(d.event))}</Table.Td>
                      <Table.Td>
                        <ToneBadge tone={TONE[shown]}>
                          {t(`opIntegrations.webhooks.state.${shown}`)}
                        </ToneBadge>
                        {shown === 'retrying' && d.nextAttemptAt && (
                          <Text size="xs" c="dimmed" mt={4}>
                            {t('opIntegrations.webhooks.nextAttempt', { time: at(d.nextAttemptAt) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-testid="response-code">
                        {d.lastStatusCode ?? '—'}
                        {d.lastStatusCode === null && d.lastError && (
                          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                            {d.lastError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{d.attempts}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {at(d.lastAttemptAt ?? d.createdAt)}
                      </Table.Td>
                      <Table.Td>
                        {d.status === 'failed' && <RedeliverButton webhook={webhook} delivery={d} />}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PanelBody>
    </Stack>
  );
}
