// "Met" or the points still missing on a track, as a small badge.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';

export function TrackStatus({ missing, kind = 'missing' }: { missing: number; kind?: 'missing' | 'short' }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (missing <= 0) {
    return (
      <Badge bg="teal.0" c="teal.9" variant="light" radius="sm" tt="none">
        {t('tierOverview.status.met')}
      </Badge>
    );
  }
  const points = f.points(missing);
  return (
    <Badge
      bg="orange.0"
      c="gray.8"
      variant="light"
      radius="sm"
      tt="none"
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {kind === 'short'
        ? t('tierOverview.status.short', { points })
        : t('tierOverview.status.missing', { points })}
    </Badge>
  );
}
