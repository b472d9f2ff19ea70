// One registration in a side drawer: what the partner registered, who decided it and when,
// the conflict evidence (what it matches: the client or registration, by domain or name, how
// alike, and which partners, named: operators may see them), and the decisions it awaits.
import { List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRegistration, RegistrationConflict } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { SideDrawer } from '../../../ui/side-drawer.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import { DecisionForm, ExtensionForm } from './decision-forms.tsx';
import { asksExtension } from './queries.ts';
import { ConflictMarker, RegistrationStatus } from './registration-badges.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c={MUTED} fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Evidence({ c, partnerNames }: { c: RegistrationConflict; partnerNames: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const partners = c.partnerIds.map((id) => (partnerNames[id] ? `${partnerNames[id]} (${id})` : id));
  return (
    <List.Item data-testid="conflict-evidence" data-kind={c.kind} data-match={c.match}>
      <Text size="sm" fw={600}>
        {t(`opRegistrations.evidence.${c.kind}`, { name: c.name })}
      </Text>
      <Text size="sm">
        {t(`opRegistrations.evidence.match.${c.match}`, {
          domain: c.domain ?? '—',
          similarity: f.percent(c.similarity),
        })}
      </Text>
      <Text size="sm">{t('opRegistrations.evidence.partners', { partners: partners.join(', ') })}</Text>
    </List.Item>
  );
}

export function RegistrationDetail({
  registration: r,
  partnerNames,
  onClose,
  onDecided,
}: {
  registration: QueueRegistration;
  partnerNames: Record<string, string>;
  onClose: () => void;
  onDecided: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const who = (u: QueueRegistration['submittedBy']) => u?.email ?? t('opRegistrations.detail.system');
  return (
    <SideDrawer
      title={t('opRegistrations.detail.title', { client: r.clientName })}
      size="lg"
      testId="registration-detail"
      onClose={onClose}
    >
      <Stack gap="md">
        <RegistrationStatus registration={r} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label={t('opRegistrations.col.partner')}>{`${r.partnerName} (${r.partnerId})`}</Fact>
          <Fact label={t('opRegistrations.col.domain')}>{r.domain ?? '—'}</Fact>
          <Fact label={t('opRegistrations.detail.country')}>{r.country}</Fact>
          <Fact label={t('opRegistrations.col.mrr')}>
            {f.money({ amount: Number(r.expectedMrr), currency: r.currency })}
          </Fact>
          <Fact label={t('opRegistrations.col.closeDate')}>{f.date(r.expectedCloseDate)}</Fact>
          <Fact label={t('opRegistrations.detail.dealType')}>
            {t(`opRegistrations.dealType.${r.dealType}`)}
          </Fact>
          <Fact label={t('opRegistrations.detail.products')}>{r.products.join(', ') || '—'}</Fact>
          <Fact label={t('opRegistrations.detail.submittedBy')}>
            {`${who(r.submittedBy)}, ${f.dateTime(r.submittedAt)}`}
          </Fact>
          <Fact label={t('opRegistrations.col.protectionEnds')}>{f.date(r.protectionEndsOn)}</Fact>
          {r.decidedAt ? (
            <Fact label={t('opRegistrations.detail.decidedBy')}>
              <span data-testid="decided-by">{`${who(r.decidedBy)}, ${f.dateTime(r.decidedAt)}`}</span>
            </Fact>
          ) : null}
          {r.dealId ? <Fact label={t('opRegistrations.detail.deal')}>{r.dealId}</Fact> : null}
          {r.points !== null ? (
            <Fact label={t('opRegistrations.detail.points')}>
              <span data-testid="registration-points">{f.points(r.points)}</span>
            </Fact>
          ) : null}
        </SimpleGrid>
        {r.notes ? <Fact label={t('opRegistrations.detail.notes')}>{r.notes}</Fact> : null}
        {r.rejectionReason ? (
          <Fact label={t('opRegistrations.detail.rejectionReason')}>{r.rejectionReason}</Fact>
        ) : null}
        {r.extensionStatus ? (
          <Fact label={t('opRegistrations.detail.extension')}>
            {`${t(`opRegistrations.extension.${r.extensionStatus}`)}: ${r.extensionReason ?? '—'}`}
          </Fact>
        ) : null}
        <Stack gap="xs" component="section" aria-labelledby="registration-evidence">
          <Title order={3} size="h5" id="registration-evidence">
            {t('opRegistrations.evidence.title')} <ConflictMarker count={r.conflicts.length} />
          </Title>
          {r.conflicts.length === 0 ? (
            <Text size="sm" c={MUTED}>
              {t('opRegistrations.evidence.none')}
            </Text>
          ) : (
            <List spacing="sm" data-testid="conflict-evidence-list">
              {r.conflicts.map((c) => (
                <Evidence
                  key={`${c.kind}-${c.clientId ?? c.registrationId}`}
                  c={c}
                  partnerNames={partnerNames}
                />
              ))}
            </List>
          )}
        </Stack>
        {r.status === 'submitted' ? <DecisionForm registration={r} onDecided={onDecided} /> : null}
        {asksExtension(r) ? <ExtensionForm registration={r} onDecided={onDecided} /> : null}
      </Stack>
    </SideDrawer>
  );
}
