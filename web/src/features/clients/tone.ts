// Colours that keep WCAG AA contrast (4.5:1) on white and on the light badge backgrounds.
// Mantine's "dimmed" (gray.6, 3.3:1) and the indigo.6 link colour (4.3:1) fall short.
export const MUTED = 'dark.3'; // #696969, 5.5:1
export const LINK = 'indigo.8'; // 5.7:1
export const POSITIVE = 'teal.9'; // 5.0:1
export const NEGATIVE = 'red.9'; // 5.5:1

export type Tone = 'blue' | 'teal' | 'violet' | 'red' | 'orange' | 'yellow';

/** A badge's background, text and dot colours: the hue's darkest shade as text where it
 * reaches 4.5:1 on the lightest one, else dark text with the hue carried by the dot. */
export const TONES: Record<Tone, { bg: string; fg: string; dot: string }> = {
  blue: { bg: 'blue.0', fg: 'blue.9', dot: 'blue.6' },
  teal: { bg: 'teal.0', fg: 'teal.9', dot: 'teal.6' },
  violet: { bg: 'violet.0', fg: 'violet.9', dot: 'violet.6' },
  red: { bg: 'red.0', fg: 'red.9', dot: 'red.6' },
  orange: { bg: 'orange.0', fg: 'gray.8', dot: 'orange.6' },
  yellow: { bg: 'yellow.0', fg: 'gray.8', dot: 'yellow.6' },
};
