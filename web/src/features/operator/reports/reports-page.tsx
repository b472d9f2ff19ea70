// The console's Reports page (issue 13): one point-change figure across every partner (or
// one), per partner and sorted by it, each partner's rows one click away, and the
// cross-partner exports of every report. Dates are the server's: presets end on its today.
import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import type { Overview } from '../overview/types.ts';
import { FigureSection } from './figure-section.tsx';
import { OtherExports } from './other-exports.tsx';

export default function ReportsPage() {
  const { t } = useTranslation();
  // The server's today (the overview is cached and shared with the other console pages).
  const overview = useQuery({
    queryKey: ['operator', 'overview'],
    queryFn: () => api.get<Overview>('/api/v1/overview'),
  });
  const today = overview.data?.today;
  return (
    <Stack gap="lg" data-testid="operator-reports">
      <div>
        <Title order={1}>{t('opReports.title')}</Title>
        <Text c={MUTED}>{t('opReports.intro')}</Text>
      </div>
      <ErrorAlert error={overview.error} />
      {today ? (
        <>
          <FigureSection today={today} />
          <OtherExports today={today} />
        </>
      ) : overview.error ? null : (
        <Skeleton height={240} />
      )}
    </Stack>
  );
}
