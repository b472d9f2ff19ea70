// Accepting a preview's terms: the terms as the operator wrote them, "I have read the terms",
// then Opt in (for oneself) or Opt in all users (a partner admin, for the whole partner).
// Turning a partner-wide opt-in off asks for a confirmation only.
import { Alert, Button, Checkbox, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyPreview } from '../../lib/api-types.ts';
import { previewText } from './text.ts';

export type TermsMode = 'user' | 'partner' | 'withdraw';

export function TermsStep({
  preview,
  mode,
  partnerName,
  pending,
  error,
  onBack,
  onConfirm,
}: {
  preview: MyPreview;
  mode: TermsMode;
  partnerName: string;
  pending: boolean;
  error: string | null;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [read, setRead] = useState(false);
  const { name } = previewText(t, preview);
  const confirmLabel =
    mode === 'user'
      ? t('previews.terms.optIn')
      : mode === 'partner'
        ? t('previews.terms.optInAll')
        : t('previews.terms.confirmWithdraw');
  return (
    <Stack gap="md" data-testid="preview-terms">
      <Title order={3} size="h5">
        {mode === 'withdraw' ? name : t('previews.terms.title')}
      </Title>
      {mode === 'withdraw' ? (
        <Text size="sm">{t('previews.terms.withdrawAll', { partner: partnerName })}</Text>
      ) : (
        <>
          <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
            <ScrollArea.Autosize mah={260} type="auto">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-terms-text">
                {preview.terms}
              </Text>
            </ScrollArea.Autosize>
          </Paper>
          {mode === 'partner' ? (
            <Alert variant="light" color="yellow">
              <Text size="sm">{t('previews.terms.allUsers', { partner: partnerName })}</Text>
            </Alert>
          ) : null}
          <Checkbox
            label={t('previews.terms.read')}
            checked={read}
            onChange={(event) => setRead(event.currentTarget.checked)}
            data-testid="preview-terms-read"
          />
        </>
      )}
      {error ? (
        <Alert variant="light" color="red" role="alert">
          {t('previews.failed', { message: error })}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('previews.actions.back')}
        </Button>
        <Button
          onClick={onConfirm}
          disabled={mode !== 'withdraw' && !read}
          loading={pending}
          color={mode === 'withdraw' ? 'red' : undefined}
          data-testid="preview-terms-confirm"
        >
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
