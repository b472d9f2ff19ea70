// The client panel: a right-side drawer opened from the URL (?client=ID) with the tabs
// Client info, Renewals, Portal usage and Platform engagement, each its own query (run when
// its tab is shown). A client that is not the partner's (404) shows the not-found state.
import { Skeleton, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientNotFound, isNotFound, SideDrawer } from '../../ui/side-drawer.tsx';
import { RelationshipBadge } from './badges.tsx';
import { ClientInfoTab } from './client-info-tab.tsx';
import { ClientRenewalsTab } from './client-renewals-tab.tsx';
import { ClientEngagementTab, ClientUsageTab } from './client-usage-tab.tsx';
import { useClientDetail } from './queries.ts';

const TABS = ['info', 'renewals', 'usage', 'engagement'] as const;
type Tab = (typeof TABS)[number];

function DrawerTitle({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const { t } = useTranslation();
  const detail = useClientDetail(partnerId, clientId);
  if (detail.isPending) return <Skeleton component="span" display="block" height={24} width={220} />;
  if (!detail.data) return <>{t('clients.drawer.title')}</>;
  // Inside the drawer's <h2>: phrasing content only (spans).
  return (
    <span
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 'var(--mantine-spacing-sm)' }}
    >
      <span>{detail.data.client.name}</span>
      {detail.data.relationship ? <RelationshipBadge relationship={detail.data.relationship} /> : null}
    </span>
  );
}

function ClientTabs({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('info');
  const detail = useClientDetail(partnerId, clientId);
  if (isNotFound(detail.error)) return <ClientNotFound />;
  return (
    <Tabs
      value={tab}
      onChange={(value) => setTab(TABS.includes(value as Tab) ? (value as Tab) : 'info')}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('clients.drawer.tabsLabel')} mb="md" style={{ flexWrap: 'wrap' }}>
        {TABS.map((value) => (
          <Tabs.Tab key={value} value={value} data-testid={`client-tab-${value}`}>
            {t(`clients.drawer.tabs.${value}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="info">
        <ClientInfoTab query={detail} />
      </Tabs.Panel>
      <Tabs.Panel value="renewals">
        <ClientRenewalsTab partnerId={partnerId} clientId={clientId} />
      </Tabs.Panel>
      <Tabs.Panel value="usage">
        <ClientUsageTab partnerId={partnerId} clientId={clientId} />
      </Tabs.Panel>
      <Tabs.Panel value="engagement">
        <ClientEngagementTab partnerId={partnerId} clientId={clientId} />
      </Tabs.Panel>
    </Tabs>
  );
}

export function ClientDrawer({
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
      size="lg"
      title={<DrawerTitle partnerId={partnerId} clientId={clientId} />}
      testId="client-drawer"
    >
      {/* A new client starts on its first tab. */}
      <ClientTabs key={`${partnerId}/${clientId}`} partnerId={partnerId} clientId={clientId} />
    </SideDrawer>
  );
}
