// The console's frame: its title and navigation. Each page's own words are in its folder.
import { defineMessages } from '../../i18n/define.ts';

export const operatorMessages = defineMessages({
  en: {
    title: 'Operator console',
    nav: {
      label: 'Console navigation',
      overview: 'Overview',
      partners: 'Partners',
      reports: 'Reports',
      registrations: 'Registration queue',
      users: 'Users',
      imports: 'Imports',
      program: 'Program',
      integrations: 'API tokens and webhooks',
      sso: 'Single sign-on',
      audit: 'Audit log',
      backups: 'Backups',
    },
    forbidden: 'The operator console is for the program operators.',
  },
  sv: {
    title: 'Operatörskonsol',
    nav: {
      label: 'Konsolnavigering',
      overview: 'Översikt',
      partners: 'Partner',
      reports: 'Rapporter',
      registrations: 'Registreringskö',
      users: 'Användare',
      imports: 'Importer',
      program: 'Program',
      integrations: 'API-nycklar och webhooks',
      sso: 'Enkel inloggning',
      audit: 'Granskningslogg',
      backups: 'Säkerhetskopior',
    },
    forbidden: 'Operatörskonsolen är till för programmets operatörer.',
  },
  nl: {
    title: 'Beheerconsole',
    nav: {
      label: 'Consolenavigatie',
      overview: 'Overzicht',
      partners: 'Partners',
      reports: 'Rapporten',
      registrations: 'Registratiewachtrij',
      users: 'Gebruikers',
      imports: 'Imports',
      program: 'Programma',
      integrations: 'API-tokens en webhooks',
      sso: 'Eenmalige aanmelding',
      audit: 'Auditlog',
      backups: 'Back-ups',
    },
    forbidden: 'De beheerconsole is voor de programmabeheerders.',
  },
});
