// The console's integrations page.
import { defineMessages } from '../../../i18n/define.ts';

export const opIntegrationsMessages = defineMessages({
  en: { title: 'API tokens and webhooks' },
  sv: { title: 'API-nycklar och webhooks' },
  nl: { title: 'API-tokens en webhooks' },
});
