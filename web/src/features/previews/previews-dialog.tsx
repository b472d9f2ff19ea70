// The Preview features dialog: every preview with its state, and the terms to accept before
// opting in (oneself, or every user of the partner for a partner admin).
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/session.ts';
import { PanelBody } from '../../ui/panel.tsx';
import { useTier } from '../tier/queries.ts';
import { PreviewCard } from './preview-card.tsx';
import { useMyPreviews, useOptin, usePartnerPreviews } from './queries.ts';
import { type TermsMode, TermsStep } from './terms-step.tsx';

export type DialogStep = { kind: 'list' } | { kind: 'terms'; previewId: string; mode: TermsMode };

export function PreviewsDialog({
  partnerId,
  opened,
  initial = { kind: 'list' },
  onClose,
}: {
  partnerId: string;
  opened: boolean;
  /** Where the dialog opens: the list, or straight at a preview's terms. */
  initial?: DialogStep;
  onClose: () => void;
}) {
  const phone = useMediaQuery('(max-width: 40em)');
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('previews.title')}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 } }}
      attributes={{ content: { 'data-testid': 'preview-dialog' } as Record<string, string> }}
    >
      {/* Each opening starts where it was asked to. */}
      <DialogBody key={JSON.stringify(initial)} partnerId={partnerId} initial={initial} onClose={onClose} />
    </Modal>
  );
}

function DialogBody({
  partnerId,
  initial,
  onClose,
}: {
  partnerId: string;
  initial: DialogStep;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.data?.user.role;
  const admin = role === 'partner-admin' || role === 'operator';
  const previews = useMyPreviews();
  const partner = usePartnerPreviews(partnerId, admin);
  const tier = useTier(partnerId);
  const optin = useOptin(partnerId);
  const [step, setStep] = useState<DialogStep>(initial);
  const [done, setDone] = useState<string | null>(null);
  const partnerName = tier.data?.partner.name ?? me.data?.partner?.name ?? partnerId;

  const current =
    step.kind === 'terms' ? previews.data?.previews.find((p) => p.id === step.previewId) : undefined;
  if (step.kind === 'terms' && current) {
    const mode = step.mode;
    return (
      <TermsStep
        preview={current}
        mode={mode}
        partnerName={partnerName}
        pending={optin.isPending}
        error={optin.error ? optin.error.message : null}
        onBack={() => {
          optin.reset();
          setStep({ kind: 'list' });
        }}
        onConfirm={() =>
          optin.mutate(
            { previewId: current.id, scope: mode === 'user' ? 'user' : 'partner', on: mode !== 'withdraw' },
            {
              onSuccess: (answer) => {
                if (mode === 'partner' && 'users' in answer)
                  setDone(t('previews.terms.done', { count: answer.users, partner: partnerName }));
                else setDone(null);
                setStep({ kind: 'list' });
              },
            },
          )
        }
      />
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('previews.intro')}
      </Text>
      {done ? (
        <Alert variant="light" color="teal" data-testid="preview-done">
          {done}
        </Alert>
      ) : null}
      {optin.error ? (
        <Alert variant="light" color="red" role="alert">
          {t('previews.failed', { message: optin.error.message })}
        </Alert>
      ) : null}
      <PanelBody query={previews} isEmpty={(data) => data.previews.length === 0} empty={t('previews.empty')}>
        {(data) => (
          <Stack gap="sm">
            {data.previews.map((preview) => {
              const state = partner.data?.previews.find((p) => p.previewId === preview.id);
              return (
                <PreviewCard
                  key={preview.id}
                  preview={preview}
                  partnerId={partnerId}
                  admin={admin && partner.isSuccess}
                  partnerOptedIn={state?.partnerOptedIn ?? false}
                  usersOptedIn={state?.usersOptedIn ?? null}
                  pending={optin.isPending}
                  onStep={(mode) => {
                    setDone(null);
                    optin.reset();
                    setStep({ kind: 'terms', previewId: preview.id, mode });
                  }}
                  onOptOut={() => optin.mutate({ previewId: preview.id, scope: 'user', on: false })}
                  onOpen={onClose}
                />
              );
            })}
          </Stack>
        )}
      </PanelBody>
    </Stack>
  );
}
