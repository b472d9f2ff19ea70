// Use in lists: a report's action that puts the report's clients (every page of it, each
// client once) in a new static list or adds them to an existing one, and says how many were
// added and how many were already in it.
import { Alert, Anchor, Button, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useNestedDialog } from '../../ui/nested-dialog.ts';
import { LINK } from '../../ui/tone.tsx';
import { useAddMembers, useCreateList, useLists } from '../lists/queries.ts';

type Mode = 'create' | 'add';

export interface ReportClients {
  /** Identifies the report's clients in the query cache (the report, its part and range). */
  queryKey: readonly unknown[];
  /** Every distinct client id of the report, all pages read. */
  load: () => Promise<string[]>;
}

export function UseInListsAction({
  partnerId,
  clients,
  defaultName,
}: {
  partnerId: string;
  clients: ReportClients;
  /** The name a new list starts with (the report and its dates). */
  defaultName: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useNestedDialog(opened);
  return (
    <>
      <Button size="xs" variant="default" onClick={open} data-testid="lists-action">
        {t('reportActions.lists.action')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('reportActions.lists.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened ? <ListsForm partnerId={partnerId} clients={clients} defaultName={defaultName} /> : null}
      </Modal>
    </>
  );
}

function ListsForm({
  partnerId,
  clients,
  defaultName,
}: {
  partnerId: string;
  clients: ReportClients;
  defaultName: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const ids = useQuery({
    queryKey: [partnerId, 'report-clients', ...clients.queryKey],
    queryFn: clients.load,
  });
  const lists = useLists(partnerId);
  const create = useCreateList(partnerId);
  const add = useAddMembers(partnerId);
  const [mode, setMode] = useState<Mode>('create');
  const [name, setName] = useState(defaultName);
  const [listId, setListId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const options = (lists.data?.lists ?? []).map((list) => ({
    value: list.id,
    label: `${list.name} (${f.number(list.size)})`,
  }));
  const clientIds = ids.data ?? [];
  const count = (n: number) => ({ count: n, formatted: f.number(n) });
  const busy = create.isPending || add.isPending;
  const ready = ids.isSuccess && clientIds.length > 0 && (mode === 'create' ? name.trim() !== '' : !!listId);

  const submit = () => {
    setDone(null);
    if (mode === 'create') {
      const listName = name.trim();
      create.mutate(
        { name: listName, clientIds },
        {
          onSuccess: (list) =>
            setDone(t('reportActions.lists.created', { name: list.name, ...count(list.size) })),
        },
      );
      return;
    }
    const list = lists.data?.lists.find((l) => l.id === listId);
    if (!list) return;
    add.mutate(
      { listId: list.id, clientIds },
      {
        onSuccess: (answer) => {
          const already = clientIds.length - answer.added;
          setDone(
            t('reportActions.lists.added', { name: list.name, ...count(answer.added) }) +
              (already > 0 ? t('reportActions.lists.already', count(already)) : ''),
          );
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="lists-dialog">
      <Text size="sm" role="status" data-testid="lists-count">
        {ids.isSuccess
          ? t('reportActions.lists.intro', count(clientIds.length))
          : t('reportActions.lists.counting')}
      </Text>
      <ErrorAlert error={ids.error} />
      <Radio.Group
        label={t('reportActions.lists.mode')}
        value={mode}
        onChange={(value) => {
          setMode(value as Mode);
          setDone(null);
        }}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="create" label={t('reportActions.lists.create')} />
          <Radio value="add" label={t('reportActions.lists.add')} />
        </Stack>
      </Radio.Group>
      {mode === 'create' ? (
        <TextInput
          label={t('reportActions.lists.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={200}
          required
        />
      ) : lists.isSuccess && options.length === 0 ? (
        <Text size="sm">{t('reportActions.lists.noLists')}</Text>
      ) : (
        <Select
          label={t('reportActions.lists.list')}
          data={options}
          value={listId}
          onChange={setListId}
          searchable
          nothingFoundMessage={t('common.state.empty')}
          required
        />
      )}
      <ErrorAlert error={create.error ?? add.error} />
      {done ? (
        <Alert color="green" variant="light" data-testid="lists-done">
          <Stack gap={4}>
            <Text size="sm">{done}</Text>
            <Anchor
              component={Link}
              to={`/partners/${encodeURIComponent(partnerId)}/lists`}
              size="sm"
              c={LINK}
            >
              {t('reportActions.lists.openLists')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      <Button onClick={submit} loading={busy} disabled={!ready} data-testid="lists-submit">
        {t('reportActions.lists.submit')}
      </Button>
    </Stack>
  );
}
