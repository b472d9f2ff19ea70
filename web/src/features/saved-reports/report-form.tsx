// The Save as report panel (a right-side drawer): the report's name, its metric, a fixed or
// relative ("last N days") date range, its filters and the columns shown; Save, or Save & add
// to dashboard. The same panel edits a saved report (PATCH). The server's validation
// problems show under the form.
import {
  Anchor,
  Button,
  Checkbox,
  Drawer,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReportCatalogEntry, SavedReportBody, SavedReportDefinition } from '../../lib/api-types.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useNestedDialog } from '../../ui/nested-dialog.ts';
import { LINK } from '../../ui/tone.tsx';
import { useReportCatalog, useSaveReport } from './queries.ts';

const PRESETS = [7, 30, 90, 365];

type DealType = 'sourced' | 'assisted';
type MarketType = 'growth' | 'standard';

interface FormState {
  name: string;
  metric: string | null;
  kind: 'fixed' | 'relative';
  from: string;
  to: string;
  days: number | string;
  dealType: DealType | null;
  marketType: MarketType | null;
  columns: string[];
}

/** The number of days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(1, Math.round(ms / 86_400_000) + 1);
}

function initialState(body: SavedReportBody, catalog: ReportCatalogEntry): FormState {
  const { definition } = body;
  const range = definition.range ?? { kind: 'relative', days: 30 };
  const today = new Date().toISOString().slice(0, 10);
  return {
    name: body.name,
    metric: definition.metric ?? null,
    kind: range.kind,
    from: range.kind === 'fixed' ? range.from : today,
    to: range.kind === 'fixed' ? range.to : today,
    days: range.kind === 'relative' ? range.days : daysIn(range.from, range.to),
    dealType: definition.filters?.dealType ?? null,
    marketType: definition.filters?.marketType ?? null,
    columns: definition.columns ?? [...catalog.columns],
  };
}

function definitionOf(
  report: SavedReportDefinition['report'],
  catalog: ReportCatalogEntry,
  s: FormState,
): SavedReportDefinition {
  const all = catalog.columns;
  return {
    report,
    ...(s.metric ? { metric: s.metric } : {}),
    range:
      s.kind === 'fixed'
        ? { kind: 'fixed', from: s.from, to: s.to }
        : { kind: 'relative', days: Number(s.days) },
    filters: {
      ...(s.dealType ? { dealType: s.dealType } : {}),
      ...(s.marketType ? { marketType: s.marketType } : {}),
    },
    // Every column in the report's order is the default: saved without a list.
    ...(s.columns.length === all.length ? {} : { columns: all.filter((c) => s.columns.includes(c)) }),
  };
}

export function ReportForm({
  partnerId,
  initial,
  reportId,
  opened,
  onClose,
}: {
  partnerId: string;
  /** The name and definition the panel starts with (the dialog's, or the saved report's). */
  initial: SavedReportBody;
  /** Edits this saved report; without it, saves a new one. */
  reportId?: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 40em)');
  useNestedDialog(opened);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'md'}
      padding="lg"
      title={reportId ? t('savedReports.editTitle') : t('savedReports.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } }}
      attributes={{ content: { 'data-testid': 'save-report-panel' } as Record<string, string> }}
    >
      {opened ? (
        <FormBody partnerId={partnerId} initial={initial} reportId={reportId} onClose={onClose} />
      ) : null}
    </Drawer>
  );
}

function FormBody({
  partnerId,
  initial,
  reportId,
  onClose,
}: {
  partnerId: string;
  initial: SavedReportBody;
  reportId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const catalog = useReportCatalog();
  const entry = catalog.data?.[initial.definition.report];
  if (catalog.error) return <ErrorAlert error={catalog.error} />;
  if (!entry) return <Loader size="sm" aria-label={t('common.state.loading')} />;
  return (
    <FormFields
      partnerId={partnerId}
      initial={initial}
      reportId={reportId}
      onClose={onClose}
      catalog={entry}
    />
  );
}

function FormFields({
  partnerId,
  initial,
  reportId,
  onClose,
  catalog,
}: {
  partnerId: string;
  initial: SavedReportBody;
  reportId?: string | undefined;
  onClose: () => void;
  catalog: ReportCatalogEntry;
}) {
  const { t } = useTranslation();
  const { partnerId: routePartner = partnerId } = useParams();
  const report = initial.definition.report;
  const [state, setState] = useState(() => initialState(initial, catalog));
  const set = (change: Partial<FormState>) => setState((s) => ({ ...s, ...change }));
  const save = useSaveReport(partnerId);
  const submit = (addToDashboard: boolean) =>
    save.mutate({
      reportId,
      body: { name: state.name.trim(), definition: definitionOf(report, catalog, state) },
      addToDashboard,
    });
  if (save.isSuccess) {
    const { saved, added } = save.data;
    return (
      <Stack gap="md" data-testid="save-report-done">
        <Text role="status">
          {t(added || save.variables.addToDashboard ? 'savedReports.savedAdded' : 'savedReports.saved', {
            name: saved.name,
          })}
        </Text>
        <Group gap="sm">
          <Anchor
            component={Link}
            to={`/partners/${encodeURIComponent(routePartner)}/reports?report=${saved.id}`}
            c={LINK}
          >
            {t('savedReports.openReports')}
          </Anchor>
          <Button size="xs" variant="default" onClick={onClose}>
            {t('savedReports.done')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const any = t('savedReports.any');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('savedReports.name')}
          value={state.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          maxLength={200}
          required
          data-autofocus
        />
        {catalog.metrics.length > 0 ? (
          <Select
            label={t('savedReports.metric')}
            data={catalog.metrics.map((m) => ({ value: m, label: t(`savedReports.metricName.${m}`) }))}
            value={state.metric}
            onChange={(value) => set({ metric: value })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Stack gap={6}>
          <Text size="sm" fw={500} id="save-report-range">
            {t('savedReports.range')}
          </Text>
          <SegmentedControl
            aria-labelledby="save-report-range"
            value={state.kind}
            onChange={(value) => set({ kind: value as FormState['kind'] })}
            data={[
              { value: 'fixed', label: t('savedReports.fixed') },
              { value: 'relative', label: t('savedReports.relative') },
            ]}
          />
          {state.kind === 'fixed' ? (
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                type="date"
                label={t('savedReports.from')}
                value={state.from}
                onChange={(event) => set({ from: event.currentTarget.value })}
                required
              />
              <TextInput
                type="date"
                label={t('savedReports.to')}
                value={state.to}
                onChange={(event) => set({ to: event.currentTarget.value })}
                required
              />
            </SimpleGrid>
          ) : (
            <Stack gap={6}>
              <Group gap="xs">
                {PRESETS.map((days) => (
                  <Button
                    key={days}
                    size="xs"
                    variant={Number(state.days) === days ? 'light' : 'default'}
                    aria-pressed={Number(state.days) === days}
                    onClick={() => set({ days })}
                  >
                    {t('savedReports.daysPreset', { days })}
                  </Button>
                ))}
              </Group>
              <NumberInput
                label={t('savedReports.days')}
                value={state.days}
                onChange={(value) => set({ days: value })}
                min={1}
                max={3660}
                allowDecimal={false}
                required
              />
            </Stack>
          )}
        </Stack>
        {catalog.dealType || catalog.marketType ? (
          <SimpleGrid cols={2} spacing="sm">
            {catalog.dealType ? (
              <Select
                label={t('savedReports.dealType')}
                data={[
                  { value: '', label: any },
                  { value: 'sourced', label: t('savedReports.deal.sourced') },
                  { value: 'assisted', label: t('savedReports.deal.assisted') },
                ]}
                value={state.dealType ?? ''}
                onChange={(value) => set({ dealType: (value || null) as DealType | null })}
                allowDeselect={false}
              />
            ) : null}
            {catalog.marketType ? (
              <Select
                label={t('savedReports.marketType')}
                data={[
                  { value: '', label: any },
                  { value: 'growth', label: t('savedReports.market.growth') },
                  { value: 'standard', label: t('savedReports.market.standard') },
                ]}
                value={state.marketType ?? ''}
                onChange={(value) => set({ marketType: (value || null) as MarketType | null })}
                allowDeselect={false}
              />
            ) : null}
          </SimpleGrid>
        ) : null}
        <Stack gap={6} role="group" aria-labelledby="save-report-columns" data-testid="save-report-columns">
          <Text size="sm" fw={500} id="save-report-columns">
            {t('savedReports.columns')}
          </Text>
          <Checkbox
            label={t('savedReports.allColumns')}
            checked={state.columns.length === catalog.columns.length}
            indeterminate={state.columns.length > 0 && state.columns.length < catalog.columns.length}
            onChange={(event) => set({ columns: event.currentTarget.checked ? [...catalog.columns] : [] })}
          />
          <SimpleGrid cols={2} spacing={6}>
            {catalog.columns.map((column) => (
              <Checkbox
                key={column}
                label={column}
                size="xs"
                checked={state.columns.includes(column)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setState((s) => ({
                    ...s,
                    columns: on ? [...s.columns, column] : s.columns.filter((c) => c !== column),
                  }));
                }}
              />
            ))}
          </SimpleGrid>
        </Stack>
        <ErrorAlert error={save.error} />
        <Group gap="sm">
          <Button
            type="submit"
            loading={save.isPending && !save.variables?.addToDashboard}
            data-testid="save-report-submit"
          >
            {t('savedReports.save')}
          </Button>
          <Button
            variant="light"
            loading={save.isPending && save.variables?.addToDashboard}
            onClick={() => submit(true)}
            data-testid="save-report-add"
          >
            {t('savedReports.saveAndAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
