// A dashboard panel: a titled card that shows its query's loading, error and empty states,
// so that every panel handles them the same way.
import { Alert, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PanelProps<T> {
  title: ReactNode;
  /** Controls on the right of the title (a date range, a picker). */
  actions?: ReactNode;
  query: UseQueryResult<T>;
  /** Whether the loaded data has nothing to show. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
  id?: string;
}

export function Panel<T>({ title, actions, query, isEmpty, empty, children, id }: PanelProps<T>) {
  const { t } = useTranslation();
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId} data-panel={id}>
      <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {actions}
      </Group>
      <PanelBody query={query} isEmpty={isEmpty} empty={empty ?? t('common.state.empty')}>
        {children}
      </PanelBody>
    </Card>
  );
}

export function PanelBody<T>({
  query,
  isEmpty,
  empty,
  children,
}: Pick<PanelProps<T>, 'query' | 'isEmpty' | 'children'> & { empty?: ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label={t('common.state.loading')}>
        <Skeleton height={18} />
        <Skeleton height={18} width="80%" />
        <Skeleton height={18} width="60%" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('common.state.error', { message: query.error.message })}</Text>
          <Button size="xs" variant="default" onClick={() => void query.refetch()}>
            {t('common.state.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const data = query.data as T;
  if (isEmpty?.(data)) {
    return (
      <Text c="dimmed" size="sm">
        {empty ?? t('common.state.empty')}
      </Text>
    );
  }
  return <>{children(data)}</>;
}

/** A figure with its label, for summary rows of numbers. */
export function Stat({ label, value, hint }: { label: ReactNode; value: ReactNode; hint?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Stack>
  );
}
