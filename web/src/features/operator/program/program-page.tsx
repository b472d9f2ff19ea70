// The program in force, readable: its name, version and base currency, the rule sets on a
// timeline with every field's source, and the program-wide settings. An older version can be
// read the same way (?version=N), and a draft started from the one shown.
import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../../lib/format.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import { MUTED, ToneBadge } from '../../../ui/tone.tsx';
import { NewDraftForm } from './new-draft-form.tsx';
import { ProgramSettings } from './program-settings.tsx';
import { useProgramInForce, useVersion, useVersions } from './queries.ts';
import { RuleSetTimeline } from './rule-set-timeline.tsx';
import { personText } from './who.ts';

type Json = Record<string, unknown>;

export default function ProgramPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const inForce = useProgramInForce();
  const versions = useVersions();
  const [starting, setStarting] = useState(false);
  const asked = params.get('version');
  const currentVersion = inForce.data?.version ?? null;
  const shown = asked !== null && Number(asked) !== currentVersion ? Number(asked) : null;
  const older = useVersion(shown);
  const query: UseQueryResult<unknown> = shown === null ? inForce : older;
  const version = shown ?? currentVersion;
  const summary = versions.data?.versions.find((v) => v.version === version);
  const document =
    shown === null ? (inForce.data?.program as unknown) : (older.data?.document as unknown | undefined);
  const doc = (document ?? {}) as Json;
  const today = inForce.data?.today ?? new Date().toISOString().slice(0, 10);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="program-shown-title">
      <PanelBody query={query}>
        {() => (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <Stack gap={4}>
                <Group gap="sm">
                  <Title order={2} size="h3" id="program-shown-title">
                    {typeof doc.name === 'string' ? doc.name : t('opProgram.unnamed')}
                  </Title>
                  {shown === null ? (
                    <ToneBadge tone="teal">{t('opProgram.published.current')}</ToneBadge>
                  ) : (
                    <ToneBadge tone="orange">{t('opProgram.published.older')}</ToneBadge>
                  )}
                </Group>
                <Text size="sm" c={MUTED} data-testid="program-version">
                  {version === 0
                    ? t('opProgram.published.example')
                    : summary
                      ? t('opProgram.published.versionBy', {
                          version,
                          when: f.dateTime(summary.publishedAt),
                          who: personText(t, summary.publishedBy),
                        })
                      : t('opProgram.published.version', { version })}
                  {' · '}
                  {t('opProgram.published.baseCurrency', { currency: String(doc.baseCurrency ?? '—') })}
                </Text>
              </Stack>
              <Group gap="sm" align="flex-end">
                {versions.data && versions.data.versions.length > 1 ? (
                  <Select
                    label={t('opProgram.published.show')}
                    size="sm"
                    w={260}
                    data={versions.data.versions.map((v) => ({
                      value: String(v.version),
                      label: t(
                        v.current ? 'opProgram.newDraft.currentVersion' : 'opProgram.newDraft.version',
                        {
                          version: v.version,
                          name: v.name,
                        },
                      ),
                    }))}
                    value={version === null ? null : String(version)}
                    allowDeselect={false}
                    onChange={(v) =>
                      setParams(v === null || Number(v) === currentVersion ? {} : { version: v }, {
                        replace: true,
                      })
                    }
                  />
                ) : null}
                {!starting ? (
                  <Button variant="light" onClick={() => setStarting(true)}>
                    {t('opProgram.published.startDraft', { version })}
                  </Button>
                ) : null}
              </Group>
            </Group>
            {starting && version !== null ? (
              <Card withBorder radius="md" padding="md" bg="gray.0">
                <Text size="sm" fw={600} mb="xs">
                  {t('opProgram.published.startDraft', { version })}
                </Text>
                <NewDraftForm basedOn={version} onCancel={() => setStarting(false)} />
              </Card>
            ) : null}
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('opProgram.ruleSets.heading')}
              </Title>
              <Text size="sm" c={MUTED}>
                {t('opProgram.ruleSets.intro', { today: f.date(today) })}
              </Text>
            </Stack>
            <RuleSetTimeline document={document} today={today} />
            <ProgramSettings document={document} />
          </Stack>
        )}
      </PanelBody>
    </Card>
  );
}
