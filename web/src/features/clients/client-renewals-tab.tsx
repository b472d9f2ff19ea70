// The client panel's "Renewals" tab: for each upcoming renewal, who owns the renewal
// communication, the vendor's renewal manager, and the current and renewal subscription.
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientRenewals } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { MUTED } from '../../ui/tone.tsx';
import { StatusBadge } from './badges.tsx';
import { useClientRenewals } from './queries.ts';
import { useRelativeDays } from './relative-time.ts';
import { Facts, TabBody } from './tab-body.tsx';

type Renewal = ClientRenewals['renewals'][number];

function Subscription({ label, value, hint }: { label: string; value: string; hint?: string | null }) {
  return (
    <Paper bg="gray.0" p="sm" radius="sm">
      <Text size="xs" c={MUTED} fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="lg" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c={MUTED} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

function RenewalCard({ renewal }: { renewal: Renewal }) {
  const { t } = useTranslation();
  const f = useFormat();
  const relative = useRelativeDays();
  const none = t('common.none');
  const change = renewal.projectedMrrChange;
  const changeText =
    change === null
      ? t('clients.renewals.unknownChange')
      : change.amount === 0
        ? t('clients.renewals.noChange')
        : `${t('clients.renewals.change')}: ${change.amount > 0 ? '+' : ''}${f.money(change)}`;
  return (
    <Paper withBorder p="md" radius="md" data-testid="client-renewal">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div>
            <Text fw={700}>{renewal.product}</Text>
            <Text size="sm" c={MUTED}>
              {relative(renewal.daysToRenewal)} · {f.date(renewal.renewalDate)}
            </Text>
          </div>
          <StatusBadge status={renewal.status} />
        </Group>
        <Facts
          items={[
            {
              key: 'owner',
              label: t('clients.renewals.communicationOwner'),
              value: renewal.communicationOwner ?? none,
            },
            {
              key: 'manager',
              label: t('clients.renewals.renewalManager'),
              value: renewal.renewalManager ?? none,
            },
            {
              key: 'deadline',
              label: t('clients.renewals.decisionDeadline'),
              value: f.date(renewal.decisionDeadline),
            },
          ]}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Subscription
            label={t('clients.renewals.currentSubscription')}
            value={f.money(renewal.currentMrr)}
          />
          <Subscription
            label={t('clients.renewals.renewalSubscription')}
            value={f.money(renewal.renewalMrr)}
            hint={changeText}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function ClientRenewalsTab({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const { t } = useTranslation();
  const query = useClientRenewals(partnerId, clientId);
  return (
    <TabBody query={query} isEmpty={(data) => data.renewals.length === 0} empty={t('clients.renewals.empty')}>
      {(data) => (
        <Stack gap="md">
          {data.renewals.map((r) => (
            <RenewalCard key={`${r.product}|${r.renewalDate}`} renewal={r} />
          ))}
        </Stack>
      )}
    </TabBody>
  );
}
