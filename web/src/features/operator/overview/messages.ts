// The console's overview page.
import { defineMessages } from '../../../i18n/define.ts';

export const opOverviewMessages = defineMessages({
  en: { title: 'Overview' },
  sv: { title: 'Översikt' },
  nl: { title: 'Overzicht' },
});
