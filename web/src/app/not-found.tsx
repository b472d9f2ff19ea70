import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a missing page, or another partner's data, looks like: the same, on purpose. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="sm" data-testid="not-found">
      <Title order={1} size="h2">
        {t('common.state.notFound')}
      </Title>
      <Text c="dimmed">{t('common.state.notFoundText')}</Text>
      <Anchor component={Link} to="/">
        {t('common.state.back')}
      </Anchor>
    </Stack>
  );
}
