// Below a server-paginated table: how many rows match, and the page buttons.
import { Box, Group, Pagination, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MUTED } from './tone.tsx';

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function TableFooter({
  page,
  pageSize,
  total,
  onPage,
  summary,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** "32 clients" */
  summary: ReactNode;
  /** The accessible name of the pagination landmark. */
  label: string;
}) {
  const { t } = useTranslation();
  const pages = pageCount(total, pageSize);
  return (
    <Group justify="space-between" align="center" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c={MUTED} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {summary}
        {pages > 1 ? ` · ${t('common.table.page', { page, pages })}` : null}
      </Text>
      {pages > 1 ? (
        <Box component="nav" aria-label={label}>
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={onPage}
            siblings={1}
            boundaries={1}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('common.table.previous') }
                : control === 'next'
                  ? { 'aria-label': t('common.table.next') }
                  : {}
            }
            getItemProps={(item) => ({ 'aria-label': t('common.table.page', { page: item, pages }) })}
          />
        </Box>
      ) : null}
    </Group>
  );
}
