// A table's horizontal scroller on narrow screens, reachable by keyboard (it can take focus).
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}
