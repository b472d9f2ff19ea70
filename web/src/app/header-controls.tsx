// The header's controls every signed-in frame shares (partner portal and operator console):
// the language switch and the account menu.
import { Menu, Select, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { type Me, useChangeLocale, useSignOut } from '../lib/session.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  return (
    <Select
      aria-label={t('common.language.label')}
      size="sm"
      w={130}
      data={LOCALES.map((l) => ({ value: l, label: t(`common.language.${l}`) }))}
      value={i18n.language}
      allowDeselect={false}
      onChange={(locale) => locale && change.mutate(locale as Locale)}
    />
  );
}

export function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton px="xs">
          <Text size="sm" fw={500} truncate maw={200}>
            {me.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`common.account.role.${me.user.role}`)}
          </Text>
          <VisuallyHidden>{t('common.account.menu')}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}>
          {t('common.account.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
