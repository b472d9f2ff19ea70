// A partner's certifications: add one, edit a validity. The server re-derives the partner in
// the same transaction, so the standing above changes at once (its query is refreshed).
import { Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, partnerPath } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Panel } from '../../../ui/panel.tsx';

interface Certification {
  certificationId: string;
  name: string;
  validFrom: string;
  validUntil: string;
  validToday: boolean;
}

function EditRow({
  partnerId,
  cert,
  onDone,
}: {
  partnerId: string;
  cert: Certification;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [from, setFrom] = useState(cert.validFrom);
  const [until, setUntil] = useState(cert.validUntil);
  const save = useMutation({
    mutationFn: () =>
      api.patch(partnerPath(partnerId, `/certifications/${cert.certificationId}`), {
        validFrom: from,
        validUntil: until,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['operator', 'partner', partnerId] });
      onDone();
    },
  });
  return (
    <Table.Tr>
      <Table.Td>{cert.name}</Table.Td>
      <Table.Td>
        <TextInput
          type="date"
          aria-label={t('opPartners.admin.validFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          type="date"
          aria-label={t('opPartners.admin.validUntil')}
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
        />
        <ErrorAlert error={save.error} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
            {t('opPartners.admin.save')}
          </Button>
          <Button size="xs" variant="subtle" onClick={onDone}>
            {t('opPartners.admin.cancel')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function Certifications({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['operator', 'partner', partnerId, 'certifications'],
    queryFn: () => api.get<{ certifications: Certification[] }>(partnerPath(partnerId, '/certifications')),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', validFrom: '', validUntil: '' });
  const add = useMutation({
    mutationFn: () => api.post(partnerPath(partnerId, '/certifications'), form),
    onSuccess: async () => {
      setForm({ name: '', validFrom: '', validUntil: '' });
      await client.invalidateQueries({ queryKey: ['operator', 'partner', partnerId] });
    },
  });
  return (
    <Panel id="certifications" title={t('opPartners.admin.certifications')} query={query}>
      {(data) => (
        <Stack>
          <Table data-testid="certifications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opPartners.admin.certName')}</Table.Th>
                <Table.Th>{t('opPartners.admin.validFrom')}</Table.Th>
                <Table.Th>{t('opPartners.admin.validUntil')}</Table.Th>
                <Table.Th>{t('opPartners.admin.validToday')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.certifications.map((c) =>
                editing === c.certificationId ? (
                  <EditRow
                    key={c.certificationId}
                    partnerId={partnerId}
                    cert={c}
                    onDone={() => setEditing(null)}
                  />
                ) : (
                  <Table.Tr key={c.certificationId}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{f.date(c.validFrom)}</Table.Td>
                    <Table.Td>{f.date(c.validUntil)}</Table.Td>
                    <Table.Td>
                      <Group justify="space-between" wrap="nowrap">
                        {c.validToday ? t('opPartners.yes') : t('opPartners.no')}
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('opPartners.admin.editCert', { name: c.name })}
                          onClick={() => setEditing(c.certificationId)}
                        >
                          {t('opPartners.admin.edit')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
          <Group
            align="flex-end"
            gap="sm"
            wrap="wrap"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
          >
            <TextInput
              label={t('opPartners.admin.certName')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              w={240}
            />
            <TextInput
              type="date"
              label={t('opPartners.admin.validFrom')}
              value={form.validFrom}
              onChange={(e) => setForm({ ...form, validFrom: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('opPartners.admin.validUntil')}
              value={form.validUntil}
              onChange={(e) => setForm({ ...form, validUntil: e.currentTarget.value })}
            />
            <Button type="submit" loading={add.isPending}>
              {t('opPartners.admin.addCert')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </Stack>
      )}
    </Panel>
  );
}
