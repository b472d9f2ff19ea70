// A dashboard figure that opens its report: a labelled number as a button (its accessible
// name is the label, the value and the hint), with optional smaller buttons for its parts.
import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { NEGATIVE, POSITIVE } from '../../ui/tone.tsx';
import classes from './activity.module.css';

export type Tone = 'gain' | 'loss' | 'neutral';

export const TONE_COLOR: Record<Tone, string | undefined> = {
  gain: POSITIVE,
  loss: NEGATIVE,
  neutral: undefined,
};

/** Points with the sign of their direction (the API gives every change as a positive size). */
export function useSignedPoints(): (value: number, tone: Tone) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (value, tone) => {
    const text = f.points(Math.abs(value));
    if (value === 0 || tone === 'neutral') return text;
    return t(tone === 'gain' ? 'activity.signed.gain' : 'activity.signed.loss', { value: text });
  };
}

export function toneOf(value: number, tone: Tone): Tone {
  return value === 0 ? 'neutral' : tone;
}

export function Figure({
  label,
  value,
  tone = 'neutral',
  hint,
  category,
  onOpen,
}: {
  label: string;
  value: string;
  tone?: Tone;
  hint?: ReactNode;
  category: string;
  onOpen: () => void;
}) {
  return (
    <UnstyledButton className={classes.figure} data-category={category} onClick={onOpen}>
      <Text component="span" display="block" size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
        {label}
      </Text>
      <Box component="span" display="block">
        <Text
          component="span"
          display="block"
          size="1.5rem"
          fw={700}
          lh={1.3}
          c={TONE_COLOR[tone]}
          className={classes.num}
        >
          {value}
        </Text>
        {hint ? (
          <Text component="span" display="block" size="xs" c="dimmed" className={classes.num}>
            {hint}
          </Text>
        ) : null}
      </Box>
    </UnstyledButton>
  );
}

/** The parts a figure adds up from, each opening the figure's report at that part. */
export function FigureParts({
  label,
  parts,
}: {
  label: string;
  parts: { category: string; label: string; value: string; onOpen: () => void }[];
}) {
  return (
    <Group gap={4} mt={4} wrap="wrap" role="group" aria-label={label} style={{ rowGap: 0 }}>
      {parts.map((part) => (
        <UnstyledButton
          key={part.category}
          className={classes.part}
          data-category={part.category}
          onClick={part.onOpen}
        >
          {part.label} <span className={classes.num}>{part.value}</span>
        </UnstyledButton>
      ))}
    </Group>
  );
}
