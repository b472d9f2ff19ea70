// A destructive action behind a second click: the button, then "confirm" and "cancel" with
// the action's error beside them. Revoking a token and deleting a webhook endpoint use it.
import { Button, Group } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from './error-alert.tsx';

export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  cancelLabel,
  action,
}: {
  label: string;
  ariaLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  action: UseMutationResult<unknown, Error, void>;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button
        size="xs"
        variant="subtle"
        color="red"
        aria-label={ariaLabel}
        onClick={() => setConfirming(true)}
      >
        {label}
      </Button>
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" color="red" loading={action.isPending} onClick={() => action.mutate()}>
        {confirmLabel}
      </Button>
      <Button size="xs" variant="subtle" onClick={() => setConfirming(false)}>
        {cancelLabel}
      </Button>
      <ErrorAlert error={action.error} />
    </Group>
  );
}
