// The client panel's "Client info" tab: company details, subscriptions, contact and email
// tiers, and the vendor's links (Company in CRM, Go to client's account).
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { ExternalLinkIcon } from '../../ui/icons.tsx';
import { MUTED } from '../../ui/tone.tsx';
import { RelationshipBadge } from './badges.tsx';
import { NUMERIC } from './clients-table.tsx';
import { Facts, SectionTitle, TabBody } from './tab-body.tsx';

function useDisplayNames(locale: string) {
  return useMemo(
    () => ({
      region: new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }),
      currency: new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' }),
    }),
    [locale],
  );
}

function Relationship({ data }: { data: ClientDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = data.managements.find((m) => m.startDate <= data.on && (!m.endDate || m.endDate > data.on));
  const last = data.managements.at(-1);
  return (
    <Stack gap={4} align="flex-start">
      {data.relationship ? (
        <RelationshipBadge relationship={data.relationship} />
      ) : (
        <Text size="sm">{t('clients.info.formerClient')}</Text>
      )}
      {open ? (
        <Text size="xs" c={MUTED}>
          {t('clients.info.managedSince', { date: f.date(open.startDate) })}
        </Text>
      ) : last?.endDate ? (
        <Text size="xs" c={MUTED}>
          {t('clients.info.managedPeriod', { from: f.date(last.startDate), to: f.date(last.endDate) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Subscriptions({ data }: { data: ClientDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (data.subscriptions.length === 0) {
    return (
      <Text size="sm" c={MUTED}>
        {t('clients.info.noSubscriptions')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={360} type="native">
      <Table verticalSpacing="xs" data-testid="client-subscriptions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.info.product')}</Table.Th>
            <Table.Th>{t('clients.info.since')}</Table.Th>
            <Table.Th style={NUMERIC}>{t('clients.column.mrr')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.subscriptions.map((s) => (
            <Table.Tr key={s.product}>
              <Table.Td>{s.product}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(s.since)}</Table.Td>
              <Table.Td style={NUMERIC}>{f.money(s.mrr)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2} scope="row">
              {t('clients.info.totalMrr')}
            </Table.Th>
            <Table.Td style={NUMERIC} fw={700}>
              {f.money(data.mrr)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function Links({ client }: { client: ClientDetail['client'] }) {
  const { t } = useTranslation();
  const links = [
    { key: 'crm', href: client.crmUrl, label: t('clients.actions.crm') },
    { key: 'account', href: client.accountUrl, label: t('clients.actions.account') },
  ].filter((l): l is { key: string; href: string; label: string } => Boolean(l.href));
  if (links.length === 0) return null;
  return (
    <Group gap="sm">
      {links.map((l) => (
        <Button
          key={l.key}
          component="a"
          href={l.href}
          target="_blank"
          rel="noopener noreferrer"
          variant="light"
          size="xs"
          rightSection={<ExternalLinkIcon size={14} />}
          aria-label={`${l.label} ${t('clients.actions.newTab')}`}
        >
          {l.label}
        </Button>
      ))}
    </Group>
  );
}

export function ClientInfoTab({ query }: { query: UseQueryResult<ClientDetail> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useDisplayNames(f.locale);
  const none = t('common.none');
  return (
    <TabBody query={query}>
      {(data) => {
        const c = data.client;
        return (
          <Stack gap="lg" data-testid="client-info">
            <Links client={c} />
            <Stack gap="xs">
              <SectionTitle>{t('clients.info.company')}</SectionTitle>
              <Facts
                items={[
                  { key: 'id', label: t('clients.info.clientId'), value: c.clientId },
                  { key: 'rel', label: t('clients.info.relationship'), value: <Relationship data={data} /> },
                  { key: 'domain', label: t('clients.info.domain'), value: c.domain ?? none },
                  { key: 'industry', label: t('clients.info.industry'), value: c.industry ?? none },
                  {
                    key: 'employees',
                    label: t('clients.info.employees'),
                    value: c.employees === null ? none : f.number(c.employees),
                  },
                  { key: 'country', label: t('clients.info.country'), value: names.region.of(c.country) },
                  {
                    key: 'currency',
                    label: t('clients.info.currency'),
                    value: `${names.currency.of(c.currency) ?? c.currency} (${c.currency})`,
                  },
                ]}
              />
            </Stack>
            <Stack gap="xs">
              <SectionTitle>{t('clients.info.subscriptions')}</SectionTitle>
              <Subscriptions data={data} />
            </Stack>
            <Stack gap="xs">
              <SectionTitle>{t('clients.info.tiers')}</SectionTitle>
              <Facts
                items={[
                  { key: 'contact', label: t('clients.info.contactTier'), value: c.contactTier ?? none },
                  { key: 'email', label: t('clients.info.emailTier'), value: c.emailTier ?? none },
                ]}
              />
            </Stack>
          </Stack>
        );
      }}
    </TabBody>
  );
}
