// Colours that keep WCAG AA contrast (4.5:1) on white and on the light badge backgrounds
// (Mantine's "dimmed", gray.6 at 3.3:1, and the indigo.6 link colour, 4.3:1, fall short),
// and the coloured badge drawn with them.
import { Badge, Box, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export const MUTED = 'dark.3'; // #696969, 5.5:1
export const LINK = 'indigo.8'; // 5.7:1
// Darker than teal.9 (4.5:1 on white, 4.48:1 on a hovered table row, gray.1).
export const POSITIVE = '#0b6e4f'; // 5.6:1 on gray.1
export const NEGATIVE = 'red.9'; // 5.5:1

export type Tone = 'blue' | 'teal' | 'violet' | 'red' | 'orange' | 'yellow';

/** Background, text and dot: the hue's darkest shade as text where it reaches 4.5:1 on the
 * lightest one, else dark text with the hue carried by the dot. */
const TONES: Record<Tone, { bg: string; fg: string; dot: string }> = {
  blue: { bg: 'blue.0', fg: 'blue.9', dot: 'blue.6' },
  teal: { bg: 'teal.0', fg: 'teal.9', dot: 'teal.6' },
  violet: { bg: 'violet.0', fg: 'violet.9', dot: 'violet.6' },
  red: { bg: 'red.0', fg: 'red.9', dot: 'red.6' },
  orange: { bg: 'orange.0', fg: 'gray.8', dot: 'orange.6' },
  yellow: { bg: 'yellow.0', fg: 'gray.8', dot: 'yellow.6' },
};

export function ToneBadge({
  tone,
  size = 'sm',
  children,
}: {
  tone: Tone;
  size?: MantineSize;
  children: ReactNode;
}) {
  const { bg, fg, dot } = TONES[tone];
  return (
    <Badge
      component="span"
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      bg={bg}
      c={fg}
      leftSection={<Box component="span" w={6} h={6} bg={dot} style={{ borderRadius: '50%' }} />}
      style={{
        whiteSpace: 'nowrap',
        flexShrink: 0,
        minWidth: 'max-content',
        maxWidth: 'none',
        overflow: 'visible',
      }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {children}
    </Badge>
  );
}
