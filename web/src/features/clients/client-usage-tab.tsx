// The client panel's "Portal usage" (products and apps used) and "Platform engagement"
// (score and band) tabs, each with the latest month first and the months before it.
import { Badge, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { MUTED } from '../../ui/tone.tsx';
import { BAND_COLOR, BandBadge } from './badges.tsx';
import { NUMERIC } from './clients-table.tsx';
import { useClientEngagement, useClientUsage } from './queries.ts';
import { Facts, SectionTitle, TabBody } from './tab-body.tsx';

const HISTORY_MONTHS = 12;

function Chips({ items }: { items: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text size="sm" c={MUTED}>
        {t('clients.usage.none')}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {items.map((item) => (
        <Badge key={item} variant="default" radius="sm" tt="none" fw={500}>
          {item}
        </Badge>
      ))}
    </Group>
  );
}

export function ClientUsageTab({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useClientUsage(partnerId, clientId);
  return (
    <TabBody query={query} isEmpty={(data) => data.latest === null} empty={t('clients.usage.empty')}>
      {(data) => {
        const latest = data.latest!;
        return (
          <Stack gap="lg" data-testid="client-usage">
            <Text size="sm" c={MUTED}>
              {t('clients.usage.latest', { month: f.month(`${latest.month}-01`) })}
            </Text>
            <Stack gap="xs">
              <SectionTitle>{t('clients.usage.productsUsed')}</SectionTitle>
              <Chips items={latest.productsUsed} />
            </Stack>
            <Stack gap="xs">
              <SectionTitle>{t('clients.usage.appsUsed')}</SectionTitle>
              <Chips items={latest.appsUsed} />
            </Stack>
            <Facts
              items={[
                { key: 'tools', label: t('clients.usage.toolsUsed'), value: f.number(latest.toolsUsed) },
                {
                  key: 'user',
                  label: t('clients.usage.lastActiveUser'),
                  value: latest.lastActiveUser
                    ? `${latest.lastActiveUser}${latest.lastActiveOn ? ` · ${f.date(latest.lastActiveOn)}` : ''}`
                    : t('common.none'),
                },
              ]}
            />
            <Stack gap="xs">
              <SectionTitle>{t('clients.usage.history')}</SectionTitle>
              <Table verticalSpacing={6} data-testid="usage-history">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clients.usage.month')}</Table.Th>
                    <Table.Th style={NUMERIC}>{t('clients.usage.toolsUsed')}</Table.Th>
                    <Table.Th style={NUMERIC}>{t('clients.usage.productsUsed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.history.slice(0, HISTORY_MONTHS).map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{f.month(`${m.month}-01`)}</Table.Td>
                      <Table.Td style={NUMERIC}>{f.number(m.toolsUsed)}</Table.Td>
                      <Table.Td style={NUMERIC}>{f.number(m.productsUsed.length)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Stack>
        );
      }}
    </TabBody>
  );
}

export function ClientEngagementTab({ partnerId, clientId }: { partnerId: string; clientId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useClientEngagement(partnerId, clientId);
  return (
    <TabBody query={query} isEmpty={(data) => data.score === null} empty={t('clients.engagement.empty')}>
      {(data) => (
        <Stack gap="lg" data-testid="client-engagement">
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Text size="xs" c={MUTED} fw={600} tt="uppercase">
                  {t('clients.engagement.score')}
                </Text>
                <Text size="2rem" fw={800} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('clients.engagement.outOf', { score: f.number(data.score ?? 0) })}
                </Text>
                {data.month ? (
                  <Text size="xs" c={MUTED}>
                    {t('clients.engagement.asOf', { month: f.month(`${data.month}-01`) })}
                  </Text>
                ) : null}
              </div>
              {data.band ? <BandBadge band={data.band} size="lg" /> : null}
            </Group>
            <Progress
              value={((data.score ?? 0) / 10) * 100}
              color={data.band ? BAND_COLOR[data.band] : 'gray'}
              aria-label={t('clients.engagement.score')}
            />
            <Text size="xs" c={MUTED} mt={6}>
              {t('clients.engagement.scale')}
            </Text>
          </Paper>
          <Stack gap="xs">
            <SectionTitle>{t('clients.engagement.history')}</SectionTitle>
            <Table verticalSpacing={6} data-testid="engagement-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.engagement.month')}</Table.Th>
                  <Table.Th style={NUMERIC}>{t('clients.engagement.score')}</Table.Th>
                  <Table.Th>{t('clients.engagement.band')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.history.slice(0, HISTORY_MONTHS).map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{f.month(`${m.month}-01`)}</Table.Td>
                    <Table.Td style={NUMERIC}>{f.number(m.score)}</Table.Td>
                    <Table.Td>
                      <BandBadge band={m.band} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Stack>
      )}
    </TabBody>
  );
}
