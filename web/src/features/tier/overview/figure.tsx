// A figure with its label (and a hint below), in colours that keep WCAG AA contrast.
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { MUTED } from './colors.ts';

export function Figure({ label, value, hint }: { label: ReactNode; value: ReactNode; hint?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c={MUTED} tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c={MUTED}>
          {hint}
        </Text>
      ) : null}
    </Stack>
  );
}
