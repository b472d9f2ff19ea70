import { defineMessages } from '../../../i18n/define.ts';

export const breakdownMessages = defineMessages({
  en: { title: 'Points breakdown' },
  sv: { title: 'Poängfördelning' },
  nl: { title: 'Puntenverdeling' },
});
