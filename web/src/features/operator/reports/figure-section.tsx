// One point-change figure across partners: the figure, the range and an optional partner,
// the total, and a table per partner sorted by the figure (the server pages it, so
// thousands of partners are 25 rows at a time). A partner's name opens it in the console;
// its Show rows button opens the rows behind its figure. The export is every partner's
// (or the one partner's) unsummarized rows of the same metrics and range.
import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnerFigures } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TableFooter } from '../../../ui/table-footer.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { ExportAction } from '../../reports/export-action.tsx';
import {
  FIGURE_NAMES,
  FIGURES,
  type Figure,
  isFigure,
  metricParam,
  presetRange,
  type Range,
  validRange,
} from './figures.ts';
import { PartnerRows } from './partner-rows.tsx';
import { PAGE_SIZE, usePartnerFigures, usePartnerOptions } from './queries.ts';
import { RangePicker } from './range-picker.tsx';

type Item = PartnerFigures['items'][number];

export function FigureSection({ today }: { today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [figure, setFigure] = useState<Figure>('lost-sold');
  const [range, setRange] = useState<Range>(() => presetRange('last30', today));
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Item | null>(null);
  const valid = validRange(range.from, range.to);
  const figures = usePartnerFigures({ figure, ...range, partnerId, page, enabled: valid });
  const partners = usePartnerOptions();
  const metrics: readonly string[] = FIGURES[figure];
  const figureName = (fig: Figure) =>
    fig === 'lost-sold' || fig === 'won-sold'
      ? t(`opReports.figure.short.${fig}`)
      : t(`opReports.figure.name.${fig}`);
  const data = figures.data;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="figure-title"
      data-testid="figure-section"
    >
      <Stack gap="md">
        <Title order={2} size="h4" id="figure-title">
          {t('opReports.figure.title')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('opReports.figure.label')}
            data={FIGURE_NAMES.map((fig) => ({ value: fig, label: t(`opReports.figure.name.${fig}`) }))}
            value={figure}
            allowDeselect={false}
            w={400}
            onChange={(value) => {
              if (isFigure(value)) {
                setFigure(value);
                setPage(1);
              }
            }}
            data-testid="figure-select"
          />
          <RangePicker
            value={range}
            today={today}
            onChange={(next) => {
              setRange(next);
              setPage(1);
            }}
          />
          <Select
            label={t('opReports.partner.label')}
            placeholder={t('opReports.partner.all')}
            data={(partners.data?.partners ?? []).map((p) => ({
              value: p.partnerId,
              label: `${p.name} (${p.partnerId})`,
            }))}
            value={partnerId}
            searchable
            clearable
            limit={50}
            nothingFoundMessage={t('common.state.empty')}
            w={260}
            onChange={(value) => {
              setPartnerId(value);
              setPage(1);
            }}
            data-testid="partner-filter"
          />
        </Group>
        <ErrorAlert error={figures.error} />
        {data && valid ? (
          <>
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <div>
                <Text size="sm" c={MUTED}>
                  {t('opReports.total')} · {figureName(figure)} ·{' '}
                  {t('opReports.range.covers', { from: f.date(data.from), to: f.date(data.to) })}
                </Text>
                <Text fz={32} fw={700} data-testid="figure-total" data-value={data.points}>
                  {f.points(data.points)}
                </Text>
                <Text size="sm" c={MUTED} data-testid="figure-summary">
                  {t('opReports.summary', {
                    partners: f.number(data.total),
                    clients: f.number(data.clients),
                  })}
                </Text>
              </div>
              <div data-testid="figure-export">
                <ExportAction
                  partnerId={partnerId}
                  report="point-changes"
                  filters={{ metric: metricParam(figure), from: range.from, to: range.to }}
                  defaultName={t('opReports.exportName', {
                    figure: figureName(figure),
                    from: range.from,
                    to: range.to,
                  })}
                />
              </div>
            </Group>
            {data.items.length === 0 ? (
              <Text c={MUTED}>{t('opReports.empty')}</Text>
            ) : (
              <>
                <Table.ScrollContainer minWidth={640}>
                  <Table highlightOnHover data-testid="figure-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('opReports.col.partner')}</Table.Th>
                        <Table.Th ta="right">{figureName(figure)}</Table.Th>
                        {metrics.length > 1
                          ? metrics.map((m) => (
                              <Table.Th key={m} ta="right">
                                {t(`opReports.figure.name.${m}`)}
                              </Table.Th>
                            ))
                          : null}
                        <Table.Th ta="right">{t('opReports.col.clients')}</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>{t('opReports.col.rows')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((row) => (
                        <Table.Tr key={row.partnerId} data-partner={row.partnerId}>
                          <Table.Td>
                            <Anchor
                              component={Link}
                              to={`/operator/partners/${encodeURIComponent(row.partnerId)}`}
                              c={LINK}
                            >
                              {row.name}
                            </Anchor>{' '}
                            <Text span size="xs" c={MUTED}>
                              {row.partnerId}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right" fw={600} data-points={row.points}>
                            {f.points(row.points)}
                          </Table.Td>
                          {metrics.length > 1
                            ? metrics.map((m) => (
                                <Table.Td key={m} ta="right">
                                  {f.points(row.byMetric[m] ?? 0)}
                                </Table.Td>
                              ))
                            : null}
                          <Table.Td ta="right" data-clients={row.clients}>
                            {f.number(row.clients)}
                          </Table.Td>
                          <Table.Td ta="right">
                            <Button
                              size="xs"
                              variant="subtle"
                              c={LINK}
                              aria-label={t('opReports.showFor', { name: row.name })}
                              onClick={() => setOpen(row)}
                            >
                              {t('opReports.show')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <TableFooter
                  page={data.page}
                  pageSize={PAGE_SIZE}
                  total={data.total}
                  onPage={setPage}
                  summary={t('opReports.partnerCount', { formatted: f.number(data.total) })}
                  label={t('opReports.pages')}
                />
              </>
            )}
          </>
        ) : valid ? (
          <Skeleton height={200} />
        ) : null}
      </Stack>
      {open ? (
        <PartnerRows
          partner={open}
          figureName={figureName(figure)}
          metrics={metrics}
          from={range.from}
          to={range.to}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Card>
  );
}
