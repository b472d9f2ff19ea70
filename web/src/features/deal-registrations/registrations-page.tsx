// My registrations: the partner's deal registrations, newest first, with their status (the
// queue's badges; a rejection's reason), until when each is protected, the sold points a won
// one earned, and (under its protection end) the extension request of an approved one. The one just registered (from
// the Register a deal page, ?registered=id) is announced and marked.
import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Registration } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { PanelBody } from '../../ui/panel.tsx';
import { MUTED } from '../../ui/tone.tsx';
import { ScrollRegion } from '../dashboard/report-drawer.tsx';
import { RegistrationStatus } from '../operator/registrations/registration-badges.tsx';
import { ExtensionDialog } from './extension-dialog.tsx';
import { useMyRegistrations } from './queries.ts';

/** An approved registration whose partner has not asked for an extension yet. */
const canExtend = (r: Registration) => r.status === 'approved' && r.extensionStatus === null;

export default function MyRegistrationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { partnerId = '' } = useParams();
  const base = `/partners/${encodeURIComponent(partnerId)}`;
  const list = useMyRegistrations(partnerId);
  const [params, set] = useUrlState();
  const registeredId = params.get('registered');
  const registered = list.data?.registrations.find((r) => r.id === registeredId);
  const [extending, setExtending] = useState<Registration | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mrr = (r: Registration) => f.money({ amount: Number(r.expectedMrr), currency: r.currency });
  const shownNotice =
    notice ?? (registered ? t('dealRegistrations.mine.registered', { client: registered.clientName }) : null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('dealRegistrations.mine.title')}</Title>
          <Text c={MUTED}>{t('dealRegistrations.mine.intro')}</Text>
        </Stack>
        <Button component={Link} to={`${base}/registrations/new`}>
          {t('dealRegistrations.mine.new')}
        </Button>
      </Group>
      {shownNotice ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          data-testid="registration-notice"
          withCloseButton
          onClose={() => {
            setNotice(null);
            set({ registered: null });
          }}
          closeButtonLabel={t('common.close')}
        >
          {shownNotice}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="lg">
        <PanelBody
          query={list}
          isEmpty={(q) => q.registrations.length === 0}
          empty={t('dealRegistrations.mine.empty')}
        >
          {(q) => (
            <Stack gap="sm">
              <ScrollRegion label={t('dealRegistrations.mine.title')}>
                <Table data-testid="my-registrations" verticalSpacing="xs" horizontalSpacing="xs" miw={900}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('dealRegistrations.mine.col.client')}</Table.Th>
                      <Table.Th>{t('dealRegistrations.mine.col.domain')}</Table.Th>
                      <Table.Th ta="right">{t('dealRegistrations.mine.col.mrr')}</Table.Th>
                      <Table.Th>{t('dealRegistrations.mine.col.closeDate')}</Table.Th>
                      <Table.Th>{t('dealRegistrations.mine.col.submitted')}</Table.Th>
                      <Table.Th>{t('dealRegistrations.mine.col.protectionEnds')}</Table.Th>
                      <Table.Th>{t('dealRegistrations.mine.col.status')}</Table.Th>
                      <Table.Th ta="right">{t('dealRegistrations.mine.col.points')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.registrations.map((r) => (
                      <Table.Tr
                        key={r.id}
                        data-registration={r.id}
                        data-status={r.status}
                        bg={r.id === registeredId ? 'teal.0' : undefined}
                      >
                        <Table.Td>{r.clientName}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.domain ?? '—'}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {mrr(r)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.expectedCloseDate)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.submittedAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="protection-ends">
                          {f.date(r.protectionEndsOn)}
                          {r.extensionStatus === 'granted' || r.extensionStatus === 'refused' ? (
                            <Text size="xs" c={MUTED}>
                              {t(`opRegistrations.extension.${r.extensionStatus}`)}
                            </Text>
                          ) : null}
                          {canExtend(r) ? (
                            <Button
                              size="compact-xs"
                              mt={4}
                              display="block"
                              variant="default"
                              aria-label={t('dealRegistrations.mine.extendFor', { client: r.clientName })}
                              onClick={() => setExtending(r)}
                            >
                              {t('dealRegistrations.mine.extend')}
                            </Button>
                          ) : null}
                        </Table.Td>
                        <Table.Td data-testid="registration-status">
                          <RegistrationStatus registration={r} />
                          {r.status === 'rejected' && r.rejectionReason ? (
                            <Text size="xs" c={MUTED} mt={4} data-testid="rejection-reason">
                              {t('dealRegistrations.mine.rejectedBecause', { reason: r.rejectionReason })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td ta="right" data-testid="registration-points">
                          {r.points === null ? '—' : f.points(r.points)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
              <Text size="sm" c={MUTED}>
                {t('dealRegistrations.mine.shown', { count: q.registrations.length })}
              </Text>
            </Stack>
          )}
        </PanelBody>
      </Card>
      {extending ? (
        <ExtensionDialog
          partnerId={partnerId}
          registration={extending}
          onClose={() => setExtending(null)}
          onSent={() => {
            setNotice(t('dealRegistrations.mine.extensionAsked', { client: extending.clientName }));
            setExtending(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
