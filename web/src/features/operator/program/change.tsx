// A difference as a signed figure: green up, red down, muted when nothing changes.
import { Text } from '@mantine/core';
import { MUTED, NEGATIVE, POSITIVE } from '../../../ui/tone.tsx';

export function Change({ value, format }: { value: number; format: (n: number) => string }) {
  if (value === 0)
    return (
      <Text span size="sm" c={MUTED}>
        ±0
      </Text>
    );
  return (
    <Text span size="sm" fw={600} c={value > 0 ? POSITIVE : NEGATIVE}>
      {value > 0 ? '+' : '−'}
      {format(Math.abs(value))}
    </Text>
  );
}
