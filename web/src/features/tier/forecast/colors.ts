// The forecast's two lines: the baseline in the combined track's indigo, the pipeline in teal.
export const FORECAST_COLORS = {
  baseline: 'var(--mantine-color-indigo-7)',
  pipeline: 'var(--mantine-color-teal-7)',
} as const;
