// View as partner: an operator on a partner's portal pages sees whose portal it is, with a
// way back to that partner's admin page in the console.
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api.ts';

export function ViewAsBanner({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  // The header's partner switcher reads the same list (one request).
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<{ partners: { partnerId: string; name: string }[] }>('/api/v1/partners'),
    staleTime: 60_000,
  });
  if (!partnerId) return null;
  const name = partners.data?.partners.find((p) => p.partnerId === partnerId)?.name ?? partnerId;
  return (
    <Alert color="indigo" variant="light" mb="md" data-testid="view-as-banner" role="status">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fw={600}>{t('opPartners.banner.text', { partner: name })}</Text>
        <Anchor
          component={Link}
          to={`/operator/partners/${encodeURIComponent(partnerId)}`}
          c="indigo.9"
          fw={600}
        >
          {t('opPartners.banner.back')}
        </Anchor>
      </Group>
    </Alert>
  );
}
