// Outgoing email through SMTP_URL with nodemailer. Sending happens after the change it is
// about has committed: a failed send never loses a user or a link, the caller reports it
// (emailSent: false, emailError) so the operator can pass the link on by hand.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Locale } from '../../core/access.ts';
import { type Config, DEFAULT_SMTP_FROM } from '../../core/config.ts';
import { type MailKind, mailContent } from './messages.ts';

/** What an answer says about the email: null fields when no SMTP server is configured. */
export interface EmailOutcome {
  /** true: the SMTP server accepted it; false: sending failed; null: no SMTP configured. */
  emailSent: boolean | null;
  /** Why sending failed (only when emailSent is false). */
  emailError: string | null;
}

export const NO_EMAIL: EmailOutcome = { emailSent: null, emailError: null };

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      // A dead mail server must not hold an operator's request for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

export interface LinkMail {
  kind: MailKind;
  to: string;
  locale: Locale;
  link: { url: string; expiresAt: Date };
}

/** Sends a link email when SMTP is configured; never throws. */
export async function sendLinkMail(config: Config, mail: LinkMail): Promise<EmailOutcome> {
  if (!config.smtpUrl) return NO_EMAIL;
  const { subject, text } = mailContent(mail.kind, mail.locale, mail.link);
  try {
    await transportFor(config.smtpUrl).sendMail({
      from: config.smtpFrom ?? DEFAULT_SMTP_FROM,
      to: mail.to,
      subject,
      text,
    });
    return { emailSent: true, emailError: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { emailSent: false, emailError: `The email to ${mail.to} could not be sent: ${reason}` };
  }
}
