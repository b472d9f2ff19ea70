// A client's points history in a right-side drawer (opened from the breakdown, kept in the
// URL): active, expired and lost sold points and today's managed points, every sold entry
// with the rule behind it, and managed points month by month. A client that is not the
// partner's (404) shows the not-found state and never data.
import { Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientHistory } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { PanelBody, Stat } from '../../../ui/panel.tsx';
import { ClientNotFound, isNotFound, SideDrawer } from '../../../ui/side-drawer.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { ExportAction } from '../../reports/export-action.tsx';
import { UseInListsAction } from '../../reports/use-in-lists-action.tsx';
import { ManagedHistory } from './history-managed.tsx';
import { SoldHistory } from './history-sold.tsx';
import { useClientHistory } from './queries.ts';

function DrawerTitle({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const history = useClientHistory(partnerId, clientId);
  if (history.isPending) return <Skeleton component="span" display="block" height={24} width={240} />;
  if (!history.data) return <>{t('breakdown.history.title')}</>;
  // Inside the drawer's <h2>: phrasing content only (spans).
  return (
    <span style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <span>{history.data.name}</span>
      <Text component="span" size="sm" c={MUTED} fw={400}>
        {t('breakdown.history.subtitle', { clientId: history.data.clientId, date: f.date(history.data.on) })}
      </Text>
    </span>
  );
}

function Section({ title, caption, children }: { title: string; caption: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={3} size="sm" fw={700} c="dark.5" tt="uppercase" lts={0.4}>
        {title}
      </Title>
      <Text size="xs" c={MUTED}>
        {caption}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * The history's actions: its sold entries exported (the sold-entries report of this one
 * client) and the client put in a list. A saved report has no client filter: no Save.
 */
function HistoryActions({ partnerId, data }: { partnerId: string; data: ClientHistory }) {
  const { t } = useTranslation();
  const name = t('reportActions.export.nameClient', {
    report: t('breakdown.history.title'),
    name: data.name,
    on: data.on,
  });
  return (
    <Group gap="xs" justify="flex-end" wrap="wrap" data-testid="history-actions">
      <UseInListsAction
        partnerId={partnerId}
        defaultName={name}
        clients={{ queryKey: ['client', data.clientId], load: () => Promise.resolve([data.clientId]) }}
      />
      <ExportAction
        partnerId={partnerId}
        report="sold-entries"
        filters={{ client: data.clientId, on: data.on }}
        defaultName={name}
      />
    </Group>
  );
}

function HistoryBody({ partnerId, data }: { partnerId: string; data: ClientHistory }) {
  const { t } = useTranslation();
  const f = useFormat();
  const totals = data.totals;
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <HistoryActions partnerId={partnerId} data={data} />
        <Card withBorder radius="md" padding="md" bg="gray.0">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" data-testid="history-totals">
            <Stat label={t('breakdown.history.totals.activeSold')} value={f.points(totals.activeSold)} />
            <Stat label={t('breakdown.history.totals.expiredSold')} value={f.points(totals.expiredSold)} />
            <Stat label={t('breakdown.history.totals.lostSold')} value={f.points(totals.lostSold)} />
            <Stat label={t('breakdown.history.totals.managed')} value={f.points(totals.managed)} />
          </SimpleGrid>
        </Card>
      </Stack>
      <Section title={t('breakdown.history.sold.title')} caption={t('breakdown.history.sold.caption')}>
        {data.entries.length > 0 ? (
          <SoldHistory entries={data.entries} />
        ) : (
          <Text size="sm" c={MUTED}>
            {t('breakdown.history.sold.empty')}
          </Text>
        )}
      </Section>
      <Section title={t('breakdown.history.managed.title')} caption={t('breakdown.history.managed.caption')}>
        {data.managed.length > 0 ? (
          <ManagedHistory months={data.managed} on={data.on} />
        ) : (
          <Text size="sm" c={MUTED}>
            {t('breakdown.history.managed.empty')}
          </Text>
        )}
      </Section>
    </Stack>
  );
}

function HistoryContent({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const history = useClientHistory(partnerId, clientId);
  if (isNotFound(history.error)) return <ClientNotFound />;
  return <PanelBody query={history}>{(data) => <HistoryBody partnerId={partnerId} data={data} />}</PanelBody>;
}

export function HistoryDrawer({
  partnerId,
  clientId,
  onClose,
}: {
  partnerId: string;
  clientId: string;
  onClose: () => void;
}) {
  return (
    <SideDrawer
      onClose={onClose}
      size="60rem"
      title={<DrawerTitle partnerId={partnerId} clientId={clientId} />}
      testId="client-history"
    >
      <HistoryContent key={`${partnerId}/${clientId}`} partnerId={partnerId} clientId={clientId} />
    </SideDrawer>
  );
}
