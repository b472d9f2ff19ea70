// The console's audit log: every change with who, when, what and to what; its before/after on
// demand; filters in the URL; more entries by cursor; the same view as CSV.
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { PanelBody } from '../../../ui/panel.tsx';
import { LINK, MUTED } from '../../../ui/tone.tsx';
import { AuditChanges, hasChanges } from './audit-changes.tsx';
import { AuditFilterBar } from './audit-filters.tsx';
import { AUDIT_FILTERS, type AuditFilters, auditExportHref, useAuditLog } from './queries.ts';

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { actor } = entry;
  if (actor.kind === 'token')
    return <>{t('opAudit.actor.token', { name: actor.tokenName ?? actor.tokenId })}</>;
  if (actor.kind === 'system') return <>{t('opAudit.actor.system')}</>;
  return <>{actor.email ?? t('opAudit.actor.deletedUser')}</>;
}

function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const name = entry.entityName ?? entry.entityId;
  return (
    <>
      <Text size="sm" span c={MUTED}>
        {t(`opAudit.entity.${entry.entity}`, { defaultValue: entry.entity })}{' '}
      </Text>
      <Text size="sm" span title={entry.entityId} style={{ overflowWrap: 'anywhere' }}>
        {name}
      </Text>
    </>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, set] = useUrlState();
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  // null: clear every filter.
  const update = (changes: AuditFilters | null) =>
    set(changes ?? Object.fromEntries(AUDIT_FILTERS.map((key) => [key, null])));
  const log = useAuditLog(filters);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('opAudit.title')}</Title>
        <Button component="a" href={auditExportHref(filters)} variant="light" download>
          {t('opAudit.export')}
        </Button>
      </Group>
      <Text c={MUTED}>{t('opAudit.intro')}</Text>
      <AuditFilterBar filters={filters} onChange={update} />
      <Card withBorder radius="md" padding="lg">
        <PanelBody query={log} isEmpty={() => entries.length === 0} empty={t('opAudit.empty')}>
          {() => (
            <Stack gap="sm">
              <Table.ScrollContainer minWidth={860}>
                <Table data-testid="audit-log" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('opAudit.col.when')}</Table.Th>
                      <Table.Th>{t('opAudit.col.actor')}</Table.Th>
                      <Table.Th>{t('opAudit.col.action')}</Table.Th>
                      <Table.Th>{t('opAudit.col.target')}</Table.Th>
                      <Table.Th>{t('opAudit.col.partner')}</Table.Th>
                      <Table.Th>{t('opAudit.col.changes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((entry) => {
                      const when = f.dateTime(entry.at);
                      const action = t(`opAudit.actions.${entry.action}`, { defaultValue: entry.action });
                      const shown = open.has(entry.id);
                      return (
                        <Fragment key={entry.id}>
                          <Table.Tr data-action={entry.action}>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                            <Table.Td>
                              <Actor entry={entry} />
                            </Table.Td>
                            <Table.Td>{action}</Table.Td>
                            <Table.Td>
                              <Target entry={entry} />
                            </Table.Td>
                            <Table.Td>
                              {entry.partnerId ? (
                                <Anchor
                                  component={Link}
                                  to={`/operator/partners/${encodeURIComponent(entry.partnerId)}`}
                                  c={LINK}
                                  size="sm"
                                >
                                  {entry.partnerId}
                                </Anchor>
                              ) : null}
                            </Table.Td>
                            <Table.Td>
                              {hasChanges(entry) ? (
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  aria-expanded={shown}
                                  aria-label={t(shown ? 'opAudit.hideFor' : 'opAudit.showFor', {
                                    action,
                                    when,
                                  })}
                                  onClick={() => toggle(entry.id)}
                                >
                                  {shown ? t('opAudit.hide') : t('opAudit.show')}
                                </Button>
                              ) : null}
                            </Table.Td>
                          </Table.Tr>
                          {shown ? (
                            <Table.Tr>
                              <Table.Td colSpan={6}>
                                <AuditChanges entry={entry} />
                              </Table.Td>
                            </Table.Tr>
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="space-between">
                <Text size="sm" c={MUTED}>
                  {t('opAudit.shown', { count: entries.length })}
                </Text>
                {log.hasNextPage ? (
                  <Button
                    variant="default"
                    loading={log.isFetchingNextPage}
                    onClick={() => void log.fetchNextPage()}
                  >
                    {t('opAudit.more')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          )}
        </PanelBody>
      </Card>
    </Stack>
  );
}
