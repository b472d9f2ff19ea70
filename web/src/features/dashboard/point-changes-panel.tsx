// Tier point changes for a date range: new and lost sold points, new and lost managed
// points. Each figure (and each part of the sold ones) opens the report behind it.
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointChanges } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { type DateRange, DateRangePicker, presetRange } from '../../ui/date-range.tsx';
import { Panel } from '../../ui/panel.tsx';
import classes from './activity.module.css';
import { usePointChanges } from './activity-queries.ts';
import { Figure, FigureParts, TONE_COLOR, toneOf, useSignedPoints } from './figure.tsx';
import {
  FIGURE_PARTS,
  FIGURE_TONE,
  POINT_FIGURES,
  PointChangeReport,
  type PointFigure,
  type PointReport,
} from './point-change-report.tsx';

/** Rounded to the API's 2 decimals, so that sums of points do not show float noise. */
function netChange(data: PointChanges): number {
  return Math.round((data.wonSold - data.lostSold + data.newManaged - data.lostManaged) * 100) / 100;
}

export function PointChangesPanel({ partnerId, today }: { partnerId: string; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const signed = useSignedPoints();
  const [range, setRange] = useState<DateRange>(() => presetRange('last30', today));
  const query = usePointChanges(partnerId, range);
  const [report, setReport] = useState<PointReport | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (next: PointReport) => {
    setReport(next);
    setOpened(true);
  };
  const rangeText = t('activity.range', { from: f.date(range.from), to: f.date(range.to) });
  return (
    <Panel
      id="point-changes"
      title={t('activity.pointChanges.title')}
      actions={<DateRangePicker value={range} today={today} onChange={setRange} />}
      query={query}
    >
      {(data) => {
        const net = netChange(data);
        const netTone = toneOf(net, net > 0 ? 'gain' : 'loss');
        const figureOpen = (figure: PointFigure) => {
          const parts = FIGURE_PARTS[figure];
          open({ figure, category: parts.find((part) => data[part] > 0) ?? parts[0]! });
        };
        return (
          <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <SimpleGrid
              cols={2}
              spacing="sm"
              data-testid="point-changes"
              role="group"
              aria-label={t('activity.pointChanges.figures', { range: rangeText })}
            >
              {POINT_FIGURES.map((figure) => {
                const label = t(`activity.pointChanges.${figure}`);
                const tone = toneOf(data[figure], FIGURE_TONE[figure]);
                const parts = FIGURE_PARTS[figure];
                return (
                  <Stack key={figure} gap={0}>
                    <Figure
                      label={label}
                      value={signed(data[figure], tone)}
                      tone={tone}
                      category={figure}
                      onOpen={() => figureOpen(figure)}
                    />
                    {parts.length > 1 ? (
                      <FigureParts
                        label={t('activity.pointChanges.partsOf', { figure: label })}
                        parts={parts.map((category) => ({
                          category,
                          label: t(`activity.pointChanges.part.${category}`),
                          value: f.points(data[category]),
                          onOpen: () => open({ figure, category }),
                        }))}
                      />
                    ) : null}
                  </Stack>
                );
              })}
            </SimpleGrid>
            <Group gap={6} data-testid="point-changes-net">
              <Text size="sm" c="dimmed">
                {t('activity.pointChanges.net')}
              </Text>
              <Text size="sm" fw={600} c={TONE_COLOR[netTone]} className={classes.num}>
                {t('common.points', { value: signed(net, netTone) })}
              </Text>
            </Group>
            {report ? (
              <PointChangeReport
                partnerId={partnerId}
                range={range}
                figures={data}
                report={report}
                opened={opened}
                onClose={() => setOpened(false)}
                onCategoryChange={(category) => setReport({ ...report, category })}
              />
            ) : null}
          </Stack>
        );
      }}
    </Panel>
  );
}
