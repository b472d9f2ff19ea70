// The console's partners page.
import { defineMessages } from '../../../i18n/define.ts';

export const opPartnersMessages = defineMessages({
  en: { title: 'Partners' },
  sv: { title: 'Partner' },
  nl: { title: 'Partners' },
});
