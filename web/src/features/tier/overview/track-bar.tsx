// A horizontal bar of points: one or more coloured segments (stacked) and vertical markers
// at thresholds, each with its label above the bar. The bar is one image to assistive
// technology; its label says what the segments and markers are.
import { Box } from '@mantine/core';
import classes from './overview.module.css';

export interface Segment {
  key: string;
  value: number;
  color: string;
}

export interface Marker {
  key: string;
  value: number;
  label: string;
}

function percent(value: number, max: number): number {
  return max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
}

export function TrackBar({
  segments,
  markers,
  max,
  label,
  testId,
}: {
  segments: Segment[];
  markers: Marker[];
  /** The value at the right end of the bar. */
  max: number;
  label: string;
  testId?: string;
}) {
  // A marker too close to the one before it has its label below the bar.
  const placed = markers.map((marker, i) => {
    const at = percent(marker.value, max);
    const previous = markers[i - 1];
    const below = previous !== undefined && Math.abs(at - percent(previous.value, max)) < 25;
    return { marker, at, below };
  });
  const anyBelow = placed.some((p) => p.below);
  return (
    <Box className={classes.bar} pb={anyBelow ? 22 : 0} role="img" aria-label={label} data-testid={testId}>
      <div className={classes.track}>
        <div className={classes.fill}>
          {segments.map((s) => (
            <div
              key={s.key}
              className={classes.segment}
              data-segment={s.key}
              data-value={s.value}
              style={{ width: `${percent(s.value, max)}%`, background: s.color }}
            />
          ))}
        </div>
        {placed.map(({ marker: m, at, below }) => {
          const shift = at < 25 ? '0' : at > 75 ? '-100%' : '-50%';
          return (
            <div key={m.key} data-marker={m.key} data-value={m.value}>
              <div className={classes.marker} style={{ left: `${at}%` }} />
              <div
                className={below ? `${classes.markerLabel} ${classes.below}` : classes.markerLabel}
                style={{ left: `${at}%`, transform: `translateX(${shift})` }}
              >
                {m.label}
              </div>
            </div>
          );
        })}
      </div>
    </Box>
  );
}

/** The bar's scale: the largest value shown, with room on the right for the last label. */
export function scaleOf(...values: number[]): number {
  const largest = Math.max(0, ...values);
  return largest > 0 ? largest * 1.12 : 1;
}
