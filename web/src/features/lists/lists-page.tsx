// The Lists page of the partner portal: every static list of the partner with its size and
// owner; a list opens below (?list=) with its clients, rename, remove and delete.
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ListSummary } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { Panel } from '../../ui/panel.tsx';
import { LINK, MUTED } from '../../ui/tone.tsx';
import { ListDetailPanel } from './list-detail.tsx';
import { useLists } from './queries.ts';

export default function ListsPage() {
  const { t } = useTranslation();
  const { partnerId = '' } = useParams();
  const [params, setParams] = useUrlState();
  const listId = params.get('list');
  const lists = useLists(partnerId);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={1}>{t('lists.title')}</Title>
      <Text c={MUTED}>{t('lists.intro')}</Text>
      {notice ? (
        <Text role="status" size="sm" data-testid="lists-notice">
          {notice}
        </Text>
      ) : null}
      <Panel
        id="lists"
        title={t('lists.all')}
        query={lists}
        isEmpty={(data) => data.lists.length === 0}
        empty={t('lists.empty')}
      >
        {(data) => (
          <ListsTable
            lists={data.lists}
            current={listId}
            onOpen={(id) => {
              setNotice(null);
              setParams({ list: id });
            }}
          />
        )}
      </Panel>
      {listId ? (
        <ListDetailPanel
          key={listId}
          partnerId={partnerId}
          listId={listId}
          onClose={() => setParams({ list: null })}
          onDeleted={(name) => {
            setParams({ list: null });
            setNotice(t('lists.delete.done', { name }));
          }}
        />
      ) : null}
    </Stack>
  );
}

function ListsTable({
  lists,
  current,
  onOpen,
}: {
  lists: ListSummary[];
  current: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table highlightOnHover data-testid="lists-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lists.col.name')}</Table.Th>
            <Table.Th ta="right">{t('lists.col.size')}</Table.Th>
            <Table.Th>{t('lists.col.owner')}</Table.Th>
            <Table.Th>{t('lists.col.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((list) => (
            <Table.Tr
              key={list.id}
              data-testid="list-row"
              data-list-id={list.id}
              aria-current={list.id === current || undefined}
            >
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  c={LINK}
                  onClick={() => onOpen(list.id)}
                  aria-label={t('lists.open', { name: list.name })}
                >
                  {list.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" data-testid="list-size">
                {t('lists.size', { count: list.size, formatted: f.number(list.size) })}
              </Table.Td>
              <Table.Td>{list.owner.email ?? t('lists.ownerToken')}</Table.Td>
              <Table.Td>{f.date(list.updatedAt.slice(0, 10))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
