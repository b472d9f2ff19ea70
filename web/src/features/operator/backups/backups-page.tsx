// The console's backups: the backups folder newest first (when, size, versions), "Back up
// now", a download per backup, and the command that restores one (a command-line task).
import { Alert, Anchor, Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { backupHref, useBackUpNow, useBackups } from './queries.ts';

export default function BackupsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const backups = useBackups();
  const now = useBackUpNow();
  const size = (bytes: number) => `${f.number(bytes / 2 ** 20, 1)} MB`;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('opBackups.title')}</Title>
        <Button onClick={() => now.mutate()} loading={now.isPending}>
          {t('opBackups.now')}
        </Button>
      </Group>
      <Text c={MUTED}>{t('opBackups.intro')}</Text>
      {now.data ? (
        <Alert color="green" role="status">
          {t('opBackups.taken', { name: now.data.name })}
        </Alert>
      ) : null}
      {now.error ? (
        <Alert color="red" role="alert">
          {now.error.message}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="lg">
        <PanelBody query={backups} isEmpty={(list) => list.length === 0} empty={t('opBackups.empty')}>
          {(list) => (
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="backups" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('opBackups.col.when')}</Table.Th>
                    <Table.Th>{t('opBackups.col.size')}</Table.Th>
                    <Table.Th>{t('opBackups.col.schema')}</Table.Th>
                    <Table.Th>{t('opBackups.col.program')}</Table.Th>
                    <Table.Th>{t('opBackups.col.tierwise')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((backup) => {
                    const when = f.dateTime(backup.createdAt);
                    return (
                      <Table.Tr key={backup.name}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                        <Table.Td>{size(backup.size)}</Table.Td>
                        <Table.Td>{backup.schemaVersion ?? '—'}</Table.Td>
                        <Table.Td>{backup.programVersion ?? '—'}</Table.Td>
                        <Table.Td>{backup.tierwiseVersion ?? '—'}</Table.Td>
                        <Table.Td>
                          <Anchor
                            href={backupHref(backup.name)}
                            download
                            c={LINK}
                            size="sm"
                            aria-label={t('opBackups.downloadFor', { when })}
                          >
                            {t('opBackups.download')}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </PanelBody>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('opBackups.restoreTitle')}
          </Title>
          <Text>{t('opBackups.restore')}</Text>
          <Code block>tierwise restore tierwise-YYYYMMDDTHHMMSSZ.zip --force</Code>
        </Stack>
      </Card>
    </Stack>
  );
}
