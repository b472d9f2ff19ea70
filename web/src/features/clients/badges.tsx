// Coloured badges for a client's relationship, a renewal's status and an engagement band,
// in tones that keep AA contrast (ui/tone.tsx).
import type { MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngagementBand, Relationship, RenewalStatus } from '../../lib/api-types.ts';
import { type Tone, ToneBadge } from '../../ui/tone.tsx';

const RELATIONSHIP_TONE: Record<Relationship, Tone> = { sold: 'blue', managed: 'teal', both: 'violet' };
const STATUS_TONE: Record<RenewalStatus, Tone> = {
  pending: 'orange',
  confirmed: 'blue',
  renewed: 'teal',
  cancellation_requested: 'red',
};
const BAND_TONE: Record<EngagementBand, Tone> = { low: 'red', medium: 'yellow', high: 'teal' };
/** The progress bar colour of an engagement band. */
export const BAND_COLOR: Record<EngagementBand, string> = { low: 'red', medium: 'yellow', high: 'teal' };

export function RelationshipBadge({ relationship }: { relationship: Relationship }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={RELATIONSHIP_TONE[relationship]} size="md">
      {t(`clients.relationship.${relationship}`)}
    </ToneBadge>
  );
}

export function StatusBadge({ status, size = 'md' }: { status: RenewalStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={STATUS_TONE[status]} size={size}>
      {t(`clients.renewals.status.${status}`)}
    </ToneBadge>
  );
}

export function BandBadge({ band, size = 'md' }: { band: EngagementBand; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={BAND_TONE[band]} size={size}>
      {t(`clients.engagement.bands.${band}`)}
    </ToneBadge>
  );
}
