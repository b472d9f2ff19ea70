// Editing a draft: its document as JSON or YAML in a code-style text area (a syntax error is
// shown with its line as you type), saved with PATCH, after which every problem the server
// finds is listed with its path and line; and a form for the common edits beside it.
import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramDraft } from '../../../lib/api-types.ts';
import { MUTED } from '../../../ui/tone.tsx';
import { parseText, serialize, type TextFormat } from './document-text.ts';
import { ProblemList, ProgramErrorAlert } from './problems.tsx';
import { useUpdateDraft } from './queries.ts';
import { QuickEdits } from './quick-edits.tsx';

const FORMAT_KEY = 'tierwise.programFormat';

function initialFormat(): TextFormat {
  return typeof localStorage !== 'undefined' && localStorage.getItem(FORMAT_KEY) === 'yaml' ? 'yaml' : 'json';
}

export function DraftEdit({
  draft,
  onDirtyChange,
}: {
  draft: ProgramDraft;
  /** Told when the text starts or stops differing from the saved draft. */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const update = useUpdateDraft(draft.draftId);
  const [format, setFormat] = useState<TextFormat>(initialFormat);
  const [text, setText] = useState(() => serialize(draft.document, format));
  const [formatError, setFormatError] = useState(false);
  const saved = serialize(draft.document, format);
  const dirty = text !== saved;
  const parsed = parseText(text, format);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  const save = (document: unknown) =>
    update.mutate({ document }, { onSuccess: (next) => setText(serialize(next.document, format)) });

  const switchFormat = (next: TextFormat) => {
    if (!parsed.ok) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    setFormat(next);
    localStorage.setItem(FORMAT_KEY, next);
    setText(serialize(parsed.document, next));
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${labelId}-title`}>
            <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
              <Title order={2} size="h4" id={`${labelId}-title`}>
                {t('opProgram.editor.title')}
              </Title>
              <Group gap="xs">
                <Text size="sm" id={`${labelId}-format`}>
                  {t('opProgram.editor.format')}
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-labelledby={`${labelId}-format`}
                  value={format}
                  onChange={(v) => switchFormat(v as TextFormat)}
                  data={[
                    { value: 'json', label: 'JSON' },
                    { value: 'yaml', label: 'YAML' },
                  ]}
                />
              </Group>
            </Group>
            <Stack gap="sm">
              {formatError ? (
                <Text size="sm" c="red.9">
                  {t('opProgram.editor.fixFirst')}
                </Text>
              ) : null}
              <Textarea
                ref={area}
                label={t('opProgram.editor.document', { format: format.toUpperCase() })}
                description={t('opProgram.editor.hint')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                rows={26}
                spellCheck={false}
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="off"
                resize="vertical"
                data-testid="draft-text"
                styles={{
                  input: {
                    fontFamily: 'var(--mantine-font-family-monospace)',
                    fontSize: 13,
                    lineHeight: 1.5,
                    whiteSpace: 'pre',
                    overflowWrap: 'normal',
                    overflowX: 'auto',
                  },
                }}
              />
              {!parsed.ok ? (
                <Alert color="red" variant="light" role="alert" data-testid="syntax-error">
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text size="sm">
                      {t('opProgram.editor.syntax', {
                        format: format.toUpperCase(),
                        line: parsed.error.line,
                        column: parsed.error.column,
                        message: parsed.error.message,
                      })}
                    </Text>
                    <Button size="compact-sm" variant="default" onClick={() => goTo(parsed.error.line)}>
                      {t('opProgram.problems.lineN', { line: parsed.error.line })}
                    </Button>
                  </Group>
                </Alert>
              ) : null}
              <Group gap="sm">
                <Button
                  disabled={!dirty || !parsed.ok}
                  loading={update.isPending}
                  onClick={() => parsed.ok && save(parsed.document)}
                >
                  {t('opProgram.editor.save')}
                </Button>
                <Button variant="default" disabled={!dirty} onClick={() => setText(saved)}>
                  {t('opProgram.editor.discard')}
                </Button>
                <Text size="sm" c={MUTED} data-testid="draft-saved-state">
                  {dirty ? t('opProgram.editor.unsaved') : t('opProgram.editor.saved')}
                </Text>
              </Group>
              <ProgramErrorAlert error={update.error} />
            </Stack>
          </Card>
          <Card
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-labelledby={`${labelId}-problems`}
          >
            <Title order={2} size="h4" id={`${labelId}-problems`} mb="xs">
              {t('opProgram.problems.title')}
            </Title>
            {dirty ? (
              <Text size="sm" c={MUTED} mb="xs">
                {t('opProgram.problems.ofSaved')}
              </Text>
            ) : null}
            {draft.problems.length === 0 ? (
              <Text size="sm" data-testid="draft-no-problems">
                {t('opProgram.problems.none')}
              </Text>
            ) : (
              <Stack gap="xs">
                <Text size="sm" fw={600} c="red.9">
                  {t('opProgram.problems.count', { count: draft.problems.length })}
                </Text>
                <ProblemList problems={draft.problems} text={parsed.ok ? text : undefined} onGoTo={goTo} />
              </Stack>
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md">
          <QuickEdits
            document={parsed.ok ? parsed.document : null}
            pending={update.isPending}
            onApply={(document) => {
              setText(serialize(document, format));
              save(document);
            }}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
