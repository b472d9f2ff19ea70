// One preview in the Preview features dialog: what it is, whether it is on (for the user,
// or for the whole partner), and what the user may do: try it, open it, turn it off; a
// partner admin also opts in (or out) every user of the partner.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPreview } from '../../lib/api-types.ts';
import { previewPage } from './known.ts';
import type { TermsMode } from './terms-step.tsx';
import { previewText } from './text.ts';

export function PreviewCard({
  preview,
  partnerId,
  admin,
  partnerOptedIn,
  usersOptedIn,
  pending,
  onStep,
  onOptOut,
  onOpen,
}: {
  preview: MyPreview;
  partnerId: string;
  /** The caller may opt in every user of the partner (partner admin, operator). */
  admin: boolean;
  partnerOptedIn: boolean;
  usersOptedIn: number | null;
  pending: boolean;
  onStep: (mode: TermsMode) => void;
  onOptOut: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const { name, description } = previewText(t, preview);
  const page = previewPage(partnerId, preview.id);
  const status = preview.partnerOptedIn ? 'onPartner' : preview.userOptedIn ? 'on' : 'off';
  return (
    <Card withBorder radius="md" padding="md" data-testid={`preview-${preview.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={600}>{name}</Text>
          <Badge
            variant="light"
            bg={status === 'off' ? 'gray.1' : 'teal.0'}
            c={status === 'off' ? 'gray.8' : 'teal.9'}
            style={{ flexShrink: 0 }}
            data-testid="preview-status"
          >
            {t(`previews.status.${status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {admin && usersOptedIn !== null && usersOptedIn > 0 ? (
          <Text size="xs" c="dimmed">
            {t('previews.status.usersOptedIn', { count: usersOptedIn })}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          {preview.optedIn && page ? (
            <Button component={Link} to={page} size="xs" onClick={onOpen}>
              {t('previews.actions.open')}
            </Button>
          ) : null}
          {preview.optedIn ? null : (
            <Button size="xs" onClick={() => onStep('user')} data-testid="preview-try">
              {t('previews.actions.try')}
            </Button>
          )}
          {preview.userOptedIn ? (
            <Button size="xs" variant="default" onClick={onOptOut} loading={pending}>
              {t('previews.actions.optOut')}
            </Button>
          ) : null}
          {admin && !partnerOptedIn ? (
            <Button
              size="xs"
              variant="light"
              onClick={() => onStep('partner')}
              data-testid="preview-opt-in-all"
            >
              {t('previews.actions.optInAll')}
            </Button>
          ) : null}
          {admin && partnerOptedIn ? (
            <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => onStep('withdraw')}>
              {t('previews.actions.optOutAll')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
