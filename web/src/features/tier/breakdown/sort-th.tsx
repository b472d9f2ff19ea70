// A sortable header cell of the breakdown table: a <th> carrying aria-sort with a button
// inside (reachable and operable from the keyboard); it may span rows of a grouped header.
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortDir } from '../../../lib/api-types.ts';
import { SortIcon } from '../../../ui/icons.tsx';

export interface SortState<K extends string> {
  sort: K;
  dir: SortDir;
}

/** The next sort after a click on `key`: the same column flips, a new one starts at `firstDir`. */
export function nextSort<K extends string>(current: SortState<K>, key: K, firstDir: SortDir): SortState<K> {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: firstDir };
}

export function SortTh<K extends string>({
  column,
  state,
  onSort,
  label,
  numeric = false,
  firstDir = numeric ? 'desc' : 'asc',
  rowSpan,
  sticky = false,
  minWidth,
}: {
  column: K;
  state: SortState<K>;
  onSort: (next: SortState<K>) => void;
  label: string;
  numeric?: boolean;
  firstDir?: SortDir;
  rowSpan?: number;
  /** Stays in view while the table scrolls sideways. */
  sticky?: boolean;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const active = state.sort === column;
  const ariaSort = active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th
      aria-sort={ariaSort}
      rowSpan={rowSpan}
      style={{
        whiteSpace: 'nowrap',
        verticalAlign: 'bottom',
        minWidth,
        ...(sticky
          ? { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' }
          : {}),
      }}
      data-sort-column={column}
    >
      <UnstyledButton
        onClick={() => onSort(nextSort(state, column, firstDir))}
        title={t('common.table.sortBy', { column: label })}
        w="100%"
        styles={{ root: { borderRadius: 4 } }}
      >
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          <Text component="span" size="sm" fw={active ? 700 : 600} c={active ? undefined : 'dark.6'}>
            {label}
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
}: {
  children: ReactNode;
  numeric?: boolean;
  colSpan?: number;
  rowSpan?: number;
  center?: boolean;
}) {
  return (
    <Table.Th
      colSpan={colSpan}
      rowSpan={rowSpan}
      ta={center ? 'center' : numeric ? 'right' : undefined}
      style={{ whiteSpace: 'nowrap', verticalAlign: 'bottom' }}
    >
      <Text component="span" size="sm" fw={600} c="dark.6">
        {children}
      </Text>
    </Table.Th>
  );
}
