import { defineMessages } from '../../../i18n/define.ts';

export const tierOverviewMessages = defineMessages({
  en: { title: 'Tier performance' },
  sv: { title: 'Nivåprestanda' },
  nl: { title: 'Prestaties van de tier' },
});
