// Tier insights: the points still needed per track to keep the credited tier and to reach
// the next one, the sold points that expire in each of the next three months, and the
// projected points and tier at the next three month ends if nothing new is sold, and the
// forecast to the next review day (../forecast).
import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TierPage } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { ForecastSection } from '../forecast/forecast-section.tsx';
import { MUTED } from './colors.ts';
import classes from './overview.module.css';
import { ScrollRegion } from './scroll-region.tsx';
import { TrackStatus } from './status.tsx';

type Target = NonNullable<TierPage['insights']['keep']>;

function Heading({ children }: { children: string }) {
  return (
    <Title order={3} size="h6" mb={6}>
      {children}
    </Title>
  );
}

function Needed({ data }: { data: TierPage }) {
  const { t } = useTranslation();
  const { keep, next } = data.insights;
  const columns = [
    ...(keep
      ? [{ key: 'keep', label: t('tierOverview.insights.keep', { tier: keep.tierName }), target: keep }]
      : []),
    ...(next
      ? [{ key: 'next', label: t('tierOverview.insights.next', { tier: next.tierName }), target: next }]
      : []),
  ] as { key: string; label: string; target: Target }[];
  if (columns.length === 0) {
    return (
      <Text size="sm" c={MUTED}>
        {t('tierOverview.insights.none')}
      </Text>
    );
  }
  const sourced = data.sellerTrack.counts === 'sourced';
  const rows = [
    { key: 'total', label: t('tierOverview.tracks.total') },
    { key: 'seller', label: t(sourced ? 'tierOverview.tracks.sellerSourced' : 'tierOverview.tracks.seller') },
    { key: 'managed', label: t('tierOverview.tracks.managed') },
  ] as const;
  const title = t('tierOverview.insights.needed');
  return (
    <section aria-label={title}>
      <Heading>{title}</Heading>
      <ScrollRegion label={title}>
        <Table verticalSpacing={6} data-testid="insights-needed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tierOverview.performance.track')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-track={row.key}>
                <Table.Td>{row.label}</Table.Td>
                {columns.map((c) => (
                  <Table.Td
                    key={c.key}
                    ta="right"
                    data-column={c.key}
                    data-missing={c.target.missing[row.key]}
                  >
                    <TrackStatus missing={c.target.missing[row.key]} kind="short" />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </section>
  );
}

function Expirations({ data }: { data: TierPage }) {
  const { t } = useTranslation();
  const f = useFormat();
  const months = data.insights.expirations;
  const title = t('tierOverview.insights.expirations');
  return (
    <section aria-label={title}>
      <Heading>{title}</Heading>
      {months.every((m) => m.total === 0) ? (
        <Text size="sm" c={MUTED}>
          {t('tierOverview.insights.noExpirations')}
        </Text>
      ) : (
        <Stack gap={8} data-testid="insights-expirations">
          {months.map((m) => (
            <Stack key={m.monthEnd} gap={0} data-month={m.monthEnd}>
              <Text size="sm" style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>{t('tierOverview.insights.expiringIn', { month: f.month(m.monthEnd) })}</span>
                <span className={classes.num} style={{ fontWeight: 600 }} data-testid="expiring-total">
                  {f.points(m.total)}
                </span>
              </Text>
              <Text size="xs" c={MUTED}>
                {t('tierOverview.insights.sourcedAssisted', {
                  sourced: f.points(m.sourced),
                  assisted: f.points(m.assisted),
                })}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </section>
  );
}

function Projection({ data }: { data: TierPage }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = t('tierOverview.insights.projection');
  return (
    <section aria-label={title}>
      <Heading>{title}</Heading>
      <ScrollRegion label={title}>
        <Table verticalSpacing={6} data-testid="insights-projection">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tierOverview.insights.monthEnd')}</Table.Th>
              <Table.Th ta="right">{t('tierOverview.tracks.total')}</Table.Th>
              <Table.Th>{t('tierOverview.insights.tier')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.insights.projection.map((p) => (
              <Table.Tr key={p.date} data-date={p.date}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(p.date)}</Table.Td>
                <Table.Td className={classes.num} data-testid="projected-total">
                  {f.points(p.total)}
                </Table.Td>
                <Table.Td data-testid="projected-tier" style={{ whiteSpace: 'nowrap' }}>
                  {p.tier ? (
                    <Text size="sm" fw={600}>
                      {p.tier.name}
                    </Text>
                  ) : (
                    <Text size="sm" c={MUTED}>
                      {t('tierOverview.performance.noTier')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </section>
  );
}

export function InsightsPanel({ query }: { query: UseQueryResult<TierPage> }) {
  const { t } = useTranslation();
  return (
    <Panel id="tier-insights" title={t('tierOverview.insights.title')} query={query}>
      {(data) => (
        <Stack gap="lg" data-testid="tier-insights">
          <Needed data={data} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Expirations data={data} />
            <Projection data={data} />
          </SimpleGrid>
          {data.forecast ? <ForecastSection forecast={data.forecast} /> : null}
        </Stack>
      )}
    </Panel>
  );
}
