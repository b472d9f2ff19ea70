import { defineMessages } from '../../i18n/define.ts';

export const authMessages = defineMessages({
  en: {
    signIn: {
      title: 'Sign in to your partner portal',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      failed: 'Sign-in failed: {{message}}',
      forgot: 'Forgot your password?',
      sso: 'Sign in with single sign-on',
      or: 'or',
    },
    ssoRefused: {
      title: 'Single sign-on did not sign you in',
      back: 'Back to sign in',
      reasons: {
        not_configured: 'Single sign-on is not set up for this portal. Sign in with your password.',
        unmapped_domain:
          'Your email domain is not connected to any partner in this portal. Ask your partner manager to add it, or sign in with your password.',
        deactivated: 'Your account has been deactivated. Ask your administrator to reactivate it.',
        email_unverified:
          'Your identity provider has not verified your email address, so it cannot be used to sign in.',
        no_email: 'Your identity provider did not share an email address, so we cannot tell who you are.',
        failed: 'The sign-in with your identity provider could not be completed. Try again.',
      },
    },
    setPassword: {
      title: 'Choose your password',
      password: 'New password',
      hint: 'At least 12 characters.',
      submit: 'Set password',
      done: 'Your password is set. Sign in with it now.',
      failed: 'The password could not be set: {{message}}',
      missingToken: 'This link is incomplete. Ask for a new one.',
    },
    reset: {
      title: 'Reset your password',
      submit: 'Send me a link',
      sent: 'If that address has an account, a link to set a new password is on its way.',
      back: 'Back to sign in',
    },
  },
  sv: {
    signIn: {
      title: 'Logga in på din partnerportal',
      email: 'E-post',
      password: 'Lösenord',
      submit: 'Logga in',
      failed: 'Inloggningen misslyckades: {{message}}',
      forgot: 'Glömt lösenordet?',
      sso: 'Logga in med enkel inloggning',
      or: 'eller',
    },
    ssoRefused: {
      title: 'Enkel inloggning loggade inte in dig',
      back: 'Tillbaka till inloggningen',
      reasons: {
        not_configured: 'Enkel inloggning är inte konfigurerad för portalen. Logga in med ditt lösenord.',
        unmapped_domain:
          'Din e-postdomän är inte kopplad till någon partner i portalen. Be din partneransvarige lägga till den, eller logga in med ditt lösenord.',
        deactivated: 'Ditt konto har inaktiverats. Be din administratör att aktivera det igen.',
        email_unverified:
          'Din identitetsleverantör har inte verifierat din e-postadress, så den kan inte användas för inloggning.',
        no_email: 'Din identitetsleverantör delade ingen e-postadress, så vi vet inte vem du är.',
        failed: 'Inloggningen via din identitetsleverantör kunde inte slutföras. Försök igen.',
      },
    },
    setPassword: {
      title: 'Välj ditt lösenord',
      password: 'Nytt lösenord',
      hint: 'Minst 12 tecken.',
      submit: 'Spara lösenord',
      done: 'Ditt lösenord är sparat. Logga in med det nu.',
      failed: 'Lösenordet kunde inte sparas: {{message}}',
      missingToken: 'Länken är ofullständig. Be om en ny.',
    },
    reset: {
      title: 'Återställ ditt lösenord',
      submit: 'Skicka en länk',
      sent: 'Om adressen har ett konto är en länk för att välja ett nytt lösenord på väg.',
      back: 'Tillbaka till inloggningen',
    },
  },
  nl: {
    signIn: {
      title: 'Meld je aan bij je partnerportal',
      email: 'E-mail',
      password: 'Wachtwoord',
      submit: 'Aanmelden',
      failed: 'Aanmelden mislukt: {{message}}',
      forgot: 'Wachtwoord vergeten?',
      sso: 'Inloggen met eenmalige aanmelding (SSO)',
      or: 'of',
    },
    ssoRefused: {
      title: 'Eenmalige aanmelding heeft je niet aangemeld',
      back: 'Terug naar inloggen',
      reasons: {
        not_configured: 'Eenmalige aanmelding is niet ingesteld voor dit portaal. Log in met je wachtwoord.',
        unmapped_domain:
          'Je e-maildomein is aan geen enkele partner in dit portaal gekoppeld. Vraag je partnermanager het toe te voegen, of log in met je wachtwoord.',
        deactivated: 'Je account is gedeactiveerd. Vraag je beheerder het weer te activeren.',
        email_unverified:
          'Je identiteitsprovider heeft je e-mailadres niet geverifieerd, dus het kan niet worden gebruikt om in te loggen.',
        no_email: 'Je identiteitsprovider heeft geen e-mailadres gedeeld, dus we weten niet wie je bent.',
        failed: 'Het inloggen via je identiteitsprovider kon niet worden voltooid. Probeer het opnieuw.',
      },
    },
    setPassword: {
      title: 'Kies je wachtwoord',
      password: 'Nieuw wachtwoord',
      hint: 'Minstens 12 tekens.',
      submit: 'Wachtwoord instellen',
      done: 'Je wachtwoord is ingesteld. Meld je er nu mee aan.',
      failed: 'Het wachtwoord kon niet worden ingesteld: {{message}}',
      missingToken: 'Deze link is onvolledig. Vraag een nieuwe aan.',
    },
    reset: {
      title: 'Wachtwoord opnieuw instellen',
      submit: 'Stuur me een link',
      sent: 'Als dit adres een account heeft, is er een link onderweg om een nieuw wachtwoord in te stellen.',
      back: 'Terug naar aanmelden',
    },
  },
});
