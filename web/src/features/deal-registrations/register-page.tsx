// Register a deal: the client (an existing one of the partner's, or a company by name and
// domain), its country and currency (the program's currencies), products, expected MRR and
// close date, deal type and notes. The conflict check runs as the partner types; the server
// validates: each refused field shows its problem under it, a conflict or a duplicate above
// the button. A registered deal opens My registrations with it.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import type { RegistrationBody, RegistrationCheckBody } from '../../lib/api-types.ts';
import { useFormat } from '../../lib/format.ts';
import { errorText } from '../../ui/error-alert.tsx';
import { LINK, MUTED } from '../../ui/tone.tsx';
import { currenciesOn, programOf } from '../calculator/engine.ts';
import { countryOptions, currencyOptions } from '../calculator/options.ts';
import { useProgramInForce } from '../calculator/queries.ts';
import { useClientList } from '../clients/queries.ts';
import { ConflictCheck, useDebouncedCheck } from './conflict-check.tsx';
import { fieldIssues, useRegister } from './queries.ts';

interface Form {
  clientId: string | null;
  clientName: string;
  domain: string;
  country: string | null;
  currency: string | null;
  products: string[];
  expectedMrr: string;
  expectedCloseDate: string;
  dealType: 'sourced' | 'assisted';
  notes: string;
  /** The vendor's deal id, when the partner knows it (matched when the deal closes). */
  dealId: string;
}

const EMPTY: Form = {
  clientId: null,
  clientName: '',
  domain: '',
  country: null,
  currency: null,
  products: [],
  expectedMrr: '',
  expectedCloseDate: '',
  dealType: 'sourced',
  notes: '',
  dealId: '',
};

/** What the conflict check is asked about; null until there is a name and a domain or client. */
function checkBodyOf(form: Form): RegistrationCheckBody | null {
  const clientName = form.clientName.trim();
  const domain = form.domain.trim();
  if (clientName === '' || (domain === '' && form.clientId === null)) return null;
  return {
    clientName,
    ...(domain !== '' ? { domain } : {}),
    ...(form.clientId !== null ? { clientId: form.clientId } : {}),
  };
}

function ClientPicker({
  partnerId,
  value,
  onPick,
}: {
  partnerId: string;
  value: string | null;
  onPick: (client: { clientId: string; name: string; country: string; currency: string } | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useClientList(partnerId, {
    sort: 'client',
    dir: 'asc',
    q: q || undefined,
    page: 1,
    pageSize: 50,
  });
  const rows = list.data?.items ?? [];
  return (
    <Select
      label={t('dealRegistrations.register.existing')}
      placeholder={t('dealRegistrations.register.existingPlaceholder')}
      description={t('dealRegistrations.register.existingHelp')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={rows.map((c) => ({ value: c.clientId, label: `${c.name} (${c.clientId})` }))}
      value={value}
      nothingFoundMessage={t('common.state.empty')}
      onChange={(clientId) => onPick(rows.find((c) => c.clientId === clientId) ?? null)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { partnerId = '' } = useParams();
  const base = `/partners/${encodeURIComponent(partnerId)}`;
  const program = useProgramInForce();
  const [form, setForm] = useState<Form>(EMPTY);
  // Fields changed since the last submission no longer show its problems.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const set = (changes: Partial<Form>) => {
    setForm((old) => ({ ...old, ...changes }));
    setEdited((old) => new Set([...old, ...Object.keys(changes)]));
  };
  const register = useRegister(partnerId);
  const { query: check, pending } = useDebouncedCheck(partnerId, checkBodyOf(form));
  const countries = useMemo(() => countryOptions(f.locale), [f.locale]);
  const currencies = useMemo(() => {
    if (!program.data) return [];
    return currencyOptions(f.locale, currenciesOn(programOf(program.data.program), program.data.today));
  }, [program.data, f.locale]);
  // Required fields left empty, shown after a submission; the server's problems by field.
  const [missing, setMissing] = useState<Set<keyof Form>>(new Set());
  const serverIssues = fieldIssues(register.error);
  const error = (field: keyof Form): string | undefined => {
    if (edited.has(field)) return undefined;
    if (missing.has(field)) return t('dealRegistrations.register.required');
    return serverIssues[field] === undefined ? undefined : t(`dealRegistrations.error.field.${field}`);
  };
  const refusal =
    register.error instanceof ApiError && register.error.code === 'registration_conflict'
      ? t('dealRegistrations.error.conflict')
      : register.error instanceof ApiError && register.error.code === 'registration_duplicate'
        ? t('dealRegistrations.error.duplicate')
        : register.error && Object.keys(serverIssues).length > 0
          ? t('dealRegistrations.error.invalid')
          : register.error
            ? errorText(register.error)
            : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required: (keyof Form)[] = [
      'clientName',
      'country',
      'currency',
      'expectedMrr',
      'expectedCloseDate',
    ];
    if (form.clientId === null) required.push('domain');
    const empty = new Set(required.filter((k) => form[k] === null || String(form[k]).trim() === ''));
    setMissing(empty);
    setEdited(new Set());
    if (empty.size > 0) return;
    const body: RegistrationBody = {
      clientName: form.clientName.trim(),
      ...(form.domain.trim() !== '' ? { domain: form.domain.trim() } : {}),
      ...(form.clientId !== null ? { clientId: form.clientId } : {}),
      country: form.country ?? '',
      currency: form.currency ?? '',
      products: form.products,
      expectedMrr: form.expectedMrr.trim(),
      expectedCloseDate: form.expectedCloseDate,
      dealType: form.dealType,
      ...(form.notes.trim() !== '' ? { notes: form.notes.trim() } : {}),
      ...(form.dealId.trim() !== '' ? { dealId: form.dealId.trim() } : {}),
    };
    register.mutate(body, {
      onSuccess: (created) => navigate(`${base}/registrations?registered=${encodeURIComponent(created.id)}`),
    });
  };

  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to={`${base}/registrations`} c={LINK} size="sm">
        ← {t('dealRegistrations.mine.title')}
      </Anchor>
      <Title order={1}>{t('dealRegistrations.register.title')}</Title>
      <Text c={MUTED}>{t('dealRegistrations.register.intro')}</Text>
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={submit} noValidate data-testid="register-form">
          <Stack gap="md">
            <ClientPicker
              partnerId={partnerId}
              value={form.clientId}
              onPick={(c) =>
                set(
                  c
                    ? { clientId: c.clientId, clientName: c.name, country: c.country, currency: c.currency }
                    : { clientId: null },
                )
              }
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('dealRegistrations.register.clientName')}
                value={form.clientName}
                onChange={(e) => set({ clientName: e.currentTarget.value })}
                error={error('clientName')}
                required
                data-testid="client-name"
                maxLength={200}
              />
              <TextInput
                label={t('dealRegistrations.register.domain')}
                description={
                  form.clientId
                    ? t('dealRegistrations.register.domainFromClient')
                    : t('dealRegistrations.register.domainHelp')
                }
                value={form.domain}
                onChange={(e) => set({ domain: e.currentTarget.value })}
                error={error('domain')}
                required={form.clientId === null}
                data-testid="client-domain"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
            <ConflictCheck check={check.data} pending={pending} active={checkBodyOf(form) !== null} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('dealRegistrations.register.country')}
                placeholder={t('dealRegistrations.register.countryPlaceholder')}
                nothingFoundMessage={t('dealRegistrations.register.noCountry')}
                data={countries}
                value={form.country}
                onChange={(country) => set({ country })}
                searchable
                allowDeselect={false}
                maxDropdownHeight={280}
                error={error('country')}
                required
              />
              <Select
                label={t('dealRegistrations.register.currency')}
                placeholder={t('dealRegistrations.register.currencyPlaceholder')}
                data={currencies}
                value={form.currency}
                onChange={(currency) => set({ currency })}
                allowDeselect={false}
                error={error('currency')}
                required
              />
              <TextInput
                label={t('dealRegistrations.register.mrr')}
                description={t('dealRegistrations.register.mrrHelp')}
                inputMode="decimal"
                value={form.expectedMrr}
                onChange={(e) => set({ expectedMrr: e.currentTarget.value })}
                error={error('expectedMrr')}
                required
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <TextInput
                type="date"
                label={t('dealRegistrations.register.closeDate')}
                value={form.expectedCloseDate}
                min={program.data?.today}
                onChange={(e) => set({ expectedCloseDate: e.currentTarget.value })}
                error={error('expectedCloseDate')}
                required
              />
            </SimpleGrid>
            <TagsInput
              label={t('dealRegistrations.register.products')}
              description={t('dealRegistrations.register.productsHelp')}
              value={form.products}
              onChange={(products) => set({ products })}
              error={error('products')}
              clearable
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Radio.Group
              label={t('dealRegistrations.register.dealType')}
              value={form.dealType}
              onChange={(v) => set({ dealType: v === 'assisted' ? 'assisted' : 'sourced' })}
            >
              <Group gap="lg" mt={4}>
                <Radio value="sourced" label={t('dealRegistrations.register.sourced')} />
                <Radio value="assisted" label={t('dealRegistrations.register.assisted')} />
              </Group>
            </Radio.Group>
            <TextInput
              label={t('dealRegistrations.register.dealId')}
              description={t('dealRegistrations.register.dealIdHint')}
              value={form.dealId}
              onChange={(e) => set({ dealId: e.currentTarget.value })}
              error={error('dealId')}
              maxLength={200}
              data-testid="register-deal-id"
            />
            <Textarea
              label={t('dealRegistrations.register.notes')}
              value={form.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              error={error('notes')}
              autosize
              minRows={3}
              maxLength={4000}
            />
            {refusal ? (
              <Alert color="red" variant="light" role="alert" data-testid="register-error">
                {refusal}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={register.isPending}>
                {t('dealRegistrations.register.submit')}
              </Button>
              <Button variant="default" component={Link} to={`${base}/registrations`}>
                {t('dealRegistrations.register.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
