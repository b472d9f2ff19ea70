// Commission: paid to date and upcoming (estimated) totals, the next and the last payouts,
// and a link to the full commission page.
import { Button, Divider, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Commission, Payout } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { Panel, Stat } from '../../ui/panel.tsx';
import { useQuarter } from '../commission/commission-tables.tsx';
import classes from './activity.module.css';
import { useCommission } from './activity-queries.ts';

const SHORT_LIST = 3;

function PayoutList({ title, payouts, none }: { title: string; payouts: Payout[]; none: string }) {
  const f = useFormat();
  const { t } = useTranslation();
  const quarter = useQuarter();
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      {payouts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {payouts.slice(0, SHORT_LIST).map((payout) => (
            <Group key={payout.quarter} component="li" justify="space-between" gap="sm" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm">{f.date(payout.payoutDate)}</Text>
                <Text size="xs" c="dimmed">
                  {t('activity.commission.forQuarter', { quarter: quarter(payout.quarter) })}
                </Text>
              </Stack>
              <Text size="sm" fw={600} className={classes.num}>
                {f.money(payout.amount)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function isEmpty(data: Commission): boolean {
  return data.past.length === 0 && data.upcoming.length === 0 && data.payments.length === 0;
}

export function CommissionPanel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useCommission(partnerId);
  return (
    <Panel
      id="commission"
      title={t('activity.commission.title')}
      query={query}
      isEmpty={isEmpty}
      empty={t('activity.commission.empty')}
    >
      {(data) => (
        <Stack gap="md" data-testid="commission">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg">
            <Stat
              label={t('activity.commission.paid')}
              value={<span className={classes.num}>{f.money(data.paidTotal)}</span>}
            />
            <Stat
              label={t('activity.commission.upcoming')}
              value={<span className={classes.num}>{f.money(data.upcomingTotal)}</span>}
              hint={t('activity.commission.rate', { rate: f.percent(data.rate) })}
            />
          </SimpleGrid>
          <Divider />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg">
            <PayoutList
              title={t('activity.commission.next')}
              payouts={data.upcoming}
              none={t('activity.commission.noneUpcoming')}
            />
            <PayoutList
              title={t('activity.commission.last')}
              payouts={data.past}
              none={t('activity.commission.nonePast')}
            />
          </SimpleGrid>
          <Group>
            <Button
              variant="light"
              size="sm"
              component={Link}
              to={`/partners/${encodeURIComponent(partnerId)}/commission`}
            >
              {t('activity.commission.viewAll')}
            </Button>
          </Group>
        </Stack>
      )}
    </Panel>
  );
}
