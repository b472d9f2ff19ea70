// The forecast in the Tier page's insights (GET /tier `forecast`): the two lines to the next
// review day as a chart (with its data as a visually hidden table), the tier each reaches
// that day, and a compact table of the renewals at risk and the weighted pipeline behind them.
import { Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierPage } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { MUTED } from '../overview/colors.ts';
import classes from '../overview/overview.module.css';
import { ScrollRegion } from '../overview/scroll-region.tsx';
import { SeriesTable } from '../overview/series-table.tsx';
import { FORECAST_COLORS } from './colors.ts';
import type { ForecastRow } from './forecast-chart.tsx';

const ForecastChart = lazy(() => import('./forecast-chart.tsx'));

type Forecast = NonNullable<TierPage['forecast']>;
type LineKey = 'baseline' | 'pipeline';

/** Rows per kind in the compact table; the rest are counted. */
const SHOWN = 6;

function LineFigure({ forecast, line }: { forecast: Forecast; line: LineKey }) {
  const { t } = useTranslation();
  const f = useFormat();
  const l = forecast.lines[line];
  const last = l.points.at(-1)!;
  return (
    <Stack
      gap={2}
      data-testid={`forecast-${line}`}
      data-total={last.total}
      data-tier={l.reviewDayTier?.id ?? ''}
    >
      <Group gap={8} wrap="nowrap">
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 18,
            height: 0,
            borderTop: `3px ${line === 'pipeline' ? 'dashed' : 'solid'} ${FORECAST_COLORS[line]}`,
          }}
        />
        <Text size="sm" fw={600}>
          {t(`tierForecast.${line}`)}
        </Text>
      </Group>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="forecast-review-total">
        {t('tierForecast.onReviewDay', { points: f.points(last.total), date: f.date(forecast.reviewDay) })}
      </Text>
      <Text size="sm" data-testid="forecast-review-tier">
        {t('tierForecast.reaches', { tier: l.reviewDayTier?.name ?? t('tierForecast.noTier') })}
      </Text>
    </Stack>
  );
}

function Behind({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = t('tierForecast.behind');
  const { atRisk, pipeline } = forecast;
  if (atRisk.length === 0 && pipeline.length === 0) {
    return (
      <Text size="sm" c={MUTED}>
        {t('tierForecast.nothing')}
      </Text>
    );
  }
  const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 100) / 100;
  const more = (n: number) =>
    n > SHOWN ? (
      <Table.Tr>
        <Table.Td colSpan={5}>
          <Text size="xs" c={MUTED}>
            {t('tierForecast.more', { count: n - SHOWN })}
          </Text>
        </Table.Td>
      </Table.Tr>
    ) : null;
  const total = (key: string, label: string, points: number) => (
    <Table.Tr data-testid={key} data-points={points}>
      <Table.Th scope="row" colSpan={4}>
        {label}
      </Table.Th>
      <Table.Td ta="right" className={classes.num} fw={700}>
        {f.points(points)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <section aria-label={title}>
      <Title order={4} size="h6" mb={2}>
        {title}
      </Title>
      <Text size="xs" c={MUTED} mb={6}>
        {t('tierForecast.behindHint')}
      </Text>
      <ScrollRegion label={title}>
        <Table verticalSpacing={4} data-testid="forecast-behind">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tierForecast.kind')}</Table.Th>
              <Table.Th>{t('tierForecast.what')}</Table.Th>
              <Table.Th>{t('tierForecast.when')}</Table.Th>
              <Table.Th>{t('tierForecast.detail')}</Table.Th>
              <Table.Th ta="right">{t('tierForecast.points')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {atRisk.slice(0, SHOWN).map((r) => (
              <Table.Tr key={`${r.clientId}/${r.product}`} data-kind="atRisk" data-points={-r.points}>
                <Table.Td>{t('tierForecast.atRisk')}</Table.Td>
                <Table.Td>
                  {r.clientName} · {r.product}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.renewalDate)}</Table.Td>
                <Table.Td>
                  {r.status === 'cancellation_requested'
                    ? t('tierForecast.cancellation')
                    : t('tierForecast.pending', { date: f.date(r.decisionDeadline) })}
                </Table.Td>
                <Table.Td ta="right" className={classes.num}>
                  {f.points(-r.points)}
                </Table.Td>
              </Table.Tr>
            ))}
            {more(atRisk.length)}
            {atRisk.length > 0
              ? total(
                  'forecast-total-at-risk',
                  t('tierForecast.totalAtRisk'),
                  -sum(atRisk.map((r) => r.points)),
                )
              : null}
            {pipeline.slice(0, SHOWN).map((p) => (
              <Table.Tr key={`${p.kind}/${p.id}`} data-kind={p.kind} data-points={p.weightedPoints}>
                <Table.Td>{t(`tierForecast.${p.kind}`)}</Table.Td>
                <Table.Td>
                  {p.clientName && !p.name.includes(p.clientName) ? `${p.name} · ${p.clientName}` : p.name}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(p.closeDate)}</Table.Td>
                <Table.Td>
                  {t('tierForecast.weighted', {
                    probability: f.percent(p.probability),
                    points: f.points(p.points),
                    mrr: f.money(p.expectedMrr),
                  })}
                </Table.Td>
                <Table.Td ta="right" className={classes.num}>
                  +{f.points(p.weightedPoints)}
                </Table.Td>
              </Table.Tr>
            ))}
            {more(pipeline.length)}
            {pipeline.length > 0
              ? total(
                  'forecast-total-pipeline',
                  t('tierForecast.totalPipeline'),
                  sum(pipeline.map((p) => p.weightedPoints)),
                )
              : null}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </section>
  );
}

export function ForecastSection({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summaryId = useId();
  const title = t('tierForecast.title');
  const chartTitle = t('tierForecast.chart');
  const rows: ForecastRow[] = forecast.dates.map((date, k) => ({
    date,
    baseline: forecast.lines.baseline.points[k]!.total,
    pipeline: forecast.lines.pipeline.points[k]!.total,
  }));
  const last = rows.at(-1)!;
  return (
    <section aria-label={title} data-testid="forecast" data-review-day={forecast.reviewDay}>
      <Title order={3} size="h6" mb={2}>
        {title}
      </Title>
      <Text size="sm" c={MUTED} mb="sm">
        {t('tierForecast.intro', { date: f.date(forecast.reviewDay) })}
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <LineFigure forecast={forecast} line="baseline" />
          <LineFigure forecast={forecast} line="pipeline" />
        </SimpleGrid>
        <figure style={{ margin: 0 }} aria-label={chartTitle} aria-describedby={summaryId}>
          <Suspense fallback={<Skeleton height={320} aria-label={t('tierForecast.loading')} />}>
            <ForecastChart rows={rows} title={chartTitle} />
          </Suspense>
          <Text component="figcaption" id={summaryId} size="xs" c={MUTED} mt="xs">
            {t('tierForecast.summary', {
              from: f.date(rows[0]!.date),
              to: f.date(last.date),
              baseline: f.points(last.baseline),
              pipeline: f.points(last.pipeline),
            })}
          </Text>
        </figure>
        <SeriesTable
          caption={chartTitle}
          head={t('tierForecast.date')}
          testId="forecast-table"
          columns={[
            { key: 'baseline', label: t('tierForecast.baseline') },
            { key: 'pipeline', label: t('tierForecast.pipeline') },
          ]}
          rows={rows.map((row) => ({
            key: row.date,
            label: f.date(row.date),
            cells: (['baseline', 'pipeline'] as const).map((key) => ({
              key,
              value: row[key],
              text: f.points(row[key]),
            })),
          }))}
        />
        <Behind forecast={forecast} />
      </Stack>
    </section>
  );
}
