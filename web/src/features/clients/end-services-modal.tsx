// "End services": a confirmation naming the client; on confirm the partner stops managing
// it today (POST …/end-services, with the CSRF header), and every query of the partner is
// refreshed so that the client leaves the table and the managed points drop.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRow, EndServices } from '../../lib/api-types.ts';
import { MUTED } from '../../ui/tone.tsx';
import { useEndServices } from './queries.ts';

export function EndServicesModal({
  partnerId,
  client,
  onClose,
  onEnded,
}: {
  partnerId: string;
  client: Pick<ClientRow, 'clientId' | 'name' | 'relationship'> | null;
  onClose: () => void;
  onEnded: (name: string, result: EndServices) => void;
}) {
  const { t } = useTranslation();
  const mutation = useEndServices(partnerId);
  const { reset } = mutation;
  // A fresh dialog for every client: no error left over from the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the client is the trigger
  useEffect(() => reset(), [client?.clientId, reset]);
  const name = client?.name ?? '';
  const confirm = () => {
    if (!client) return;
    mutation.mutate(client.clientId, { onSuccess: (result) => onEnded(client.name, result) });
  };
  return (
    <Modal
      opened={client !== null}
      onClose={mutation.isPending ? () => {} : onClose}
      title={t('clients.endServices.title', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="md"
      attributes={{ content: { 'data-testid': 'end-services-modal' } as Record<string, string> }}
    >
      <Stack gap="md">
        <Text size="sm">{t('clients.endServices.body', { name })}</Text>
        {client?.relationship === 'both' ? (
          <Text size="sm" c={MUTED}>
            {t('clients.endServices.keepSold')}
          </Text>
        ) : null}
        {mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {t('clients.endServices.failed', { message: mutation.error.message })}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            onClick={confirm}
            loading={mutation.isPending}
            data-testid="end-services-confirm"
          >
            {t('clients.endServices.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
