// The few icons the app needs, as inline SVG (decorative: always aria-hidden;
// the control that holds one carries the label).
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Icon({ size = 16, children, ...props }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

/** Sort state of a column: both arrows when unsorted, one when sorted. */
export function SortIcon({ dir, ...p }: IconProps & { dir: 'asc' | 'desc' | null }) {
  return (
    <Icon {...p}>
      {dir !== 'desc' ? <path d="M8 10l4-4 4 4" opacity={dir === null ? 0.45 : 1} /> : null}
      {dir !== 'asc' ? <path d="M8 14l4 4 4-4" opacity={dir === null ? 0.45 : 1} /> : null}
    </Icon>
  );
}

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="M20 20l-3.5-3.5" />
  </Icon>
);

export const ExternalLinkIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 4h6v6" />
    <path d="M20 4l-9 9" />
    <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </Icon>
);

export const InfoIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5" />
    <path d="M12 8h.01" />
  </Icon>
);

export const EndIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12h8" />
  </Icon>
);

export const DotsIcon = (p: IconProps) => (
  <Icon {...p} strokeWidth={2.5}>
    <path d="M5 12h.01" />
    <path d="M12 12h.01" />
    <path d="M19 12h.01" />
  </Icon>
);
