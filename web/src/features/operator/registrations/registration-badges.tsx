// A registration's status (with a pending extension request) and its conflict marker; the
// partner's My registrations shows the same status badges.
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Registration, RegistrationStatus as Status } from '../../../lib/api-types.ts';
import { type Tone, ToneBadge } from '../../../ui/tone.tsx';

const TONE: Record<Status, Tone> = {
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  expired: 'yellow',
  won: 'violet',
  lost: 'orange',
};

export function RegistrationStatus({
  registration: r,
}: {
  registration: Pick<Registration, 'status' | 'extensionStatus'>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <ToneBadge tone={TONE[r.status]}>{t(`opRegistrations.status.${r.status}`)}</ToneBadge>
      {r.status === 'approved' && r.extensionStatus === 'requested' ? (
        <ToneBadge tone="yellow">{t('opRegistrations.extension.requested')}</ToneBadge>
      ) : null}
    </Group>
  );
}

export function ConflictMarker({ count }: { count: number }) {
  const { t } = useTranslation();
  return count === 0 ? (
    <ToneBadge tone="teal">{t('opRegistrations.conflict.none')}</ToneBadge>
  ) : (
    <span data-testid="conflict-marker">
      <ToneBadge tone="red">{t('opRegistrations.conflict.count', { count })}</ToneBadge>
    </span>
  );
}
