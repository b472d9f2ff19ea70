// What changed between two versions, field by field: the path in the document, added,
// removed or changed, and the value before and after. The two versions are in the URL.
import { Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgramDiffEntry, ProgramVersionSummary } from '../../../lib/api-types.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import { MUTED, type Tone, ToneBadge } from '../../../ui/tone.tsx';
import { JsonValue } from './field-values.tsx';
import { pathLabel } from './path-label.ts';
import { useDiff, useVersion } from './queries.ts';

const TONE: Record<ProgramDiffEntry['change'], Tone> = { added: 'teal', removed: 'red', changed: 'yellow' };

export function VersionDiff({
  versions,
  from,
  to,
  onChange,
}: {
  /** The versions to choose from. */
  versions: Pick<ProgramVersionSummary, 'version' | 'name'>[];
  from: number | null;
  to: number | null;
  onChange: (from: number | null, to: number | null) => void;
}) {
  const { t } = useTranslation();
  const diff = useDiff(from, to);
  const fromDoc = useVersion(from);
  const toDoc = useVersion(to);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t('opProgram.newDraft.version', { version: v.version, name: v.name }),
  }));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="version-diff-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Title order={2} size="h4" id="version-diff-title">
            {t('opProgram.diff.title')}
          </Title>
          <Group gap="sm" align="flex-end">
            <Select
              label={t('opProgram.diff.from')}
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => onChange(v === null ? null : Number(v), to)}
              w={240}
            />
            <Select
              label={t('opProgram.diff.to')}
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => onChange(from, v === null ? null : Number(v))}
              w={240}
            />
          </Group>
        </Group>
        {from === null || to === null ? (
          <Text size="sm" c={MUTED}>
            {t('opProgram.diff.choose')}
          </Text>
        ) : (
          <PanelBody
            query={diff}
            isEmpty={(d) => d.changes.length === 0}
            empty={from === to ? t('opProgram.diff.same') : t('opProgram.diff.none')}
          >
            {(data) => (
              <Stack gap="xs">
                <Text size="sm" c={MUTED}>
                  {t('opProgram.diff.count', { count: data.changes.length, from: data.from, to: data.to })}
                </Text>
                <Table.ScrollContainer minWidth={720}>
                  <Table data-testid="version-diff" verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('opProgram.diff.field')}</Table.Th>
                        <Table.Th>{t('opProgram.diff.change')}</Table.Th>
                        <Table.Th>{t('opProgram.diff.before', { version: data.from })}</Table.Th>
                        <Table.Th>{t('opProgram.diff.after', { version: data.to })}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.changes.map((c) => (
                        <Table.Tr key={`${c.path}-${c.change}`} data-path={c.path} data-change={c.change}>
                          <Table.Td>
                            <Text
                              size="sm"
                              ff="monospace"
                              style={{ overflowWrap: 'anywhere' }}
                              data-path-text
                            >
                              {c.path}
                            </Text>
                            <Text size="xs" c={MUTED}>
                              {pathLabel(
                                t,
                                c.path,
                                c.change === 'removed' ? fromDoc.data?.document : toDoc.data?.document,
                              )}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <ToneBadge tone={TONE[c.change]}>
                              {t(`opProgram.diff.changes.${c.change}`)}
                            </ToneBadge>
                          </Table.Td>
                          <Table.Td>{c.change === 'added' ? '—' : <JsonValue value={c.before} />}</Table.Td>
                          <Table.Td>{c.change === 'removed' ? '—' : <JsonValue value={c.after} />}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            )}
          </PanelBody>
        )}
      </Stack>
    </Card>
  );
}
