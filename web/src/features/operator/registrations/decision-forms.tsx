// The operator's decisions on a registration: approve or reject a submitted one (a reason is
// required to reject; it is shown to the partner), grant or refuse a requested extension.
import { Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRegistration } from '../../../lib/api-types.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { useDecide, useDecideExtension } from './queries.ts';

interface FormProps {
  registration: QueueRegistration;
  onDecided: (notice: string) => void;
}

export function DecisionForm({ registration: r, onDecided }: FormProps) {
  const { t } = useTranslation();
  const decide = useDecide(r.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (decision: 'approve' | 'reject') => {
    const text = reason.trim();
    if (decision === 'reject' && text === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    decide.mutate(
      { decision, ...(text ? { reason: text } : {}) },
      { onSuccess: () => onDecided(t(`opRegistrations.decided.${decision}`, { client: r.clientName })) },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="registration-decision" data-testid="decision-form">
      <Title order={3} size="h5" id="registration-decision">
        {t(r.conflicts.length > 0 ? 'opRegistrations.decide.disputed' : 'opRegistrations.decide.title')}
      </Title>
      <Textarea
        label={t('opRegistrations.decide.reason')}
        description={t('opRegistrations.decide.reasonHelp')}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          if (missing) setMissing(false);
        }}
        error={missing ? t('opRegistrations.decide.reasonRequired') : undefined}
        autosize
        minRows={2}
        maxLength={2000}
        data-testid="decision-reason"
      />
      <ErrorAlert error={decide.error} />
      <Group>
        <Button loading={decide.isPending} onClick={() => submit('approve')}>
          {t('opRegistrations.decide.approve')}
        </Button>
        <Button color="red" variant="light" loading={decide.isPending} onClick={() => submit('reject')}>
          {t('opRegistrations.decide.reject')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ExtensionForm({ registration: r, onDecided }: FormProps) {
  const { t } = useTranslation();
  const decide = useDecideExtension(r.id);
  const [reason, setReason] = useState('');
  const submit = (grant: boolean) => {
    const text = reason.trim();
    decide.mutate(
      { grant, ...(text ? { reason: text } : {}) },
      {
        onSuccess: () =>
          onDecided(t(`opRegistrations.decided.${grant ? 'grant' : 'refuse'}`, { client: r.clientName })),
      },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="registration-extension" data-testid="extension-form">
      <Title order={3} size="h5" id="registration-extension">
        {t('opRegistrations.extend.title')}
      </Title>
      <Textarea
        label={t('opRegistrations.extend.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <ErrorAlert error={decide.error} />
      <Group>
        <Button loading={decide.isPending} onClick={() => submit(true)}>
          {t('opRegistrations.extend.grant')}
        </Button>
        <Button color="red" variant="light" loading={decide.isPending} onClick={() => submit(false)}>
          {t('opRegistrations.extend.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}
