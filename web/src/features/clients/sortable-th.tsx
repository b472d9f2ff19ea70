// A sortable column header: a real <th> carrying aria-sort, with a button inside so that
// the sort is reachable and operable from the keyboard. Sorting happens on the server.
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortDir } from '../../lib/api-types.ts';
import { SortIcon } from '../../ui/icons.tsx';

export interface SortState<K extends string> {
  sort: K;
  dir: SortDir;
}

/** The next sort after a click on `key`: the same column flips, a new one starts at `firstDir`. */
export function nextSort<K extends string>(current: SortState<K>, key: K, firstDir: SortDir): SortState<K> {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: firstDir };
}

export function SortableTh<K extends string>({
  column,
  state,
  onSort,
  children,
  numeric = false,
  firstDir = numeric ? 'desc' : 'asc',
  w,
}: {
  column: K;
  state: SortState<K>;
  onSort: (next: SortState<K>) => void;
  children: ReactNode;
  numeric?: boolean;
  firstDir?: SortDir;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const active = state.sort === column;
  const ariaSort = active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th aria-sort={ariaSort} w={w} style={{ verticalAlign: 'bottom' }}>
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
export function PlainTh({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <Table.Th ta={numeric ? 'right' : undefined} style={{ verticalAlign: 'bottom' }}>
      <Text component="span" size="sm" fw={600} c="dark.6">
        {children}
      </Text>
    </Table.Th>
  );
}
