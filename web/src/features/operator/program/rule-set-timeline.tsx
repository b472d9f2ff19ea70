// The rule sets of a program on a timeline by effective date: the one in force on the
// server's today marked, and each field with its value and the rule set it comes from
// ("set here" or "inherited from 2022-07"). The same view reads a draft, valid or not.
import { Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../../src/domain/dates.ts';
import { useFormat } from '../../../lib/format.ts';
import { MUTED, ToneBadge } from '../../../ui/tone.tsx';
import { FieldValue } from './field-values.tsx';
import { inForceOn, type ResolvedRuleSet, RULE_SET_FIELDS, resolveRuleSets } from './resolve.ts';

function RuleSetFields({ ruleSet }: { ruleSet: ResolvedRuleSet }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid={`rule-set-${ruleSet.id}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">{t('opProgram.ruleSets.field')}</Table.Th>
            <Table.Th>{t('opProgram.ruleSets.value')}</Table.Th>
            <Table.Th w="20%">{t('opProgram.ruleSets.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RULE_SET_FIELDS.map((field) => {
            const resolved = ruleSet.fields[field];
            return (
              <Table.Tr
                key={field}
                data-field={field}
                data-source={resolved?.from}
                data-stated={resolved?.stated || undefined}
              >
                <Table.Th scope="row" fw={resolved?.stated ? 600 : 500} style={{ verticalAlign: 'top' }}>
                  {t(`opProgram.field.${field}`)}
                </Table.Th>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {resolved ? (
                    <FieldValue field={field} value={resolved.value} />
                  ) : (
                    <Text size="sm" c={MUTED}>
                      {t('opProgram.ruleSets.missing')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {!resolved ? null : resolved.stated ? (
                    <ToneBadge tone="blue">{t('opProgram.ruleSets.setHere')}</ToneBadge>
                  ) : (
                    <Text size="sm" c={MUTED}>
                      {t('opProgram.ruleSets.inheritedFrom', { id: resolved.from })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RuleSetTimeline({ document, today }: { document: unknown; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ruleSets = resolveRuleSets(document);
  const inForce = inForceOn(ruleSets, today);
  if (ruleSets.length === 0) return <Text c={MUTED}>{t('opProgram.ruleSets.none')}</Text>;
  return (
    <Timeline active={inForce?.index ?? -1} bulletSize={18} lineWidth={2} color="indigo">
      {ruleSets.map((ruleSet) => {
        const future = ruleSet.effectiveFrom > today;
        const date = isIsoDate(ruleSet.effectiveFrom) ? f.date(ruleSet.effectiveFrom) : ruleSet.effectiveFrom;
        return (
          <Timeline.Item key={`${ruleSet.index}-${ruleSet.id}`} data-rule-set={ruleSet.id}>
            <Stack gap="xs">
              <Group gap="sm" wrap="wrap">
                <Title order={3} size="h5">
                  {t('opProgram.ruleSets.title', { id: ruleSet.id, date })}
                </Title>
                {ruleSet === inForce ? (
                  <ToneBadge tone="teal">{t('opProgram.ruleSets.inForce')}</ToneBadge>
                ) : future ? (
                  <ToneBadge tone="violet">{t('opProgram.ruleSets.upcoming')}</ToneBadge>
                ) : null}
              </Group>
              <RuleSetFields ruleSet={ruleSet} />
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
