// A client's panels open in a right-side drawer (the client panel, a client's points
// history): full width on a phone, the title in the drawer's heading, a translated close
// button. A client that is not the partner's (404) shows the not-found state, never data.
import { Drawer, type DrawerProps, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { NestedDialog } from './nested-dialog.ts';
import { MUTED } from './tone.tsx';

export function SideDrawer({
  title,
  size,
  testId,
  onClose,
  children,
}: {
  /** Phrasing content only (it is inside the drawer's <h2>). */
  title: ReactNode;
  /** The width on a larger screen. */
  size: DrawerProps['size'];
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const phone = useMediaQuery('(max-width: 40em)');
  const { t } = useTranslation();
  // A dialog of the panel's report actions is open over it: Escape closes that dialog only.
  const [nested, setNested] = useState(false);
  return (
    <Drawer
      opened
      onClose={onClose}
      closeOnEscape={!nested}
      position="right"
      size={phone ? '100%' : size}
      padding="lg"
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } }}
      // On the visible panel, not the zero-size root (browser tests wait for it to be visible).
      attributes={{ content: { 'data-testid': testId } as Record<string, string> }}
    >
      <NestedDialog.Provider value={setNested}>{children}</NestedDialog.Provider>
    </Drawer>
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 404 (another partner's client, or an unknown id): the not-found state, never data. */
export function ClientNotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="xl" data-testid="client-not-found" role="alert">
      <Title order={3} size="h4">
        {t('common.state.notFound')}
      </Title>
      <Text c={MUTED} size="sm" ta="center">
        {t('common.state.notFoundText')}
      </Text>
    </Stack>
  );
}
