// The Team tab: the partner's vendor contacts (e.g. the Partner Development Manager), how
// each helps, and a Send email button that opens the user's mail client.
import { Avatar, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamContact } from '../../lib/api-types.ts';
import { Panel } from '../../ui/panel.tsx';
import { useTeam } from './activity-queries.ts';

function ContactCard({ contact }: { contact: TeamContact }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="article" data-testid="team-contact">
      <Stack gap="md" h="100%">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Avatar name={contact.name} color="indigo.8" variant="filled" size="lg" radius="xl" aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="indigo.8" tt="uppercase" fw={700}>
              {contact.role}
            </Text>
            <Text fw={600} size="lg" lh={1.3}>
              {contact.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {contact.email}
            </Text>
          </Stack>
        </Group>
        {contact.description ? (
          <Text size="sm" style={{ flex: 1 }}>
            {contact.description}
          </Text>
        ) : null}
        <Group>
          <Button
            component="a"
            href={contact.mailto}
            variant="filled"
            color="indigo.7"
            aria-label={t('activity.team.sendEmailTo', { name: contact.name })}
          >
            {t('activity.team.sendEmail')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function TeamTab({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const query = useTeam(partnerId);
  return (
    <Panel
      id="team"
      title={t('activity.team.title')}
      query={query}
      isEmpty={(data) => data.contacts.length === 0}
      empty={t('activity.team.empty')}
    >
      {(data) => (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('activity.team.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {data.contacts.map((contact) => (
              <ContactCard key={contact.email} contact={contact} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Panel>
  );
}
