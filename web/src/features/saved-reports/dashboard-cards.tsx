// The user's saved-report cards on the partner dashboard: each shows the report's name, its
// live figure and the range it covers, opens the report on the Reports page, and can be
// moved or removed. Nothing shows when the user has no cards for this partner.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardCard } from '../../lib/api-types.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { LINK, MUTED } from '../../ui/tone.tsx';
import { useDescribe } from './describe.ts';
import { useDashboardCards, useOrderCards, useRemoveCard } from './queries.ts';

export function DashboardCards({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const query = useDashboardCards();
  const order = useOrderCards();
  const remove = useRemoveCard();
  const all = query.data?.cards ?? [];
  const cards = all.filter((card) => card.report.partnerId === partnerId);
  if (cards.length === 0) return null;
  const move = (card: DashboardCard, by: -1 | 1) => {
    const ids = all.map((c) => c.id);
    const mine = cards.map((c) => c.id);
    const at = mine.indexOf(card.id);
    const other = mine[at + by];
    if (other === undefined) return;
    const i = ids.indexOf(card.id);
    const j = ids.indexOf(other);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    order.mutate(ids);
  };
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      mb="md"
      component="section"
      aria-labelledby="cards-title"
      data-panel="cards"
    >
      <Title order={2} size="h4" id="cards-title" mb="md">
        {t('savedReports.cards.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {cards.map((card, index) => (
          <ReportCard
            key={card.id}
            partnerId={partnerId}
            card={card}
            first={index === 0}
            last={index === cards.length - 1}
            busy={order.isPending || remove.isPending}
            onMove={(by) => move(card, by)}
            onRemove={() => remove.mutate(card.id)}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert error={order.error ?? remove.error} />
    </Card>
  );
}

function ReportCard({
  partnerId,
  card,
  first,
  last,
  busy,
  onMove,
  onRemove,
}: {
  partnerId: string;
  card: DashboardCard;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const { report } = card;
  const name = report.name;
  return (
    <Card withBorder radius="sm" padding="md" data-testid="dashboard-card" data-report-id={report.id}>
      <Stack gap={6} h="100%" justify="space-between">
        <Stack gap={2}>
          <Anchor
            component={Link}
            to={`/partners/${encodeURIComponent(partnerId)}/reports?report=${report.id}`}
            fw={600}
            c={LINK}
            aria-label={t('savedReports.cards.open', { name })}
            data-testid="card-name"
          >
            {name}
          </Anchor>
          <Text size="xs" c={MUTED}>
            {describe.report(report)}
          </Text>
          <Text size="xl" fw={700} data-testid="card-figure" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {describe.figure(report.figure)}
          </Text>
          <Text size="xs" c={MUTED} data-testid="card-range">
            {describe.covers(report.figure)}
          </Text>
        </Stack>
        <Group gap={6} wrap="wrap">
          <Button
            size="compact-xs"
            variant="default"
            disabled={first || busy}
            onClick={() => onMove(-1)}
            aria-label={t('savedReports.cards.leftLabel', { name })}
          >
            {t('savedReports.cards.left')}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            disabled={last || busy}
            onClick={() => onMove(1)}
            aria-label={t('savedReports.cards.rightLabel', { name })}
          >
            {t('savedReports.cards.right')}
          </Button>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            disabled={busy}
            onClick={onRemove}
            aria-label={t('savedReports.cards.removeLabel', { name })}
          >
            {t('savedReports.cards.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
