// Asking to extend an approved registration's protection: a reason for the operator, sent
// once; the server refuses a second request or one after the protection ended.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useRequestExtension } from './queries.ts';

export function ExtensionDialog({
  partnerId,
  registration: r,
  onClose,
  onSent,
}: {
  partnerId: string;
  registration: Registration;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const request = useRequestExtension(partnerId, r.id);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const empty = reason.trim() === '';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('dealRegistrations.extension.title', { client: r.clientName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="extension-dialog"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (empty) return;
          request.mutate(reason.trim(), { onSuccess: onSent });
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">
            {t('dealRegistrations.extension.intro', { date: f.date(r.protectionEndsOn) })}
          </Text>
          <Textarea
            label={t('dealRegistrations.extension.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && empty ? t('dealRegistrations.extension.reasonRequired') : undefined}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
          />
          <ErrorAlert error={request.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('dealRegistrations.extension.cancel')}
            </Button>
            <Button type="submit" loading={request.isPending}>
              {t('dealRegistrations.extension.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
