// One list opened on the Lists page: rename it, delete it (with confirmation), and its
// clients with their relationship, current points and MRR, each removable.
import { Button, Card, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerPath, withQuery } from '../../lib/api.ts';
import type { ListDetail, ListMember } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PanelBody } from '../../ui/panel.tsx';
import { pageCount, TableFooter } from '../../ui/table-footer.tsx';
import { MUTED } from '../../ui/tone.tsx';
import { RelationshipBadge } from '../clients/badges.tsx';
import { useDeleteList, useList, useRemoveMembers, useRenameList } from './queries.ts';

const MEMBERS_PAGE = 25;

export function ListDetailPanel({
  partnerId,
  listId,
  onClose,
  onDeleted,
}: {
  partnerId: string;
  listId: string;
  onClose: () => void;
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation();
  const list = useList(partnerId, listId);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="list-title"
      data-testid="list-detail"
    >
      <PanelBody query={list}>
        {(data) => (
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Title order={2} size="h4" id="list-title">
                {data.name}
              </Title>
              <Button size="xs" variant="default" onClick={onClose}>
                {t('lists.close')}
              </Button>
            </Group>
            <ListActions partnerId={partnerId} list={data} onDeleted={() => onDeleted(data.name)} />
            <Members partnerId={partnerId} list={data} />
          </Stack>
        )}
      </PanelBody>
    </Card>
  );
}

function ListActions({
  partnerId,
  list,
  onDeleted,
}: {
  partnerId: string;
  list: ListDetail;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(list.name);
  const rename = useRenameList(partnerId, list.id);
  const remove = useDeleteList(partnerId, list.id, onDeleted);
  const changed = name.trim() !== '' && name.trim() !== list.name;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (changed) rename.mutate(name.trim());
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('lists.rename.label')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={200}
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" variant="default" disabled={!changed} loading={rename.isPending}>
              {t('lists.rename.submit')}
            </Button>
          </Group>
        </form>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            component="a"
            href={withQuery(partnerPath(partnerId, `/lists/${list.id}/export`), { format })}
            download
            variant="default"
          >
            {t(`lists.exportAs.${format}`)}
          </Button>
        ))}
        <ConfirmButton
          label={t('lists.delete.label')}
          ariaLabel={t('lists.delete.ariaLabel', { name: list.name })}
          confirmLabel={t('lists.delete.confirm')}
          cancelLabel={t('common.cancel')}
          action={remove}
        />
      </Group>
      {rename.isSuccess && !changed ? (
        <Text size="sm" role="status">
          {t('lists.rename.done')}
        </Text>
      ) : null}
      <ErrorAlert error={rename.error} />
    </Stack>
  );
}

function Members({ partnerId, list }: { partnerId: string; list: ListDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const remove = useRemoveMembers(partnerId, list.id);
  const [removed, setRemoved] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // The list comes whole; it is shown a page at a time (a removed member can shorten it).
  const shown = Math.min(page, pageCount(list.members.length, MEMBERS_PAGE));
  const members = list.members.slice((shown - 1) * MEMBERS_PAGE, shown * MEMBERS_PAGE);
  const col = (key: string) => t(`lists.member.${key}`);
  if (list.members.length === 0)
    return (
      <Text size="sm" c={MUTED}>
        {t('lists.noMembers')}
      </Text>
    );
  const removeMember = (member: ListMember) =>
    remove.mutate([member.clientId], {
      onSuccess: () => setRemoved(member.name),
    });
  return (
    <Stack gap="xs">
      <Text size="sm" c={MUTED}>
        {t('lists.asOf', { date: f.date(list.on) })}
      </Text>
      {removed ? (
        <Text size="sm" role="status" data-testid="member-removed">
          {t('lists.removed', { name: removed })}
        </Text>
      ) : null}
      <ErrorAlert error={remove.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table
          highlightOnHover
          aria-label={t('lists.members', { name: list.name })}
          data-testid="list-members"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{col('client')}</Table.Th>
              <Table.Th>{col('relationship')}</Table.Th>
              <Table.Th ta="right">{col('points')}</Table.Th>
              <Table.Th ta="right">{col('mrr')}</Table.Th>
              <Table.Th>{col('added')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{col('remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.clientId} data-testid="member-row" data-client-id={member.clientId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {member.name}
                  </Text>
                  <Text size="xs" c={MUTED}>
                    {member.clientId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {member.relationship ? (
                    <RelationshipBadge relationship={member.relationship} />
                  ) : (
                    <Text size="sm" c={MUTED}>
                      {col('former')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{f.points(member.points.total)}</Table.Td>
                <Table.Td ta="right">{f.money(member.mrr)}</Table.Td>
                <Table.Td>{f.date(member.addedAt.slice(0, 10))}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    aria-label={t('lists.member.removeLabel', { name: member.name })}
                    loading={remove.isPending && remove.variables?.[0] === member.clientId}
                    onClick={() => removeMember(member)}
                  >
                    {col('remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TableFooter
        page={shown}
        pageSize={MEMBERS_PAGE}
        total={list.members.length}
        onPage={setPage}
        summary={t('lists.size', { count: list.size, formatted: f.number(list.size) })}
        label={t('lists.pages')}
      />
    </Stack>
  );
}
