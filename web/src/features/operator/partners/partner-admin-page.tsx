// One partner's admin page: profile and standing, its users (managed on the Users page),
// certifications, team contacts, and View as partner (its Dashboard with a banner).
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, partnerPath } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED } from '../../../ui/tone.tsx';
import type { Overview } from '../overview/types.ts';
import { Certifications } from './admin-certifications.tsx';
import { TeamContacts } from './admin-team.tsx';

interface Profile {
  partner: { partnerId: string; name: string; country: string; currency: string; website: string | null };
  standing: {
    total: number;
    sold: number;
    managed: number;
    certified: boolean;
    performance: string | null;
    credited: string | null;
    keep: { tierName: string; met: boolean; missing: { total: number } } | null;
  };
  users: number;
}
interface UserInfo {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c={MUTED}>
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

export default function PartnerAdminPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { partnerId = '' } = useParams();
  const profile = useQuery({
    queryKey: ['operator', 'partner', partnerId, 'profile'],
    queryFn: () => api.get<Profile>(partnerPath(partnerId, '/profile')),
  });
  const users = useQuery({
    queryKey: ['operator', 'partner', partnerId, 'users'],
    queryFn: () => api.get<UserInfo[]>(partnerPath(partnerId, '/users')),
  });
  const overview = useQuery({
    queryKey: ['operator', 'overview'],
    queryFn: () => api.get<Overview>('/api/v1/overview'),
  });
  const tierName = (id: string | null) =>
    id === null ? t('opPartners.none') : (overview.data?.tiers.find((x) => x.tierId === id)?.name ?? id);
  const p = profile.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operator/partners" c="indigo.8" size="sm">
        ← {t('opPartners.admin.back')}
      </Anchor>
      <Group justify="space-between" align="center">
        <Title order={1}>{p ? `${p.partner.name} (${p.partner.partnerId})` : partnerId}</Title>
        <Button component={Link} to={`/partners/${encodeURIComponent(partnerId)}/dashboard`}>
          {t('opPartners.admin.viewAs')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel id="profile" title={t('opPartners.admin.profile')} query={profile}>
          {(data) => (
            <SimpleGrid cols={2}>
              <Fact label={t('opPartners.admin.country')} value={data.partner.country} />
              <Fact label={t('opPartners.admin.currency')} value={data.partner.currency} />
              <Fact label={t('opPartners.admin.website')} value={data.partner.website ?? '—'} />
              <Fact
                label={t('opPartners.admin.users')}
                value={t('opPartners.admin.usersCount', { count: data.users })}
              />
            </SimpleGrid>
          )}
        </Panel>
        <Panel id="standing" title={t('opPartners.admin.standing')} query={profile}>
          {(data) => (
            <Stack>
              <SimpleGrid cols={2}>
                <Fact label={t('opPartners.admin.total')} value={f.points(data.standing.total)} />
                <Fact label={t('opPartners.admin.credited')} value={tierName(data.standing.credited)} />
                <Fact
                  label={t('opPartners.admin.performance')}
                  value={tierName(data.standing.performance)}
                  testId="account-performance"
                />
                <Fact
                  label={t('opPartners.admin.certified')}
                  value={data.standing.certified ? t('opPartners.yes') : t('opPartners.no')}
                  testId="certified"
                />
              </SimpleGrid>
              {data.standing.keep && !data.standing.keep.met ? (
                <Badge color="orange" variant="light" size="lg">
                  {t('opPartners.admin.keep', {
                    tier: data.standing.keep.tierName,
                    points: f.points(data.standing.keep.missing.total),
                  })}
                </Badge>
              ) : null}
            </Stack>
          )}
        </Panel>
      </SimpleGrid>
      <Panel
        id="users"
        title={t('opPartners.admin.users')}
        query={users}
        actions={
          <Anchor component={Link} to="/operator/users" c="indigo.8">
            {t('opPartners.admin.manageUsers')}
          </Anchor>
        }
      >
        {(data) => (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opPartners.admin.email')}</Table.Th>
                <Table.Th>{t('opPartners.admin.role')}</Table.Th>
                <Table.Th>{t('opPartners.admin.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{u.role}</Table.Td>
                  <Table.Td>
                    {u.disabled ? t('opPartners.admin.disabled') : t('opPartners.admin.active')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Panel>
      <Certifications partnerId={partnerId} />
      <TeamContacts partnerId={partnerId} />
    </Stack>
  );
}
