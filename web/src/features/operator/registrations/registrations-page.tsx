// The console's registration queue: the partners' deal registrations of one view (submitted
// by default: the queue; or pending extension requests, or any status), each with a marker
// when it matches another partner's client or registration. A row opens its detail in a
// side drawer: the conflict evidence and the decisions. The view and the open one are in the URL.
import { Alert, Button, Card, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRegistration } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { isQueueView, QUEUE_VIEWS, useQueue } from './queries.ts';
import { ConflictMarker, RegistrationStatus } from './registration-badges.tsx';
import { RegistrationDetail } from './registration-detail.tsx';

export default function RegistrationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, set] = useUrlState();
  const viewParam = params.get('view');
  const view = isQueueView(viewParam) ? viewParam : 'submitted';
  const queue = useQueue(view);
  const openId = params.get('open');
  const list = queue.data?.registrations ?? [];
  const open = list.find((r) => r.id === openId) ?? null;
  // What the last decision did: the registration may have left this view.
  const [notice, setNotice] = useState<string | null>(null);
  const mrr = (r: QueueRegistration) => f.money({ amount: Number(r.expectedMrr), currency: r.currency });
  return (
    <Stack gap="md">
      <Title order={1}>{t('opRegistrations.title')}</Title>
      <Text c={MUTED}>{t('opRegistrations.intro')}</Text>
      <Group>
        <Select
          label={t('opRegistrations.view.label')}
          data={QUEUE_VIEWS.map((v) => ({ value: v, label: t(`opRegistrations.view.${v}`) }))}
          value={view}
          allowDeselect={false}
          onChange={(v) => {
            setNotice(null);
            set({ view: v === 'submitted' ? null : v, open: null });
          }}
          data-testid="registration-view"
          w={280}
        />
      </Group>
      {notice ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          data-testid="decision-notice"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t('common.close')}
        >
          {notice}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="lg">
        <PanelBody
          query={queue}
          isEmpty={(q) => q.registrations.length === 0}
          empty={t(`opRegistrations.empty.${view === 'submitted' || view === 'extension' ? view : 'other'}`)}
        >
          {(q) => (
            <Stack gap="sm">
              <Table.ScrollContainer minWidth={900}>
                <Table
                  data-testid="registration-queue"
                  verticalSpacing="xs"
                  horizontalSpacing="xs"
                  highlightOnHover
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('opRegistrations.col.partner')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.client')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.domain')}</Table.Th>
                      <Table.Th ta="right">{t('opRegistrations.col.mrr')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.closeDate')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.submitted')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.protectionEnds')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.status')}</Table.Th>
                      <Table.Th>{t('opRegistrations.col.conflicts')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('opRegistrations.col.open')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.registrations.map((r) => (
                      <Table.Tr key={r.id} data-registration={r.id} aria-selected={r.id === openId}>
                        <Table.Td>{r.partnerName}</Table.Td>
                        <Table.Td>{r.clientName}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.domain ?? '—'}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="registration-mrr">
                          {mrr(r)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.expectedCloseDate)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.submittedAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.protectionEndsOn)}</Table.Td>
                        <Table.Td>
                          <RegistrationStatus registration={r} />
                        </Table.Td>
                        <Table.Td>
                          <ConflictMarker count={r.conflicts.length} />
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('opRegistrations.openFor', {
                              client: r.clientName,
                              partner: r.partnerName,
                            })}
                            onClick={() => set({ open: r.id })}
                          >
                            {t('opRegistrations.open')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="sm" c={MUTED}>
                {t('opRegistrations.shown', { count: q.registrations.length })}
              </Text>
            </Stack>
          )}
        </PanelBody>
      </Card>
      {open ? (
        <RegistrationDetail
          registration={open}
          partnerNames={queue.data?.partnerNames ?? {}}
          onClose={() => set({ open: null })}
          onDecided={(text) => {
            setNotice(text);
            set({ open: null });
          }}
        />
      ) : null}
    </Stack>
  );
}
