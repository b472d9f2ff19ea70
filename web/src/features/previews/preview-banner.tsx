// The top of the Tier page: for a user with a preview on, a banner that leads to it; for a
// user without, a discreet invitation to try it. Both open the Preview features dialog.
import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPreview } from '../../lib/api-types.ts';
import { useMe } from '../../lib/session.ts';
import { useTier } from '../tier/queries.ts';
import { isKnownPreview, previewPage } from './known.ts';
import { type DialogStep, PreviewsDialog } from './previews-dialog.tsx';
import { useMyPreviews } from './queries.ts';
import { previewText } from './text.ts';

export function PreviewBanner({ partnerId }: { partnerId: string }) {
  const previews = useMyPreviews();
  const [opened, { open, close }] = useDisclosure(false);
  const [start, setStart] = useState<DialogStep>({ kind: 'list' });
  const known = previews.data?.previews.filter((p) => isKnownPreview(p.id)) ?? [];
  if (known.length === 0) return null;
  const on = known.find((p) => p.optedIn);
  const openList = () => {
    setStart({ kind: 'list' });
    open();
  };
  // The dialog sits beside the banner, not in it: opting in switches the banner, and the
  // dialog (with its state, e.g. the partner-wide confirmation) must stay as it is.
  return (
    <>
      {on ? (
        <OnBanner partnerId={partnerId} preview={on} onManage={openList} />
      ) : (
        <Invitation preview={known[0]!} onTry={openList} />
      )}
      <PreviewsDialog partnerId={partnerId} opened={opened} initial={start} onClose={close} />
    </>
  );
}

function OnBanner({
  partnerId,
  preview,
  onManage,
}: {
  partnerId: string;
  preview: MyPreview;
  onManage: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const tier = useTier(partnerId);
  const { name } = previewText(t, preview);
  const page = previewPage(partnerId, preview.id);
  const partner = tier.data?.partner.name ?? me.data?.partner?.name ?? '';
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py="sm"
      bg="var(--mantine-color-blue-light)"
      style={{ borderColor: 'var(--mantine-color-blue-3)' }}
      component="aside"
      aria-label={t('previews.banner.label')}
      data-testid="preview-banner"
      data-state="on"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap">
          <Badge variant="light" bg="blue.1" c="blue.9" style={{ flexShrink: 0 }}>
            {t('previews.badge')}
          </Badge>
          <Text size="sm">
            {preview.via === 'partner' && partner
              ? t('previews.banner.onPartner', { name, partner })
              : t('previews.banner.on', { name })}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={onManage}>
            {t('previews.banner.manage')}
          </Button>
          {page ? (
            <Button component={Link} to={page} size="xs" data-testid="preview-banner-open">
              {t(`previews.known.${preview.id}.open`)}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

function Invitation({ preview, onTry }: { preview: MyPreview; onTry: () => void }) {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      justify="flex-end"
      component="aside"
      aria-label={t('previews.banner.label')}
      data-testid="preview-banner"
      data-state="invite"
    >
      <Badge variant="light" color="blue" size="sm">
        {t('previews.badge')}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('previews.banner.invite', { name: previewText(t, preview).name })}
      </Text>
      <Anchor component="button" type="button" size="sm" onClick={onTry} data-testid="preview-banner-try">
        {t('previews.banner.try')}
      </Anchor>
    </Group>
  );
}
