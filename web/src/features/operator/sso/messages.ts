// The console's single sign-on page.
import { defineMessages } from '../../../i18n/define.ts';

export const opSsoMessages = defineMessages({
  en: {
    title: 'Single sign-on',
    intro:
      'Let partners and operators sign in with their company account (OpenID Connect). Password sign-in stays available.',
    callback: 'Register this redirect address with your identity provider: {{url}}',
    issuer: 'Issuer URL',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    secretKept: 'A secret is stored ({{hint}}). Leave empty to keep it.',
    domains: 'Email domains',
    domainsHint:
      'A person whose email domain is listed gets an account on first sign-in, with this partner and role. Other domains are refused.',
    domain: 'Domain',
    role: 'Role',
    partner: 'Partner ID',
    roles: { operator: 'Operator', 'partner-admin': 'Partner admin', 'partner-user': 'Partner user' },
    addDomain: 'Add a domain',
    remove: 'Remove {{domain}}',
    save: 'Save',
    saved: 'Single sign-on is saved.',
    failed: 'Could not save: {{message}}',
    turnOff: 'Turn single sign-on off',
  },
  sv: {
    title: 'Enkel inloggning',
    intro:
      'Låt partner och operatörer logga in med sitt företagskonto (OpenID Connect). Inloggning med lösenord finns kvar.',
    callback: 'Registrera denna omdirigeringsadress hos din identitetsleverantör: {{url}}',
    issuer: 'Utfärdarens URL',
    clientId: 'Klient-ID',
    clientSecret: 'Klienthemlighet',
    secretKept: 'En hemlighet är sparad ({{hint}}). Lämna tomt för att behålla den.',
    domains: 'E-postdomäner',
    domainsHint:
      'Den vars e-postdomän finns i listan får ett konto vid första inloggningen, med denna partner och roll. Andra domäner nekas.',
    domain: 'Domän',
    role: 'Roll',
    partner: 'Partner-ID',
    roles: {
      operator: 'Operatör',
      'partner-admin': 'Partneradministratör',
      'partner-user': 'Partneranvändare',
    },
    addDomain: 'Lägg till en domän',
    remove: 'Ta bort {{domain}}',
    save: 'Spara',
    saved: 'Enkel inloggning är sparad.',
    failed: 'Kunde inte spara: {{message}}',
    turnOff: 'Stäng av enkel inloggning',
  },
  nl: {
    title: 'Eenmalige aanmelding (SSO)',
    intro:
      'Laat partners en operators inloggen met hun bedrijfsaccount (OpenID Connect). Inloggen met wachtwoord blijft mogelijk.',
    callback: 'Registreer dit omleidingsadres bij je identiteitsprovider: {{url}}',
    issuer: 'Issuer-URL',
    clientId: 'Client-ID',
    clientSecret: 'Clientgeheim',
    secretKept: 'Er is een geheim opgeslagen ({{hint}}). Laat leeg om het te behouden.',
    domains: 'E-maildomeinen',
    domainsHint:
      'Wie een e-maildomein uit de lijst heeft, krijgt bij de eerste aanmelding een account met deze partner en rol. Andere domeinen worden geweigerd.',
    domain: 'Domein',
    role: 'Rol',
    partner: 'Partner-ID',
    roles: { operator: 'Beheerder', 'partner-admin': 'Partnerbeheerder', 'partner-user': 'Partnergebruiker' },
    addDomain: 'Domein toevoegen',
    remove: '{{domain}} verwijderen',
    save: 'Opslaan',
    saved: 'Eenmalige aanmelding is opgeslagen.',
    failed: 'Opslaan mislukt: {{message}}',
    turnOff: 'Eenmalige aanmelding uitschakelen',
  },
});
