// A row's Actions menu: Client information (the side panel), Company in CRM and Go to
// client's account (the vendor's links from the API, in a new tab), End services.
import { ActionIcon, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientRow } from '../../lib/api-types.ts';
import { DotsIcon, EndIcon, ExternalLinkIcon, InfoIcon } from '../../ui/icons.tsx';
import { MUTED } from '../../ui/tone.tsx';

function LinkItem({ href, label }: { href: string | null; label: string }) {
  const { t } = useTranslation();
  if (!href) {
    return (
      <Menu.Item disabled leftSection={<ExternalLinkIcon size={16} />} title={t('clients.actions.noLink')}>
        {label}
      </Menu.Item>
    );
  }
  return (
    <Menu.Item
      component="a"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      leftSection={<ExternalLinkIcon size={16} />}
    >
      {label}
      <VisuallyHidden> {t('clients.actions.newTab')}</VisuallyHidden>
    </Menu.Item>
  );
}

export function ClientRowActions({
  row,
  onOpenClient,
  onEndServices,
}: {
  row: ClientRow;
  onOpenClient: (clientId: string) => void;
  onEndServices: (row: ClientRow) => void;
}) {
  const { t } = useTranslation();
  const soldOnly = row.relationship === 'sold';
  return (
    <Menu position="bottom-end" shadow="md" width={240} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('clients.actions.for', { name: row.name, id: row.clientId })}
          data-testid="client-actions"
        >
          <DotsIcon size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{row.name}</Menu.Label>
        <Menu.Item leftSection={<InfoIcon size={16} />} onClick={() => onOpenClient(row.clientId)}>
          {t('clients.actions.info')}
        </Menu.Item>
        <LinkItem href={row.crmUrl} label={t('clients.actions.crm')} />
        <LinkItem href={row.accountUrl} label={t('clients.actions.account')} />
        <Menu.Divider />
        <Menu.Item
          color="red.9"
          leftSection={<EndIcon size={16} />}
          disabled={soldOnly}
          onClick={() => onEndServices(row)}
          data-testid="end-services"
        >
          {t('clients.actions.end')}
          {soldOnly ? (
            <Text size="xs" c={MUTED} mt={2}>
              {t('clients.actions.endSoldOnly')}
            </Text>
          ) : null}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
