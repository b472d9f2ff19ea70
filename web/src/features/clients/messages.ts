import { defineMessages } from '../../i18n/define.ts';

export const clientMessages = defineMessages({
  en: { title: 'Clients' },
  sv: { title: 'Kunder' },
  nl: { title: 'Klanten' },
});
