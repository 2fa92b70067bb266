import { freeText, isolate } from '../../pdf/bidi-text.ts';
import { printDate } from '../../pdf/dates.ts';
import { openDocument } from '../../pdf/document.ts';
import { checkedItem, choices, signatureLines } from '../../pdf/form-fields.ts';
import { banner, footers, heading, lineHeight, paragraph, titleBlock } from '../../pdf/page-writer.ts';
import { drawTable, layoutTable } from '../../pdf/table.ts';
import { Invalid } from '../../errors.ts';
import { TRANSMISSION_FORM_TEXTS as t } from './transmission-form-texts.ts';

// The transmission form (Übermittlungsbogen) of a referral as an A4 PDF in German: who refers
// whom to which partner, the tasks, the data shared and what that rests on, and room for the
// partner's answer. Drawing is server/pdf/; the wording is transmission-form-texts.ts.

export interface TransmissionFormPdfInput {
  networkName: string;
  officeName: string;
  officeAddress: string | null;
  partnerName: string;
  participant: { givenNames: string; familyName: string; birthDate: string | null };
  /** The case manager's contact on the form. */
  contact: { name: string; phone: string | null; email: string | null };
  startsOn: string;
  endsOn: string;
  /** Data categories the form shares (consent category keys: contact, personal, education_work, residence, plan_progress). */
  categories: string[];
  /** The consent it rests on, or the override reason when sent without one. */
  consent: { givenOn: string; expiresOn: string | null; formVersion: string } | null;
  overrideReason: string | null;
  message: string | null;
  tasks: { typeLabel: string; text: string; dueOn: string | null }[];
  state: 'draft' | 'sent' | 'accepted' | 'declined' | 'revoked' | 'completed';
  /** The partner's recorded answer; without it the form has boxes to tick and lines to sign. */
  answer?: { accepted: boolean; on: string; caseworkerName: string | null; declineReason: string | null } | null;
  sentOn: string | null;
}

/** Task table columns: number, type and text, due date. */
const TASK_COLUMNS = [0.08, 0.72, 0.2];

export async function renderTransmissionFormPdf(input: TransmissionFormPdfInput): Promise<Uint8Array> {
  // Dates and categories are checked before anything is drawn.
  const date = (value: string, field: string) => printDate(t.formatDate, value, field);
  const person = isolate(`${input.participant.givenNames} ${input.participant.familyName}`);
  const birthDate = input.participant.birthDate ? date(input.participant.birthDate, 'participant.birthDate') : '______________';
  const period = t.period(date(input.startsOn, 'startsOn'), date(input.endsOn, 'endsOn'));
  const sentOn = input.sentOn ? t.sentOn(date(input.sentOn, 'sentOn')) : null;
  const unknown = input.categories.filter((c) => !Object.hasOwn(t.categories, c));
  if (unknown.length > 0) throw new Invalid('Unknown data category', { categories: unknown.map((c) => `Unknown data category: ${c}`) });
  const categories = Object.keys(t.categories).filter((c) => input.categories.includes(c));
  const basis = input.consent
    ? t.consent(
        date(input.consent.givenOn, 'consent.givenOn'),
        input.consent.expiresOn ? date(input.consent.expiresOn, 'consent.expiresOn') : null,
        isolate(input.consent.formVersion),
      )
    : t.withoutConsent(input.overrideReason ? freeText(input.overrideReason).join(' ') : '–');
  const tasks = input.tasks.map((task, i) => [
    [{ text: `${i + 1}.` }],
    [{ text: isolate(task.typeLabel), bold: true }, ...freeText(task.text).map((text) => ({ text }))],
    [{ text: task.dueOn ? date(task.dueOn, `tasks.${i}.dueOn`) : '–' }],
  ]);

  const { w, finish } = await openDocument({ language: 'de', dir: 'ltr', title: t.title, author: input.officeName });
  const body = { size: w.size };
  const office = input.officeAddress ? `${input.officeName}, ${input.officeAddress}` : input.officeName;

  titleBlock(w, input.networkName, t.title);
  if (input.state === 'draft') banner(w, t.draftNotice);
  if (input.state === 'revoked') banner(w, t.revokedNotice);

  heading(w, t.transmissionHeading);
  paragraph(w, t.from(office), body);
  paragraph(w, t.to(input.partnerName), { size: w.size, bold: true });
  if (sentOn) paragraph(w, sentOn, body);

  heading(w, t.personHeading);
  paragraph(w, t.name(person), body);
  paragraph(w, t.birthDate(birthDate), body);

  heading(w, t.contactHeading);
  paragraph(w, input.contact.name, body);
  if (input.contact.phone) paragraph(w, t.phone(input.contact.phone), body);
  if (input.contact.email) paragraph(w, t.email(input.contact.email), body);

  heading(w, t.periodHeading);
  paragraph(w, period, body);

  if (tasks.length === 0) {
    heading(w, t.tasksHeading);
    paragraph(w, t.noTasks, body);
  } else {
    const table = layoutTable(w, TASK_COLUMNS, t.taskColumns, tasks);
    heading(w, t.tasksHeading, table.lead);
    drawTable(w, table);
  }

  heading(w, t.categoriesHeading);
  if (categories.length === 0) paragraph(w, t.noCategories, body);
  for (const c of categories) checkedItem(w, t.categories[c] ?? c);

  heading(w, t.basisHeading);
  paragraph(w, basis, body);

  const message = input.message ? freeText(input.message) : [];
  if (message.length > 0) heading(w, t.messageHeading);
  for (const text of message) paragraph(w, text, body);

  if (input.answer) {
    const on = date(input.answer.on, 'answer.on');
    heading(w, t.answerHeading);
    paragraph(
      w,
      input.answer.accepted
        ? t.acceptedOn(on, input.answer.caseworkerName ? isolate(input.answer.caseworkerName) : '–')
        : t.declinedOn(on, input.answer.declineReason ? freeText(input.answer.declineReason).join(' ') : '–'),
      body,
    );
    footers(w, `${t.title} · ${person} · ${input.partnerName}`, t.page);
    return finish();
  }
  // The answer stays on one page: request, boxes to tick and the lines to sign on.
  const answer = 3 * lineHeight(w, w.size) + 3 * w.size + lineHeight(w, w.size * 0.85);
  heading(w, t.answerHeading, answer);
  paragraph(w, t.answerRequest(input.contact.name), body, { after: w.size * 0.4 });
  choices(w, [t.accepted, t.declined]);
  signatureLines(w, [
    { label: t.caseworker, width: 0.38 },
    { label: t.date, width: 0.18 },
    { label: t.signature, width: 0.34 },
  ]);

  footers(w, `${t.title} · ${person} · ${input.partnerName}`, t.page);
  return finish();
}
