// The console's imports page.
import { defineMessages } from '../../../i18n/define.ts';

export const opImportsMessages = defineMessages({
  en: { title: 'Imports' },
  sv: { title: 'Importer' },
  nl: { title: 'Imports' },
});
