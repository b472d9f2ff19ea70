// One month end of the three-month projection: the tier performance then, points per track with the change since today, and the sold points expiring that month.
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';

export const TRACKS = ['sourced', 'assisted', 'sold', 'managed', 'total'] as const;
export type Track = (typeof TRACKS)[number];
export type TrackPoints = Record<Track, number>;

const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;

export function ProjectionCard({
  index,
  heading,
  date,
  tierName,
  movement,
  points,
  today,
  expiring,
}: {
  index: number;
  heading: string;
  date: string;
  tierName: string;
  /** How the tier compares with today's. */
  movement: string;
  points: TrackPoints;
  /** Today's points, to show the change. */
  today: TrackPoints;
  expiring: { sourced: number; assisted: number; total: number };
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const signed = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-label={heading}
      data-testid={`projection-month-${index}`}
      data-date={date}
    >
      <Stack gap="sm">
        <div>
          <Text fw={700}>{heading}</Text>
          <Text size="xs" c="dimmed">
            {f.date(date)}
          </Text>
        </div>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('previews.projection.tierThen')}
          </Text>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed">
              {movement}
            </Text>
            <Badge variant="light" color={tierName ? 'blue' : 'gray'} data-testid="projection-tier">
              {tierName || t('previews.projection.noTier')}
            </Badge>
          </Group>
        </Group>
        <Table
          verticalSpacing={4}
          horizontalSpacing={4}
          fz="sm"
          aria-label={t('previews.projection.tableLabel', { month: f.month(date) })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('previews.projection.track')}</Table.Th>
              <Table.Th style={num}>{t('previews.projection.points')}</Table.Th>
              <Table.Th style={num}>{t('previews.projection.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {TRACKS.map((track) => {
              const change = Math.round((points[track] - today[track]) * 100) / 100;
              return (
                <Table.Tr key={track} fw={track === 'total' ? 700 : undefined}>
                  <Table.Td>{t(`previews.projection.${track}`)}</Table.Td>
                  <Table.Td style={num} data-testid={`projection-${track}`}>
                    {f.points(points[track])}
                  </Table.Td>
                  <Table.Td style={num} c={change < 0 ? 'red.8' : change > 0 ? 'teal.8' : 'dimmed'}>
                    {signed.format(change)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Stack gap={0}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{t('previews.projection.expiring')}</Text>
            <Text size="sm" fw={600} style={num} data-testid="projection-expiring">
              {f.points(expiring.total)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('previews.projection.expiringSplit', {
              sourced: f.points(expiring.sourced),
              assisted: f.points(expiring.assisted),
            })}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}
