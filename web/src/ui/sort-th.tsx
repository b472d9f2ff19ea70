// Header cells of the app's tables. A sortable one is a real <th> carrying aria-sort with a
// button inside, so the sort is reachable and operable from the keyboard (sorting happens
// on the server); it may span rows of a grouped header and stay in view while the table
// scrolls sideways.
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortDir } from '../lib/api-types.ts';
import { SortIcon } from './icons.tsx';

export interface SortState<K extends string> {
  sort: K;
  dir: SortDir;
}

/** The next sort after a click on `key`: the same column flips, a new one starts at `firstDir`. */
export function nextSort<K extends string>(current: SortState<K>, key: K, firstDir: SortDir): SortState<K> {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: firstDir };
}

const STICKY: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
};

export function SortTh<K extends string>({
  column,
  state,
  onSort,
  children,
  numeric = false,
  firstDir = numeric ? 'desc' : 'asc',
  w,
  rowSpan,
  sticky = false,
  minWidth,
  nowrap = false,
}: {
  column: K;
  state: SortState<K>;
  onSort: (next: SortState<K>) => void;
  /** The column's name (its text is also the button's "Sort by" title). */
  children: ReactNode;
  numeric?: boolean;
  firstDir?: SortDir;
  w?: number | string;
  rowSpan?: number;
  /** Stays in view while the table scrolls sideways. */
  sticky?: boolean;
  minWidth?: number;
  /** Keeps the name on one line (a table that scrolls sideways). */
  nowrap?: boolean;
}) {
  const { t } = useTranslation();
  const active = state.sort === column;
  const ariaSort = active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th
      aria-sort={ariaSort}
      w={w}
      rowSpan={rowSpan}
      style={{
        verticalAlign: 'bottom',
        minWidth,
        ...(nowrap ? { whiteSpace: 'nowrap' } : {}),
        ...(sticky ? STICKY : {}),
      }}
      data-sort-column={column}
    >
      <UnstyledButton
        onClick={() => onSort(nextSort(state, column, firstDir))}
        title={typeof children === 'string' ? t('common.table.sortBy', { column: children }) : undefined}
        w="100%"
        styles={{ root: { borderRadius: 4 } }}
      >
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          <Text
            component="span"
            size="sm"
            fw={active ? 700 : 600}
            c={active ? undefined : 'dark.6'}
            ta={numeric ? 'right' : 'left'}
            lh={1.3}
          >
            {children}
          </Text>
          <SortIcon dir={active ? state.dir : null} size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A header cell that does not sort (still a <th>). */
export function PlainTh({
  children,
  numeric = false,
  colSpan,
  rowSpan,
  center = false,
  nowrap = false,
}: {
  children: ReactNode;
  numeric?: boolean;
  colSpan?: number;
  rowSpan?: number;
  center?: boolean;
  nowrap?: boolean;
}) {
  return (
    <Table.Th
      colSpan={colSpan}
      rowSpan={rowSpan}
      ta={center ? 'center' : numeric ? 'right' : undefined}
      style={{ verticalAlign: 'bottom', ...(nowrap ? { whiteSpace: 'nowrap' } : {}) }}
    >
      <Text component="span" size="sm" fw={600} c="dark.6">
        {children}
      </Text>
    </Table.Th>
  );
}
