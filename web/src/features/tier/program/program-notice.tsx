// The Tier page's word on the program: which version the figures use, and what a rule set
// already published for a later date will change, date by date.
import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { loadProgram } from '../../../../../src/domain/program.ts';
import { useFormat } from '../../../lib/format.ts';
import { useProgramInForce } from '../../calculator/queries.ts';
import { futureRuleSets, type ProgramChange } from './changes.ts';

function useChangeText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (c: ProgramChange): string => {
    switch (c.kind) {
      case 'tierTotal':
      case 'tierSeller':
      case 'tierManaged':
        return c.before === null
          ? t(`tierProgram.${c.kind}New`, { tier: c.tier, after: f.points(c.after) })
          : t(`tierProgram.${c.kind}`, {
              tier: c.tier,
              after: f.points(c.after),
              before: f.points(c.before),
            });
      case 'tierRemoved':
        return t('tierProgram.tierRemoved', { tier: c.tier });
      case 'rate':
        return t(`tierProgram.rate.${c.track}`, { after: f.number(c.after), before: f.number(c.before) });
      case 'growthMultiplier':
        return t('tierProgram.growthMultiplier', { after: f.number(c.after), before: f.number(c.before) });
      case 'sellerMinimumCounts':
        return t(`tierProgram.sellerMinimum.${c.after}`);
      case 'certificationRequired':
        return t(c.after ? 'tierProgram.certification.required' : 'tierProgram.certification.notRequired');
      case 'lifetime':
        return t('tierProgram.lifetime', { after: c.after, before: c.before });
    }
  };
}

/** "Program version 3: ..." under the page title. */
export function ProgramVersion() {
  const { t } = useTranslation();
  const program = useProgramInForce();
  if (!program.data) return null;
  const { version, program: file } = program.data;
  return (
    <Text c="dimmed" size="sm" data-testid="program-version">
      {version === 0
        ? t('tierProgram.example', { name: file.name })
        : t('tierProgram.version', { version, name: file.name })}
    </Text>
  );
}

/** The coming changes, when a rule set with a later effective date is published. */
export function ComingChanges() {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useChangeText();
  const program = useProgramInForce();
  if (!program.data) return null;
  const coming = futureRuleSets(loadProgram(program.data.program), program.data.today).filter(
    (r) => r.changes.length > 0,
  );
  if (coming.length === 0) return null;
  return (
    <Alert color="indigo" variant="light" title={t('tierProgram.coming')} data-testid="coming-changes">
      <Stack gap="xs">
        {coming.map((r) => (
          <div key={r.effectiveFrom}>
            <Text size="sm" fw={600}>
              {t('tierProgram.from', { date: f.date(r.effectiveFrom) })}
            </Text>
            <List size="sm" spacing={2}>
              {r.changes.map((c) => {
                const line = text(c);
                return <List.Item key={line}>{line}</List.Item>;
              })}
            </List>
          </div>
        ))}
      </Stack>
    </Alert>
  );
}
