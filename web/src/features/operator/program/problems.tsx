// A program's problems, every one at once: its path in the document (with the line it is on
// in the editor's text, a click away) and what is wrong. The same list shows the problems a
// refused what-if or publish answers with (400 validation_failed, details.problems).
import { Alert, Button, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import type { ProgramProblem } from '../../../lib/api-types.ts';
import { errorText } from '../../../ui/error-alert.tsx';
import { lineOfPath } from './document-text.ts';

export function ProblemList({
  problems,
  text,
  onGoTo,
}: {
  problems: ProgramProblem[];
  /** The editor's text, to find each path's line in; none: no lines. */
  text?: string;
  onGoTo?: (line: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560} mah={420}>
      <Table data-testid="draft-problems" stickyHeader verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opProgram.problems.path')}</Table.Th>
            <Table.Th>{t('opProgram.problems.message')}</Table.Th>
            {text !== undefined ? <Table.Th>{t('opProgram.problems.line')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem) => {
            const line = text === undefined ? undefined : lineOfPath(text, problem.path);
            const path = problem.path || t('opProgram.problems.document');
            const lineText = line === undefined ? '' : t('opProgram.problems.lineN', { line });
            return (
              <Table.Tr key={`${problem.path}: ${problem.message}`} data-path={problem.path}>
                <Table.Td>
                  <Code style={{ overflowWrap: 'anywhere' }}>{path}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{problem.message}</Text>
                </Table.Td>
                {text !== undefined ? (
                  <Table.Td>
                    {line !== undefined && onGoTo ? (
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={`${lineText}: ${path}`}
                        onClick={() => onGoTo(line)}
                      >
                        {lineText}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The problems an API error carries (a refused what-if or publish of an invalid draft). */
export function problemsOf(error: unknown): ProgramProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as ProgramProblem[]) : [];
}

/** An action's error: its message, and every problem when the draft is invalid. */
export function ProgramErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = problemsOf(error);
  const status = error instanceof ApiError ? error.status : 0;
  const lead =
    status === 409
      ? t('opProgram.errors.busy')
      : problems.length > 0
        ? t('opProgram.errors.invalid', { count: problems.length })
        : null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid={testId ?? 'form-error'}>
      <Stack gap="xs">
        {lead ? (
          <Text size="sm" fw={600}>
            {lead}
          </Text>
        ) : null}
        <Text size="sm">{errorText(error)}</Text>
        {problems.length > 0 ? <ProblemList problems={problems} /> : null}
      </Stack>
    </Alert>
  );
}
