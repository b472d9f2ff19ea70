// The full commission view: every upcoming (estimated) and paid payout by quarter, and the
// payments the vendor recorded, in a drawer over the dashboard.
import { Drawer, Group, Stack, Table, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commission, Payout } from '../../lib/api-types.ts';
import { type Money, useFormat } from '../../lib/format.ts';
import { NestedDialog } from '../../ui/nested-dialog.ts';
import { ExportAction } from '../reports/export-action.tsx';
import { SaveReportAction } from '../reports/save-report-action.tsx';
import { UseInListsAction } from '../reports/use-in-lists-action.tsx';
import classes from './activity.module.css';
import { commissionClientIds } from './activity-queries.ts';
import { ScrollRegion } from './report-drawer.tsx';

/** "2026-Q3" in the language's words. */
export function useQuarter(): (quarter: string) => string {
  const { t } = useTranslation();
  return (quarter) => {
    const [year, q] = quarter.split('-Q');
    return q ? t('activity.commission.quarter', { q, year }) : quarter;
  };
}

function Th({ children, numeric }: { children: ReactNode; numeric?: boolean }) {
  return <Table.Th ta={numeric ? 'right' : undefined}>{children}</Table.Th>;
}

function Num({ children, strong }: { children: ReactNode; strong?: boolean }) {
  return (
    <Table.Td ta="right" className={classes.num} fw={strong ? 600 : undefined}>
      {children}
    </Table.Td>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py="md">
      {children}
    </Text>
  );
}

function PayoutTable({
  label,
  payouts,
  total,
  none,
}: {
  label: string;
  payouts: Payout[];
  total: Money;
  none: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const quarter = useQuarter();
  if (payouts.length === 0) return <Empty>{none}</Empty>;
  const col = (key: string) => t(`activity.commission.col.${key}`);
  return (
    <ScrollRegion label={label}>
      <Table miw={520} highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Th>{col('quarter')}</Th>
            <Th>{col('payoutDate')}</Th>
            <Th numeric>{col('deals')}</Th>
            <Th numeric>{col('amount')}</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payouts.map((payout) => (
            <Table.Tr key={payout.quarter} data-testid="commission-payout">
              <Table.Td>{quarter(payout.quarter)}</Table.Td>
              <Table.Td>{f.date(payout.payoutDate)}</Table.Td>
              <Num>{f.number(payout.deals)}</Num>
              <Num strong>{f.money(payout.amount)}</Num>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>{t('activity.report.total')}</Table.Th>
            <Num strong>{f.money(total)}</Num>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollRegion>
  );
}

function PaymentTable({ payments }: { payments: Commission['payments'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (payments.length === 0) return <Empty>{t('activity.commission.nonePast')}</Empty>;
  const col = (key: string) => t(`activity.commission.col.${key}`);
  return (
    <ScrollRegion label={t('activity.commission.tabs.payments')}>
      <Table miw={420} highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Th>{col('paidOn')}</Th>
            <Th>{col('reference')}</Th>
            <Th numeric>{col('amount')}</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((payment) => (
            <Table.Tr key={payment.reference}>
              <Table.Td>{f.date(payment.paidOn)}</Table.Td>
              <Table.Td>{payment.reference}</Table.Td>
              <Num strong>{f.money(payment.amount)}</Num>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function CommissionDrawer({
  partnerId,
  data,
  opened,
  onClose,
}: {
  partnerId: string;
  data: Commission;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  // A dialog of the view's actions is open over it: Escape closes that dialog only.
  const [nested, setNested] = useState(false);
  const defaultName = t('reportActions.export.nameDay', {
    report: t('activity.commission.schedule'),
    on: data.on,
  });
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      closeOnEscape={!nested}
      position="right"
      size={phone ? '100%' : 'min(760px, 80vw)'}
      title={
        <Text fw={700} fz="lg" span>
          {t('activity.commission.schedule')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="commission-schedule">
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('activity.commission.estimate', { rate: f.percent(data.rate) })}
          </Text>
          <NestedDialog.Provider value={setNested}>
            <Group gap="xs" justify="flex-end" data-testid="commission-actions">
              <UseInListsAction
                partnerId={partnerId}
                defaultName={defaultName}
                clients={{
                  queryKey: ['commission', data.on],
                  load: () => commissionClientIds(partnerId, data.on),
                }}
              />
              <ExportAction
                partnerId={partnerId}
                report="commission"
                filters={{ on: data.on }}
                defaultName={defaultName}
              />
              <SaveReportAction
                partnerId={partnerId}
                defaultName={t('activity.commission.schedule')}
                definition={{ report: 'commission' }}
              />
            </Group>
          </NestedDialog.Provider>
        </Group>
        <Tabs defaultValue={data.upcoming.length > 0 ? 'upcoming' : 'past'}>
          <Tabs.List>
            <Tabs.Tab value="upcoming">{t('activity.commission.tabs.upcoming')}</Tabs.Tab>
            <Tabs.Tab value="past">{t('activity.commission.tabs.past')}</Tabs.Tab>
            <Tabs.Tab value="payments">{t('activity.commission.tabs.payments')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="upcoming" pt="sm">
            <PayoutTable
              label={t('activity.commission.tabs.upcoming')}
              payouts={data.upcoming}
              total={data.upcomingTotal}
              none={t('activity.commission.noneUpcoming')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="past" pt="sm">
            <PayoutTable
              label={t('activity.commission.tabs.past')}
              payouts={data.past}
              total={data.paidTotal}
              none={t('activity.commission.nonePast')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="payments" pt="sm">
            <PaymentTable payments={data.payments} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Drawer>
  );
}
