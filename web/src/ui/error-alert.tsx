// An API error as a readable message naming each field, for forms and actions.
import { Alert } from '@mantine/core';
import { ApiError } from '../lib/api.ts';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const issues =
    (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  return issues.length > 0
    ? `${error.message}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`
    : error.message;
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="form-error">
      {errorText(error)}
    </Alert>
  );
}
