// /partners/:partnerId/previews/projection: the three-month projection preview for users who
// opted in; the others see the invitation to try it (the terms first).
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/not-found.tsx';
import { ApiError } from '../../lib/api.ts';
import { PanelBody } from '../../ui/panel.tsx';
import { useTier } from '../tier/queries.ts';
import { PROJECTION_PREVIEW } from './known.ts';
import { type DialogStep, PreviewsDialog } from './previews-dialog.tsx';
import { ProjectionView } from './projection-view.tsx';
import { useMyPreviews } from './queries.ts';

export default function ProjectionPreviewPage() {
  const { t } = useTranslation();
  const { partnerId = '' } = useParams();
  const previews = useMyPreviews();
  const tier = useTier(partnerId);
  const [opened, { open, close }] = useDisclosure(false);
  const [start, setStart] = useState<DialogStep>({ kind: 'list' });
  if (tier.error instanceof ApiError && tier.error.status === 404) return <NotFound />;
  const openAt = (step: DialogStep) => {
    setStart(step);
    open();
  };
  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Anchor component={Link} to={`/partners/${encodeURIComponent(partnerId)}/tier`} size="sm">
        {t('previews.projection.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {t(`previews.known.${PROJECTION_PREVIEW}.name`)}
          </Title>
          <Badge variant="light" color="blue">
            {t('previews.badge')}
          </Badge>
        </Group>
        <Button variant="default" size="sm" onClick={() => openAt({ kind: 'list' })}>
          {t('previews.banner.manage')}
        </Button>
      </Group>
      <PanelBody query={previews}>
        {(data) => {
          const preview = data.previews.find((p) => p.id === PROJECTION_PREVIEW);
          if (preview?.optedIn) return <ProjectionView partnerId={partnerId} />;
          return (
            <Card withBorder radius="md" padding="lg" maw={720} data-testid="preview-invitation">
              <Stack gap="sm" align="flex-start">
                <Text fw={600}>{t('previews.projection.invitation')}</Text>
                <Text size="sm" c="dimmed">
                  {t(`previews.known.${PROJECTION_PREVIEW}.description`)}
                </Text>
                {preview ? (
                  <Button
                    onClick={() => openAt({ kind: 'terms', previewId: preview.id, mode: 'user' })}
                    data-testid="preview-invitation-try"
                  >
                    {t('previews.actions.try')}
                  </Button>
                ) : null}
              </Stack>
            </Card>
          );
        }}
      </PanelBody>
      <PreviewsDialog partnerId={partnerId} opened={opened} initial={start} onClose={close} />
    </Stack>
  );
}
