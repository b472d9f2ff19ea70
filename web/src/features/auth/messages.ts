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
