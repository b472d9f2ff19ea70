import { defineMessages } from '../../i18n/define.ts';

export const previewMessages = defineMessages({
  en: { title: 'Preview features' },
  sv: { title: 'Förhandsversioner' },
  nl: { title: 'Previewfuncties' },
});
