// The common edits of a draft without writing JSON: add a rule set with its effective date,
// change a rate (sourced, assisted, managed) or a tier threshold (total, seller minimum,
// managed minimum) of a rule set. Each applies to the editor's document and saves it.
import {
  Button,
  Card,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../../src/domain/dates.ts';
import { MUTED } from '../../../ui/tone.tsx';
import {
  addRuleSet,
  EditError,
  RATE_KINDS,
  type RateKind,
  setRate,
  setThreshold,
  THRESHOLD_KINDS,
  type ThresholdKind,
} from './edits.ts';
import { type ResolvedRuleSet, resolveRuleSets } from './resolve.ts';

type Kind = 'ruleSet' | 'rate' | 'threshold';
type Apply = (document: unknown) => void;

function useApply(onApply: Apply) {
  const [error, setError] = useState<string | null>(null);
  const run = (edit: () => unknown) => {
    try {
      onApply(edit());
      setError(null);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      setError(e.reason);
    }
  };
  return { error, run };
}

function RuleSetSelect({
  ruleSets,
  value,
  onChange,
}: {
  ruleSets: ResolvedRuleSet[];
  value: number;
  onChange: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('opProgram.quick.ruleSet')}
      data={ruleSets.map((r) => ({ value: String(r.index), label: `${r.id} (${r.effectiveFrom})` }))}
      value={String(value)}
      onChange={(v) => v !== null && onChange(Number(v))}
      allowDeselect={false}
    />
  );
}

function AddRuleSet({ document, onApply }: { document: unknown; onApply: Apply }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [id, setId] = useState<string | null>(null);
  const { error, run } = useApply(onApply);
  const ruleSetId = id ?? date.slice(0, 7);
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => addRuleSet(document, { id: ruleSetId, effectiveFrom: date }).document);
      }}
    >
      <TextInput
        type="date"
        label={t('opProgram.quick.effectiveFrom')}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        required
      />
      <TextInput
        label={t('opProgram.quick.ruleSetId')}
        description={t('opProgram.quick.ruleSetIdHint')}
        value={ruleSetId}
        onChange={(e) => setId(e.currentTarget.value)}
        required
      />
      <EditErrorText reason={error} />
      <Button type="submit" disabled={!isIsoDate(date) || ruleSetId.trim() === ''}>
        {t('opProgram.quick.addRuleSet')}
      </Button>
    </Stack>
  );
}

function ChangeRate({
  document,
  ruleSets,
  onApply,
}: {
  document: unknown;
  ruleSets: ResolvedRuleSet[];
  onApply: Apply;
}) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(ruleSets.length - 1);
  const [kind, setKind] = useState<RateKind>('sourced');
  const [value, setValue] = useState<number | string | null>(null);
  const { error, run } = useApply(onApply);
  const ruleSet = ruleSets[index] ?? ruleSets[ruleSets.length - 1]!;
  const current = ruleSet.fields[`rates.${kind}`];
  const shown = value ?? current?.value ?? '';
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (typeof shown === 'number') run(() => setRate(document, ruleSet.index, kind, shown));
      }}
    >
      <RuleSetSelect
        ruleSets={ruleSets}
        value={ruleSet.index}
        onChange={(i) => {
          setIndex(i);
          setValue(null);
        }}
      />
      <Select
        label={t('opProgram.quick.rate')}
        data={RATE_KINDS.map((k) => ({ value: k, label: t(`opProgram.field.rates.${k}`) }))}
        value={kind}
        onChange={(v) => {
          if (!v) return;
          setKind(v as RateKind);
          setValue(null);
        }}
        allowDeselect={false}
      />
      <NumberInput
        label={t('opProgram.quick.value')}
        description={
          current && !current.stated ? t('opProgram.quick.inherits', { id: current.from }) : undefined
        }
        value={shown}
        onChange={setValue}
        decimalScale={4}
        required
      />
      <EditErrorText reason={error} />
      <Button type="submit" disabled={typeof shown !== 'number'}>
        {t('opProgram.quick.apply')}
      </Button>
    </Stack>
  );
}

function ChangeThreshold({
  document,
  ruleSets,
  onApply,
}: {
  document: unknown;
  ruleSets: ResolvedRuleSet[];
  onApply: Apply;
}) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(ruleSets.length - 1);
  const [tierId, setTierId] = useState<string | null>(null);
  const [kind, setKind] = useState<ThresholdKind>('total');
  const [value, setValue] = useState<number | string | null>(null);
  const { error, run } = useApply(onApply);
  const ruleSet = ruleSets[index] ?? ruleSets[ruleSets.length - 1]!;
  const tiers = ruleSet.fields.tiers;
  const tierList = Array.isArray(tiers?.value) ? tiers.value : [];
  const tier = tierList.find((x) => x.id === tierId) ?? tierList[0];
  const shown = value ?? (tier ? tier[kind] : '');
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (tier && typeof shown === 'number')
          run(() => setThreshold(document, ruleSet.index, tier.id, kind, shown));
      }}
    >
      <RuleSetSelect
        ruleSets={ruleSets}
        value={ruleSet.index}
        onChange={(i) => {
          setIndex(i);
          setValue(null);
        }}
      />
      <Select
        label={t('opProgram.quick.tier')}
        data={tierList.map((x) => ({ value: x.id, label: x.name ?? x.id }))}
        value={tier?.id ?? null}
        onChange={(v) => {
          setTierId(v);
          setValue(null);
        }}
        allowDeselect={false}
      />
      <Select
        label={t('opProgram.quick.threshold')}
        data={THRESHOLD_KINDS.map((k) => ({ value: k, label: t(`opProgram.tiers.${k}`) }))}
        value={kind}
        onChange={(v) => {
          if (!v) return;
          setKind(v as ThresholdKind);
          setValue(null);
        }}
        allowDeselect={false}
      />
      <NumberInput
        label={t('opProgram.quick.points')}
        description={
          tiers && !tiers.stated ? t('opProgram.quick.copiesTiers', { id: tiers.from }) : undefined
        }
        value={shown}
        onChange={setValue}
        decimalScale={2}
        required
      />
      <EditErrorText reason={error} />
      <Button type="submit" disabled={!tier || typeof shown !== 'number'}>
        {t('opProgram.quick.apply')}
      </Button>
    </Stack>
  );
}

function EditErrorText({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <Text size="sm" c="red.9" role="alert">
      {t(`opProgram.quick.error.${reason}`)}
    </Text>
  );
}

export function QuickEdits({
  document,
  pending,
  onApply,
}: {
  /** The editor's document; null while its text does not parse. */
  document: unknown | null;
  pending: boolean;
  onApply: Apply;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('threshold');
  const ruleSets = document === null ? [] : resolveRuleSets(document);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby={`${id}-title`}
      data-testid="quick-edits"
    >
      <Title order={2} size="h4" id={`${id}-title`} mb="xs">
        {t('opProgram.quick.title')}
      </Title>
      <Text size="sm" c={MUTED} mb="sm">
        {t('opProgram.quick.intro')}
      </Text>
      {document === null ? (
        <Text size="sm">{t('opProgram.editor.fixFirst')}</Text>
      ) : (
        <Stack gap="sm" data-pending={pending || undefined}>
          <SegmentedControl
            fullWidth
            orientation="vertical"
            aria-label={t('opProgram.quick.kind')}
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            data={(['threshold', 'rate', 'ruleSet'] as const).map((k) => ({
              value: k,
              label: t(`opProgram.quick.kinds.${k}`),
            }))}
          />
          {kind === 'ruleSet' ? (
            <AddRuleSet document={document} onApply={onApply} />
          ) : ruleSets.length === 0 ? (
            <Text size="sm">{t('opProgram.ruleSets.none')}</Text>
          ) : kind === 'rate' ? (
            <ChangeRate key={ruleSets.length} document={document} ruleSets={ruleSets} onApply={onApply} />
          ) : (
            <ChangeThreshold
              key={ruleSets.length}
              document={document}
              ruleSets={ruleSets}
              onApply={onApply}
            />
          )}
        </Stack>
      )}
    </Card>
  );
}
