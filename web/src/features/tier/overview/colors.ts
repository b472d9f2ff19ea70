// The Tier tab's colours, one per track or change kind, shared by bars, charts and legends.
const c = (name: string) => `var(--mantine-color-${name})`;

export const TRACK_COLORS = {
  combined: c('indigo-7'),
  seller: c('cyan-6'),
  otherSold: c('cyan-3'),
  managed: c('orange-5'),
  threshold: c('dark-4'),
} as const;

export const SOLD_COLORS = {
  newSold: c('teal-6'),
  increasedSold: c('teal-3'),
  expiredDeclined: c('red-6'),
  decreasedSold: c('red-3'),
} as const;

/** Secondary text: Mantine's "dimmed" (gray.6) is 3.3:1 on white, below WCAG AA. */
export const MUTED = 'dark.3';
