import { defineMessages } from '../../i18n/define.ts';

export const calculatorMessages = defineMessages({
  en: { title: 'Points calculator' },
  sv: { title: 'Poängkalkylator' },
  nl: { title: 'Puntencalculator' },
});
