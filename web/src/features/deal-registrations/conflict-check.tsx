// The conflict check as the partner types (debounced): whether the company conflicts with
// another partner's client or protected registration (never whose), or repeats one of the
// partner's own active registrations. Announced politely to screen readers.
import { Alert, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { RegistrationCheck, RegistrationCheckBody } from '../../lib/api-types.ts';
import { MUTED, POSITIVE } from '../../ui/tone.tsx';
import { useConflictCheck } from './queries.ts';

export function useDebouncedCheck(partnerId: string, body: RegistrationCheckBody | null) {
  const [debounced] = useDebouncedValue(body, 400);
  // While typing the check is of the text before: show it as pending.
  const settled = JSON.stringify(debounced) === JSON.stringify(body);
  const query = useConflictCheck(partnerId, debounced);
  return { query, pending: body !== null && (!settled || query.isFetching) };
}

export function ConflictCheck({
  check,
  pending,
  active,
}: {
  check: RegistrationCheck | null | undefined;
  pending: boolean;
  active: boolean;
}) {
  const { t } = useTranslation();
  let content: React.ReactNode = null;
  if (!active) content = null;
  else if (pending)
    content = (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c={MUTED}>
          {t('dealRegistrations.check.checking')}
        </Text>
      </Group>
    );
  else if (check?.conflict)
    content = (
      <Alert color="red" variant="light" data-testid="conflict-warning" data-conflict="conflict">
        {t('dealRegistrations.check.conflict')}
      </Alert>
    );
  else if (check?.duplicate)
    content = (
      <Alert color="orange" variant="light" data-testid="conflict-warning" data-conflict="duplicate">
        {t('dealRegistrations.check.duplicate')}
      </Alert>
    );
  else if (check)
    content = (
      <Text size="sm" c={POSITIVE} data-testid="conflict-clear">
        {t('dealRegistrations.check.clear')}
        {check.domain ? ` ${t('dealRegistrations.check.normalised', { domain: check.domain })}` : ''}
      </Text>
    );
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t('dealRegistrations.check.label')}
      data-testid="conflict-check"
    >
      {content}
    </div>
  );
}
