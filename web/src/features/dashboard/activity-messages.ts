import { defineMessages } from '../../i18n/define.ts';

// Tier point changes, shared sales, their reports, commission and the Team tab.
export const activityMessages = defineMessages({
  en: { pointChanges: { title: 'Tier point changes' } },
  sv: { pointChanges: { title: 'Ändringar i nivåpoäng' } },
  nl: { pointChanges: { title: 'Wijzigingen in niveaupunten' } },
});
