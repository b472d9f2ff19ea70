// Every import, newest first: when, who (a user, an API token, the command line), files,
// rows, duration and outcome; a row opens that import above.
import { Anchor, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { TableFooter } from '../../../ui/table-footer.tsx';
import { LINK } from '../../../ui/tone.tsx';
import { ImportOutcome } from './outcome-badge.tsx';
import { HISTORY_PAGE_SIZE, useImportHistory } from './queries.ts';

function By({ item }: { item: ImportSummary }) {
  const { t } = useTranslation();
  if (item.by.email) return <>{item.by.email}</>;
  return (
    <>{item.by.kind === 'token' ? t('opImports.history.apiToken') : t('opImports.history.commandLine')}</>
  );
}

export function ImportHistory({ onOpen }: { onOpen: (importId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const query = useImportHistory(page);
  return (
    <Panel
      id="import-history"
      title={t('opImports.history.title')}
      query={query}
      isEmpty={(data) => data.total === 0}
      empty={t('opImports.history.empty')}
    >
      {(data) => (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="import-history" style={{ fontVariantNumeric: 'tabular-nums' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('opImports.history.when')}</Table.Th>
                  <Table.Th>{t('opImports.history.by')}</Table.Th>
                  <Table.Th>{t('opImports.history.files')}</Table.Th>
                  <Table.Th ta="right">{t('opImports.history.rows')}</Table.Th>
                  <Table.Th ta="right">{t('opImports.history.duration')}</Table.Th>
                  <Table.Th>{t('opImports.history.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => {
                  const when = f.dateTime(item.createdAt);
                  return (
                    <Table.Tr key={item.importId}>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          c={LINK}
                          size="sm"
                          aria-label={t('opImports.history.open', { when })}
                          onClick={() => onOpen(item.importId)}
                        >
                          {when}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <By item={item} />
                      </Table.Td>
                      <Table.Td>
                        <Tooltip
                          label={item.files.join(', ')}
                          disabled={item.files.length === 0}
                          multiline
                          w={320}
                        >
                          <Text size="sm" span>
                            {f.number(item.files.length)}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td ta="right">{f.number(item.rows)}</Table.Td>
                      <Table.Td ta="right">
                        {item.seconds === null
                          ? '—'
                          : t('opImports.current.seconds', { value: f.number(item.seconds, 1) })}
                      </Table.Td>
                      <Table.Td>
                        <ImportOutcome status={item.status} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TableFooter
            page={page}
            pageSize={HISTORY_PAGE_SIZE}
            total={data.total}
            onPage={setPage}
            summary={t('opImports.history.summary', { count: data.total })}
            label={t('opImports.history.pages')}
          />
        </>
      )}
    </Panel>
  );
}
