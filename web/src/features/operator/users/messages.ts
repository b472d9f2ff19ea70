// The console's users page.
import { defineMessages } from '../../../i18n/define.ts';

export const opUsersMessages = defineMessages({
  en: { title: 'Users' },
  sv: { title: 'Användare' },
  nl: { title: 'Gebruikers' },
});
