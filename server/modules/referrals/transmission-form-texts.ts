import { DATE_FORMATS } from '../../pdf/dates.ts';

// The wording of the transmission form (Übermittlungsbogen) that goes with a referral to a
// partner organisation. German only: it is read by the partner's staff.

export const TRANSMISSION_FORM_TEXTS = {
  title: 'Übermittlungsbogen',
  draftNotice: 'Entwurf – noch nicht übermittelt',
  revokedNotice: 'Zurückgenommen – diese Übermittlung gilt nicht mehr',
  transmissionHeading: 'Übermittlung',
  from: (office: string) => `Von: ${office}`,
  to: (partner: string) => `An: ${partner}`,
  sentOn: (date: string) => `Übermittelt am: ${date}`,
  personHeading: 'Teilnehmende Person',
  name: (name: string) => `Name: ${name}`,
  birthDate: (date: string) => `Geburtsdatum: ${date}`,
  contactHeading: 'Ansprechperson im Fallmanagement',
  phone: (phone: string) => `Telefon: ${phone}`,
  email: (email: string) => `E-Mail: ${email}`,
  periodHeading: 'Zeitraum',
  period: (start: string, end: string) => `Zusammenarbeit vom ${start} bis ${end}`,
  tasksHeading: 'Aufgaben',
  taskColumns: ['Nr.', 'Aufgabe', 'Fällig bis'],
  noTasks: 'Es sind keine Aufgaben eingetragen.',
  categoriesHeading: 'Übermittelte Daten',
  noCategories: 'Es werden keine Daten übermittelt.',
  categories: {
    contact: 'Kontaktdaten',
    personal: 'Angaben zur Person',
    education_work: 'Bildung und Berufserfahrung',
    residence: 'Aufenthaltsstatus',
    plan_progress: 'Förderplan und Fortschritt',
  } as Record<string, string>,
  basisHeading: 'Grundlage der Übermittlung',
  consent: (givenOn: string, expiresOn: string | null, formVersion: string) =>
    `Einwilligung der teilnehmenden Person vom ${givenOn}, ${expiresOn ? `gültig bis ${expiresOn}` : 'gültig bis auf Widerruf'} ` +
    `(Formular ${formVersion}).`,
  withoutConsent: (reason: string) => `Ohne Einwilligung übermittelt. Begründung: ${reason}`,
  messageHeading: 'Nachricht',
  answerHeading: 'Antwort des Partners',
  answerRequest: (contact: string) => `Bitte kreuzen Sie an und senden Sie den Bogen unterschrieben an ${contact} zurück.`,
  accepted: 'Angenommen',
  declined: 'Abgelehnt',
  acceptedOn: (on: string, caseworker: string) => `Angenommen am ${on}. Betreuungskraft: ${caseworker}`,
  declinedOn: (on: string, reason: string) => `Abgelehnt am ${on}. Begründung: ${reason}`,
  caseworker: 'Bearbeitet von (Name)',
  date: 'Datum',
  signature: 'Unterschrift',
  page: (page: number, pages: number) => `Seite ${page} von ${pages}`,
  formatDate: DATE_FORMATS.de,
};
