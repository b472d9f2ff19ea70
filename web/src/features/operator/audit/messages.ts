// The console's audit page.
import { defineMessages } from '../../../i18n/define.ts';

export const opAuditMessages = defineMessages({
  en: { title: 'Audit log' },
  sv: { title: 'Granskningslogg' },
  nl: { title: 'Auditlog' },
});
