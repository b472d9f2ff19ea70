// The emails Tierwise sends, in the recipient's language: an invitation (set a password)
// and a password reset. Plain text: the link is the message.
import type { Locale } from '../../core/access.ts';

export type MailKind = 'invitation' | 'reset';

export interface MailContent {
  subject: string;
  text: string;
}

interface Texts {
  subject: string;
  intro: string;
  action: string;
  expires: (at: string) => string;
  ignore: string;
}

const TEXTS: Record<Locale, Record<MailKind, Texts>> = {
  en: {
    invitation: {
      subject: 'You are invited to Tierwise',
      intro: 'You have been invited to the Tierwise partner program portal.',
      action: 'Open this link to set your password and sign in:',
      expires: (at) => `The link works once and expires on ${at}.`,
      ignore: 'If you did not expect this invitation, you can ignore this email.',
    },
    reset: {
      subject: 'Reset your Tierwise password',
      intro: 'Someone asked to reset the password of your Tierwise account.',
      action: 'Open this link to choose a new password:',
      expires: (at) => `The link works once and expires on ${at}.`,
      ignore: 'If you did not ask for this, you can ignore this email; your password stays as it is.',
    },
  },
  sv: {
    invitation: {
      subject: 'Du är inbjuden till Tierwise',
      intro: 'Du har bjudits in till Tierwise partnerprogramportal.',
      action: 'Öppna den här länken för att välja lösenord och logga in:',
      expires: (at) => `Länken fungerar en gång och upphör att gälla ${at}.`,
      ignore: 'Om du inte väntade dig den här inbjudan kan du bortse från mejlet.',
    },
    reset: {
      subject: 'Återställ ditt lösenord till Tierwise',
      intro: 'Någon har bett om att återställa lösenordet till ditt Tierwise-konto.',
      action: 'Öppna den här länken för att välja ett nytt lösenord:',
      expires: (at) => `Länken fungerar en gång och upphör att gälla ${at}.`,
      ignore: 'Om du inte bad om detta kan du bortse från mejlet; ditt lösenord är oförändrat.',
    },
  },
  nl: {
    invitation: {
      subject: 'Je bent uitgenodigd voor Tierwise',
      intro: 'Je bent uitgenodigd voor het partnerprogrammaportaal van Tierwise.',
      action: 'Open deze link om je wachtwoord in te stellen en in te loggen:',
      expires: (at) => `De link werkt één keer en verloopt op ${at}.`,
      ignore: 'Verwachtte je deze uitnodiging niet, dan kun je deze e-mail negeren.',
    },
    reset: {
      subject: 'Stel je Tierwise-wachtwoord opnieuw in',
      intro: 'Iemand heeft gevraagd het wachtwoord van je Tierwise-account opnieuw in te stellen.',
      action: 'Open deze link om een nieuw wachtwoord te kiezen:',
      expires: (at) => `De link werkt één keer en verloopt op ${at}.`,
      ignore: 'Heb je hier niet om gevraagd, dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.',
    },
  },
};

const DATE_LOCALE: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE', nl: 'nl-NL' };

export function mailContent(
  kind: MailKind,
  locale: Locale,
  link: { url: string; expiresAt: Date },
): MailContent {
  const t = TEXTS[locale][kind];
  const at = new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(link.expiresAt);
  return {
    subject: t.subject,
    text: `${t.intro}\n\n${t.action}\n${link.url}\n\n${t.expires(`${at} UTC`)}\n\n${t.ignore}\n`,
  };
}
