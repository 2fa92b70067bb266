import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { NotificationKind } from './reminders.schemas.ts';

// Reminder emails. They say only that there is something to do, of which kind, and when,
// with a link into the app: no names or other personal data of participants, because an
// email leaves the city's systems and sits in mailboxes no one controls (decision 0011).

/** The SMTP transport from SMTP_* settings, or null when SMTP_HOST is not set (reminders stay in the app). */
export function createMailTransport(smtp: Config['smtp']): Transporter | null {
  if (!smtp.host) return null;
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
  });
}

type Locale = 'de' | 'en';

const TEXTS: Record<Locale, { subject: Record<NotificationKind, string>; intro: string; open: string; footer: string }> = {
  de: {
    subject: {
      step_due: 'Ein Schritt im Förderplan ist fällig',
      task_due: 'Eine Aufgabe aus einer Überleitung ist fällig',
      appointment_upcoming: 'Ein Termin steht an',
      conference_upcoming: 'Eine Fallkonferenz steht an',
      referral_new: 'Eine neue Überleitung wartet auf Antwort',
      residence_expiry: 'Ein Aufenthaltsdokument läuft ab',
      follow_up_due: 'Eine Nachfrage nach einer Vermittlung ist fällig',
    },
    intro: 'Sie haben eine neue Erinnerung in Lotse.',
    open: 'Die Einzelheiten sehen Sie nach der Anmeldung in Lotse:',
    footer: 'Diese E-Mail enthält aus Datenschutzgründen keine Angaben zu Personen.',
  },
  en: {
    subject: {
      step_due: 'A step of a support plan is due',
      task_due: 'A task of a referral is due',
      appointment_upcoming: 'An appointment is coming up',
      conference_upcoming: 'A case conference is coming up',
      referral_new: 'A new referral is waiting for your answer',
      residence_expiry: 'A residence document expires',
      follow_up_due: 'A follow-up of a placement is due',
    },
    intro: 'You have a new reminder in Lotse.',
    open: 'Log in to Lotse to see the details:',
    footer: 'For data protection, this email contains no details about any person.',
  },
};

const DATE_LABEL: Record<Locale, Record<NotificationKind, string>> = {
  de: {
    step_due: 'Fällig am',
    task_due: 'Fällig am',
    appointment_upcoming: 'Termin',
    conference_upcoming: 'Termin',
    referral_new: 'Gesendet am',
    residence_expiry: 'Gültig bis',
    follow_up_due: 'Fällig am',
  },
  en: {
    step_due: 'Due on',
    task_due: 'Due on',
    appointment_upcoming: 'When',
    conference_upcoming: 'When',
    referral_new: 'Sent on',
    residence_expiry: 'Valid until',
    follow_up_due: 'Due on',
  },
};

export interface ReminderMail {
  subject: string;
  text: string;
}

/** The email of one reminder in the user's language (German unless they chose English). */
export function composeReminderMail(
  reminder: { kind: NotificationKind; dueOn: string | null; startsAt?: string },
  userLocale: string,
  origin: string,
): ReminderMail {
  const locale: Locale = userLocale === 'en' ? 'en' : 'de';
  const texts = TEXTS[locale];
  const intl = locale === 'de' ? 'de-DE' : 'en-GB';
  let when: string | null = null;
  if (reminder.startsAt)
    when = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
      new Date(reminder.startsAt),
    );
  else if (reminder.dueOn)
    when = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${reminder.dueOn}T00:00:00Z`));
  const subject = `Lotse: ${texts.subject[reminder.kind]}`;
  const lines = [
    texts.intro,
    '',
    texts.subject[reminder.kind],
    ...(when ? [`${DATE_LABEL[locale][reminder.kind]}: ${when}`] : []),
    '',
    texts.open,
    `${origin.replace(/\/$/, '')}/notifications`,
    '',
    '--',
    texts.footer,
  ];
  return { subject, text: lines.join('\n') };
}
