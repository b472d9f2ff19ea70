// A partner's rows behind its figure: the partner's own drill-down API, one metric at a
// time (a figure of several metrics has a switch), paged; they sum to the partner's figure.
import { Anchor, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SideDrawer } from '../../../ui/side-drawer.tsx';
import { TableFooter } from '../../../ui/table-footer.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { PAGE_SIZE, usePartnerRows } from './queries.ts';

export function PartnerRows({
  partner,
  figureName,
  metrics,
  from,
  to,
  onClose,
}: {
  partner: { partnerId: string; name: string; byMetric: Record<string, number> };
  figureName: string;
  metrics: readonly string[];
  from: string;
  to: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  // The first metric with points, so the drawer opens on rows.
  const [metric, setMetric] = useState(
    () => metrics.find((m) => (partner.byMetric[m] ?? 0) > 0) ?? metrics[0]!,
  );
  const [page, setPage] = useState(1);
  const rows = usePartnerRows(partner.partnerId, metric, from, to, page);
  const data = rows.data;
  return (
    <SideDrawer
      title={t('opReports.rows.title', { name: partner.name, figure: figureName })}
      size="xl"
      testId="partner-rows"
      onClose={onClose}
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c={MUTED}>
            {t('opReports.range.covers', { from: f.date(from), to: f.date(to) })}
          </Text>
          <Anchor
            component={Link}
            to={`/operator/partners/${encodeURIComponent(partner.partnerId)}`}
            c={LINK}
          >
            {t('opReports.rows.openPartner')}
          </Anchor>
        </Group>
        {metrics.length > 1 ? (
          <SegmentedControl
            aria-label={t('opReports.rows.metric')}
            value={metric}
            onChange={(value) => {
              setMetric(value);
              setPage(1);
            }}
            data={metrics.map((m) => ({
              value: m,
              label: `${t(`opReports.figure.name.${m}`)} (${f.points(partner.byMetric[m] ?? 0)})`,
            }))}
            fullWidth
            orientation="vertical"
          />
        ) : null}
        <ErrorAlert error={rows.error} />
        {!data ? (
          rows.error ? null : (
            <Skeleton height={200} />
          )
        ) : data.items.length === 0 ? (
          <Text c={MUTED}>{t('opReports.rows.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped data-testid="partner-rows-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('opReports.rows.col.client')}</Table.Th>
                    <Table.Th>{t('opReports.rows.col.date')}</Table.Th>
                    <Table.Th>{t('opReports.rows.col.product')}</Table.Th>
                    <Table.Th>{t('opReports.rows.col.dealType')}</Table.Th>
                    <Table.Th ta="right">{t('opReports.rows.col.points')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr
                      key={`${item.clientId}-${item.entryId ?? ''}-${item.changeId ?? ''}-${item.date}`}
                    >
                      <Table.Td>{item.clientName}</Table.Td>
                      <Table.Td>{f.date(item.date)}</Table.Td>
                      <Table.Td>{item.product ?? '—'}</Table.Td>
                      <Table.Td>{item.dealType ? t(`opReports.rows.deal.${item.dealType}`) : '—'}</Table.Td>
                      <Table.Td ta="right" data-points={item.points}>
                        {f.points(item.points)}
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
              summary={t('opReports.rows.summary', {
                rows: f.number(data.total),
                points: f.points(data.points),
              })}
              label={t('opReports.rows.pages')}
            />
          </>
        )}
      </Stack>
    </SideDrawer>
  );
}
