// The points calculator side panel of the Tier page. The drawer is light; what it holds
// (the engine, which computes in the browser as the API does) loads only when it opens.
import { Drawer, Skeleton, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const CalculatorPanel = lazy(() => import('./calculator-panel.tsx'));

function PanelLoading() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label={t('common.state.loading')}>
      <Skeleton height={36} />
      <Skeleton height={56} />
      <Skeleton height={56} />
      <Skeleton height={56} width="70%" />
    </Stack>
  );
}

export function CalculatorDrawer({
  partnerId,
  opened,
  onClose,
}: {
  partnerId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 40em)');
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 500}
      padding="lg"
      // A side panel beside the Tier page (as HubSpot's): the page stays visible and readable.
      withOverlay={false}
      shadow="xl"
      title={t('calculator.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } }}
      // On the visible panel, not the zero-size root (browser tests wait for it to be visible).
      attributes={{ content: { 'data-testid': 'calculator' } as Record<string, string> }}
    >
      <Suspense fallback={<PanelLoading />}>
        <CalculatorPanel partnerId={partnerId} />
      </Suspense>
    </Drawer>
  );
}
