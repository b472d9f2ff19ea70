// What a program states once for all its rule sets: the tier review (review days, window,
// protection), the commission and the renewals. A missing or malformed value shows as JSON.
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';
import { MUTED } from '../../../ui/tone.tsx';
import { JsonValue } from './field-values.tsx';

type Json = Record<string, unknown>;
const record = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

function Rows({ title, rows, testId }: { title: string; rows: [string, ReactNode][]; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500} w="55%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function ProgramSettings({ document }: { document: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  const doc = record(document);
  const review = record(doc.tierReview);
  const commission = record(doc.commission);
  const renewals = record(doc.renewals);
  const dayOfYear = new Intl.DateTimeFormat(f.locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const num = (v: unknown, show: (n: number) => ReactNode) =>
    typeof v === 'number' ? show(v) : <JsonValue value={v} />;
  const months = (v: unknown) => num(v, (n) => t('opProgram.value.months', { count: n }));
  const days = (v: unknown) => num(v, (n) => t('opProgram.value.days', { count: n }));
  const reviewDays = Array.isArray(review.reviewDays) ? review.reviewDays : [];
  const dayText = (day: unknown) => {
    const date = typeof day === 'string' ? new Date(`2023-${day}T00:00:00Z`) : null;
    return date && !Number.isNaN(date.getTime()) ? dayOfYear.format(date) : String(day);
  };
  const dealTypes = Array.isArray(commission.dealTypes) ? commission.dealTypes : [];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('opProgram.settings.title')}
      </Title>
      <Text size="sm" c={MUTED}>
        {t('opProgram.settings.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Rows
          testId="program-tier-review"
          title={t('opProgram.settings.tierReview')}
          rows={[
            [t('opProgram.settings.reviewDays'), reviewDays.map(dayText).join(', ') || '—'],
            [t('opProgram.settings.windowMonths'), months(review.windowMonths)],
            [t('opProgram.settings.protectionMonths'), months(review.protectionMonths)],
          ]}
        />
        <Rows
          testId="program-commission"
          title={t('opProgram.settings.commission')}
          rows={[
            [t('opProgram.settings.rate'), num(commission.rate, (n) => f.percent(n))],
            [t('opProgram.settings.months'), months(commission.months)],
            [
              t('opProgram.settings.dealTypes'),
              dealTypes
                .map((d) => t(`opProgram.dealType.${String(d)}`, { defaultValue: String(d) }))
                .join(', ') || '—',
            ],
            [
              t('opProgram.settings.payout'),
              commission.payout === 'quarterly' ? (
                t('opProgram.settings.quarterly')
              ) : (
                <JsonValue key="payout" value={commission.payout} />
              ),
            ],
            [t('opProgram.settings.payoutLagDays'), days(commission.payoutLagDays)],
          ]}
        />
        <Rows
          testId="program-renewals"
          title={t('opProgram.settings.renewals')}
          rows={[
            [t('opProgram.settings.horizonDays'), days(renewals.horizonDays)],
            [t('opProgram.settings.decisionLeadDays'), days(renewals.decisionLeadDays)],
          ]}
        />
      </SimpleGrid>
    </Stack>
  );
}
