// The report behind a dashboard figure: its title and date range, the figure's total, the
// part of the figure shown (when it adds up from several), and a paginated table of the
// rows behind it. Shared by the tier point changes and the shared sales. A row's client
// opens the client panel over the report.
import { Anchor, Box, Drawer, Group, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { NestedDialog } from '../../ui/nested-dialog.ts';
import { PanelBody } from '../../ui/panel.tsx';
import { LINK } from '../../ui/tone.tsx';
import { ClientDrawer } from '../clients/client-drawer.tsx';
import classes from './activity.module.css';

export interface ReportColumn<T> {
  key: string;
  header: string;
  numeric?: boolean;
  render: (row: T) => ReactNode;
}

export interface ReportSection {
  value: string;
  label: ReactNode;
}

export interface ReportPage<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}

export interface ReportDrawerProps<T> {
  partnerId: string;
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The date range, formatted. */
  range: string;
  /** The figure the rows add up to, and what it counts. */
  total: ReactNode;
  description?: ReactNode;
  /** Parts of the figure, when it adds up from several (one is shown at a time). */
  sections?: ReportSection[];
  section?: string;
  onSectionChange?: (value: string) => void;
  query: UseQueryResult<ReportPage<T>>;
  columns: ReportColumn<T>[];
  rowKey: (row: T, index: number) => string;
  onPageChange: (page: number) => void;
  /**
   * The report's actions, shown in its header beside the close button: Use in lists, Export
   * unsummarized data and Save as report (a later issue: PointChangeReport and SalesReport know
   * the category and range they need).
   */
  actions?: ReactNode;
  minWidth?: number;
}

const OpenClient = createContext<(clientId: string) => void>(() => {});

/** A row's client: its name opens the client panel over the report; its id below. */
export function ClientCell({ name, clientId }: { name: string; clientId: string | null }) {
  const { t } = useTranslation();
  const open = useContext(OpenClient);
  // A registered company that is not yet a client has no record to open.
  if (clientId === null)
    return (
      <Text size="sm" fw={500} data-testid="report-client">
        {name}
      </Text>
    );
  return (
    <Stack gap={0} align="flex-start">
      <Anchor
        component="button"
        type="button"
        size="sm"
        fw={500}
        c={LINK}
        ta="left"
        onClick={() => open(clientId)}
        title={t('clients.renewals.openClient', { name })}
        data-testid="report-client"
      >
        {name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {clientId}
      </Text>
    </Stack>
  );
}

/** A table's horizontal scroller on narrow screens, reachable by keyboard (it can take focus). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ overflowX: 'auto' }}
      className={classes.scroll}
    >
      {children}
    </Box>
  );
}

export function ReportDrawer<T>(props: ReportDrawerProps<T>) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const { opened, onClose, title, range, total, description, sections, section, actions } = props;
  const [clientId, setClientId] = useState<string | null>(null);
  // A dialog of the report's actions is open over it: Escape closes that dialog only.
  const [nested, setNested] = useState(false);
  return (
    <Drawer.Root
      opened={opened}
      onClose={onClose}
      closeOnEscape={!nested}
      position="right"
      size={phone ? '100%' : 'min(960px, 80vw)'}
    >
      <Drawer.Overlay />
      <Drawer.Content data-testid="report">
        <Drawer.Header style={{ alignItems: 'flex-start', gap: 'var(--mantine-spacing-md)' }}>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Drawer.Title fw={700} fz="lg">
              {title}
            </Drawer.Title>
            <Text size="sm" c="dimmed">
              {range}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap" align="center">
            {/* The report's actions go here: Use in lists, Export unsummarized data, Save as report. */}
            {actions ? (
              <Group gap="xs" wrap="wrap" justify="flex-end" data-testid="report-actions">
                <NestedDialog.Provider value={setNested}>{actions}</NestedDialog.Provider>
              </Group>
            ) : null}
            <Drawer.CloseButton aria-label={t('common.close')} />
          </Group>
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="md">
            <Box>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('activity.report.total')}
              </Text>
              <Text size="xl" fw={700} className={classes.num} data-testid="report-total">
                {total}
              </Text>
            </Box>
            {sections && sections.length > 1 && section ? (
              <SegmentedControl
                aria-label={t('activity.report.parts')}
                data={sections}
                value={section}
                onChange={(value) => props.onSectionChange?.(value)}
                fullWidth
                orientation={phone ? 'vertical' : 'horizontal'}
              />
            ) : null}
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
            <PanelBody
              query={props.query}
              isEmpty={(data) => data.items.length === 0}
              empty={t('activity.report.empty')}
            >
              {(data) => (
                <OpenClient.Provider value={setClientId}>
                  <ReportTable {...props} data={data} />
                </OpenClient.Provider>
              )}
            </PanelBody>
          </Stack>
          {clientId ? (
            <ClientDrawer partnerId={props.partnerId} clientId={clientId} onClose={() => setClientId(null)} />
          ) : null}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function ReportTable<T>({
  data,
  columns,
  rowKey,
  query,
  onPageChange,
  title,
  minWidth = 720,
}: ReportDrawerProps<T> & { data: ReportPage<T> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Stack gap="sm">
      <ScrollRegion label={title}>
        <Table
          miw={minWidth}
          highlightOnHover
          verticalSpacing="xs"
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
          aria-busy={query.isPlaceholderData || undefined}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th
                  key={column.key}
                  ta={column.numeric ? 'right' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((row, index) => (
              <Table.Tr key={rowKey(row, index)} data-testid="report-row">
                {columns.map((column) => (
                  <Table.Td
                    key={column.key}
                    ta={column.numeric ? 'right' : undefined}
                    className={column.numeric ? classes.num : undefined}
                    style={{ verticalAlign: 'top' }}
                  >
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="md">
          <Text size="sm" c="dimmed">
            {t('activity.report.rows', { count: data.total, formatted: f.number(data.total) })}
          </Text>
          {pages > 1 ? (
            <Text size="sm" c="dimmed">
              {t('common.table.page', { page: f.number(data.page), pages: f.number(pages) })}
            </Text>
          ) : null}
        </Group>
        {pages > 1 ? (
          <nav aria-label={t('activity.report.pages')}>
            <Pagination
              size="sm"
              total={pages}
              value={data.page}
              onChange={onPageChange}
              getControlProps={(control) => ({
                'aria-label': control === 'previous' ? t('common.table.previous') : t('common.table.next'),
              })}
            />
          </nav>
        ) : null}
      </Group>
    </Stack>
  );
}
