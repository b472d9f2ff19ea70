// The partners a draft would change: credited tier before and after, total points before and
// after with the change, each track (sourced, assisted, sold, managed) and the commission
// change over the period; only tier changes or every change, searched by partner id.
import { Anchor, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WhatIfAnswer, WhatIfRow } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { TableFooter } from '../../../ui/table-footer.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { Change } from './change.tsx';
import { delta, direction, type MoverFilter, movers, type Track } from './what-if-model.ts';

const PAGE_SIZE = 25;
const TRACKS: Track[] = ['sourced', 'assisted', 'sold', 'managed'];

function TrackCell({ row, track }: { row: WhatIfRow; track: Track }) {
  const f = useFormat();
  const before = row.before[track];
  const after = row.after[track];
  return (
    <Table.Td ta="right" data-track={track}>
      <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
        {before === after ? f.points(after) : `${f.points(before)} → ${f.points(after)}`}
      </Text>
    </Table.Td>
  );
}

export function WhatIfMovers({
  answer,
  order,
  name,
}: {
  answer: WhatIfAnswer;
  order: string[];
  name: (tierId: string | null) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [filter, setFilter] = useState<MoverFilter>('tier');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const rows = movers(answer.partners, filter, search, order);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const money = (amount: number) => f.money({ amount, currency: answer.commission.currency });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Title order={3} size="h5" id={`${id}-title`}>
            {t('opProgram.whatIf.movers.title')}
          </Title>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`${id}-filter`}>
                {t('opProgram.whatIf.movers.show')}
              </Text>
              <SegmentedControl
                size="sm"
                aria-labelledby={`${id}-filter`}
                value={filter}
                onChange={(v) => {
                  setFilter(v as MoverFilter);
                  setPage(1);
                }}
                data={[
                  { value: 'tier', label: t('opProgram.whatIf.movers.tierOnly') },
                  { value: 'all', label: t('opProgram.whatIf.movers.all') },
                ]}
              />
            </Stack>
            <TextInput
              label={t('opProgram.whatIf.movers.search')}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              w={200}
            />
          </Group>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c={MUTED} data-testid="what-if-no-movers">
            {filter === 'tier'
              ? t('opProgram.whatIf.movers.noTierChanges')
              : t('opProgram.whatIf.movers.none')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={1080}>
              <Table data-testid="what-if-movers" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('opProgram.whatIf.movers.partner')}</Table.Th>
                    <Table.Th>{t('opProgram.whatIf.movers.tierBefore')}</Table.Th>
                    <Table.Th>{t('opProgram.whatIf.movers.tierAfter')}</Table.Th>
                    <Table.Th ta="right">{t('opProgram.whatIf.movers.totalBefore')}</Table.Th>
                    <Table.Th ta="right">{t('opProgram.whatIf.movers.totalAfter')}</Table.Th>
                    <Table.Th ta="right">{t('opProgram.whatIf.change')}</Table.Th>
                    {TRACKS.map((track) => (
                      <Table.Th key={track} ta="right">
                        {t(`opProgram.whatIf.movers.track.${track}`)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('opProgram.whatIf.movers.commission')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((row) => {
                    const move = direction(row, order);
                    const pay = answer.commission.partners[row.partnerId];
                    return (
                      <Table.Tr key={row.partnerId} data-partner={row.partnerId} data-move={move}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/operator/partners/${encodeURIComponent(row.partnerId)}`}
                            c={LINK}
                            size="sm"
                          >
                            {row.partnerId}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{name(row.before.credited)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" span fw={move !== 0 ? 600 : undefined}>
                            {name(row.after.credited)}
                            {move > 0 ? ' ↑' : move < 0 ? ' ↓' : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{f.points(row.before.total)}</Table.Td>
                        <Table.Td ta="right">{f.points(row.after.total)}</Table.Td>
                        <Table.Td ta="right">
                          <Change value={delta(row.before.total, row.after.total)} format={f.points} />
                        </Table.Td>
                        {TRACKS.map((track) => (
                          <TrackCell key={track} row={row} track={track} />
                        ))}
                        <Table.Td ta="right">
                          {pay ? <Change value={delta(pay.before, pay.after)} format={money} /> : '—'}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <TableFooter
              page={page}
              pageSize={PAGE_SIZE}
              total={rows.length}
              onPage={setPage}
              summary={t('opProgram.whatIf.movers.count', { count: rows.length })}
              label={t('opProgram.whatIf.movers.pages')}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
