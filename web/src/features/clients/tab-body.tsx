// The body of a client panel tab: a 404 (another partner's client, or an unknown id) shows
// the not-found state and never data; anything else loads, fails or is empty like a panel.
import { Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PanelBody } from '../../ui/panel.tsx';
import { ClientNotFound, isNotFound } from '../../ui/side-drawer.tsx';
import { MUTED } from '../../ui/tone.tsx';

export function TabBody<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (isNotFound(query.error)) return <ClientNotFound />;
  return (
    <PanelBody
      query={query}
      isEmpty={isEmpty}
      empty={empty === undefined ? undefined : <Muted>{empty}</Muted>}
    >
      {children}
    </PanelBody>
  );
}

/** Secondary text in a colour that keeps AA contrast (the panels' "dimmed" does not). */
export function Muted({ children }: { children: ReactNode }) {
  return (
    <Text component="span" c={MUTED} inherit>
      {children}
    </Text>
  );
}

/** A small uppercase section heading inside a tab. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={3} size="sm" fw={700} c="dark.5" tt="uppercase" lts={0.4}>
      {children}
    </Title>
  );
}

/** Label and value pairs (company details, owners). */
export function Facts({ items }: { items: { label: ReactNode; value: ReactNode; key: string }[] }) {
  return (
    <Stack gap={0} component="dl" m={0}>
      {items.map((item) => (
        <div
          key={item.key}
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(140px, 40%) 1fr',
            gap: 'var(--mantine-spacing-sm)',
            padding: '6px 0',
            borderBottom: '1px solid var(--mantine-color-gray-2)',
          }}
        >
          <Text component="dt" size="sm" c={MUTED}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
