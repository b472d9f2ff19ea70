// A partner's team contacts (what its Team tab shows): add, edit, remove.
import { Anchor, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, partnerPath } from '../../../lib/api.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Panel } from '../../../ui/panel.tsx';

interface Contact {
  contactId: string;
  role: string;
  name: string;
  email: string;
  description: string | null;
  mailto: string;
}
type Form = { role: string; name: string; email: string; description: string };
const EMPTY: Form = { role: '', name: '', email: '', description: '' };

function ContactForm({
  initial,
  submit,
  label,
  onCancel,
}: {
  initial: Form;
  submit: (form: Form) => Promise<unknown>;
  label: string;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const save = useMutation({ mutationFn: () => submit(form), onSuccess: () => !onCancel && setForm(EMPTY) });
  const field = (key: keyof Form, text: string, w: number) => (
    <TextInput
      label={text}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      w={w}
    />
  );
  return (
    <Stack gap="xs">
      <Group
        align="flex-end"
        gap="sm"
        wrap="wrap"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {field('role', t('opPartners.admin.contactRole'), 200)}
        {field('name', t('opPartners.admin.contactName'), 180)}
        {field('email', t('opPartners.admin.email'), 220)}
        {field('description', t('opPartners.admin.description'), 260)}
        <Button type="submit" loading={save.isPending}>
          {label}
        </Button>
        {onCancel ? (
          <Button variant="subtle" onClick={onCancel}>
            {t('opPartners.admin.cancel')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

export function TeamContacts({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['operator', 'partner', partnerId, 'team'];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ contacts: Contact[] }>(partnerPath(partnerId, '/team')),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const body = (f: Form) => ({ ...f, description: f.description.trim() === '' ? null : f.description });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(partnerPath(partnerId, `/team/${id}`)),
    onSuccess: refresh,
  });
  return (
    <Panel id="team" title={t('opPartners.admin.team')} query={query}>
      {(data) => (
        <Stack>
          <Table data-testid="team">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opPartners.admin.contactRole')}</Table.Th>
                <Table.Th>{t('opPartners.admin.contactName')}</Table.Th>
                <Table.Th>{t('opPartners.admin.email')}</Table.Th>
                <Table.Th>{t('opPartners.admin.description')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.contacts.map((c) =>
                editing === c.contactId ? (
                  <Table.Tr key={c.contactId}>
                    <Table.Td colSpan={5}>
                      <ContactForm
                        initial={{
                          role: c.role,
                          name: c.name,
                          email: c.email,
                          description: c.description ?? '',
                        }}
                        label={t('opPartners.admin.save')}
                        onCancel={() => setEditing(null)}
                        submit={async (f) => {
                          await api.patch(partnerPath(partnerId, `/team/${c.contactId}`), body(f));
                          setEditing(null);
                          await refresh();
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={c.contactId}>
                    <Table.Td>{c.role}</Table.Td>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>
                      <Anchor href={c.mailto} c="indigo.8">
                        {c.email}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.description}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('opPartners.admin.editContact', { name: c.name })}
                          onClick={() => setEditing(c.contactId)}
                        >
                          {t('opPartners.admin.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          aria-label={t('opPartners.admin.removeContact', { name: c.name })}
                          onClick={() => remove.mutate(c.contactId)}
                        >
                          {t('opPartners.admin.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={remove.error} />
          <ContactForm
            initial={EMPTY}
            label={t('opPartners.admin.addContact')}
            submit={async (f) => {
              await api.post(partnerPath(partnerId, '/team'), body(f));
              await refresh();
            }}
          />
        </Stack>
      )}
    </Panel>
  );
}
