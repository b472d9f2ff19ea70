// The drafts: start one (named, from the published version or an older one) and every draft
// with who changed it last and when, and whether it is valid or how many problems it has.
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgramDraftSummary } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { LINK, MUTED, ToneBadge } from '../../../ui/tone.tsx';
import { draftPath, NewDraftForm } from './new-draft-form.tsx';
import { useDrafts, useProgramInForce, useVersions } from './queries.ts';
import { personText } from './who.ts';

export function Validity({ draft }: { draft: Pick<ProgramDraftSummary, 'valid' | 'problemCount'> }) {
  const { t } = useTranslation();
  return draft.valid ? (
    <ToneBadge tone="teal">{t('opProgram.drafts.valid')}</ToneBadge>
  ) : (
    <ToneBadge tone="red">{t('opProgram.drafts.problems', { count: draft.problemCount })}</ToneBadge>
  );
}

export default function DraftsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const drafts = useDrafts();
  const versions = useVersions();
  const inForce = useProgramInForce();
  const current = inForce.data?.version;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="new-draft-title">
        <Title order={2} size="h4" id="new-draft-title" mb="xs">
          {t('opProgram.newDraft.title')}
        </Title>
        <Text size="sm" c={MUTED} mb="md">
          {t('opProgram.newDraft.intro')}
        </Text>
        {current !== undefined && versions.data ? (
          <NewDraftForm basedOn={current} versions={versions.data.versions} />
        ) : null}
      </Card>
      <Panel
        id="drafts"
        title={t('opProgram.drafts.title')}
        query={drafts}
        isEmpty={(d) => d.drafts.length === 0}
        empty={t('opProgram.drafts.empty')}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="drafts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('opProgram.drafts.name')}</Table.Th>
                  <Table.Th>{t('opProgram.drafts.basedOn')}</Table.Th>
                  <Table.Th>{t('opProgram.drafts.createdBy')}</Table.Th>
                  <Table.Th>{t('opProgram.drafts.updated')}</Table.Th>
                  <Table.Th>{t('opProgram.drafts.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.drafts.map((draft) => (
                  <Table.Tr key={draft.draftId} data-draft={draft.draftId}>
                    <Table.Td>
                      <Anchor component={Link} to={draftPath(draft.draftId)} c={LINK} fw={600} size="sm">
                        {draft.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {draft.basedOn === null
                        ? t('opProgram.drafts.pasted')
                        : t('opProgram.drafts.versionN', { version: draft.basedOn })}
                    </Table.Td>
                    <Table.Td>{personText(t, draft.createdBy)}</Table.Td>
                    <Table.Td>
                      {t('opProgram.drafts.updatedBy', {
                        when: f.dateTime(draft.updatedAt),
                        who: personText(t, draft.updatedBy),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Validity draft={draft} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Panel>
    </Stack>
  );
}
