import { freeText, isolate } from '../../pdf/bidi-text.ts';
import { printDate } from '../../pdf/dates.ts';
import { openDocument } from '../../pdf/document.ts';
import { signatureLines } from '../../pdf/form-fields.ts';
import { banner, footers, GREY, heading, lineHeight, paragraph, titleBlock } from '../../pdf/page-writer.ts';
import { drawTable, layoutTable, type Cell } from '../../pdf/table.ts';
import { PLAN_TEXTS } from './plan-texts.ts';

// The support plan (Förderplan) as an A4 PDF for signature, in German, English, Arabic, Persian or
// Ukrainian: the version with its state, the goals with their steps as tables, the lines the
// participant and the case manager sign on. Drawing is server/pdf/; the wording is plan-texts.ts.

export type PlanPdfLanguage = 'de' | 'en' | 'ar' | 'fa' | 'uk';

export interface PlanPdfInput {
  language: PlanPdfLanguage;
  networkName: string;
  officeName: string;
  participant: { givenNames: string; familyName: string; birthDate: string | null };
  caseManagerName: string | null;
  /** The version's number and state; a draft prints with a "draft" mark. */
  number: number;
  state: 'draft' | 'current' | 'superseded';
  /** ISO date; null for a draft not yet discussed. */
  discussedOn: string | null;
  attendees: string | null;
  goals: {
    title: string;
    steps: {
      /** The step type's label in the print language (falls back to German), from the catalogue. */
      typeLabel: string;
      /** Free text as written (not translated). */
      text: string;
      responsibleOrganisationName: string;
      dueOn: string | null;
      status: 'open' | 'in_progress' | 'done' | 'dropped';
    }[];
  }[];
}

/** Step table columns: the step (type and text), who does it, by when, how far it is. */
const COLUMNS = [0.42, 0.26, 0.16, 0.16];

export async function renderPlanPdf(input: PlanPdfInput): Promise<Uint8Array> {
  const t = PLAN_TEXTS[input.language];
  // Dates are checked before anything is drawn; every value that goes into a sentence is isolated.
  const person = isolate(`${input.participant.givenNames} ${input.participant.familyName}`);
  const birthDate = input.participant.birthDate ? printDate(t.date, input.participant.birthDate, 'birthDate') : '______________';
  const discussedOn = input.discussedOn ? printDate(t.date, input.discussedOn, 'discussedOn') : t.notDiscussed;
  const goals = input.goals.map((goal, g) => ({
    title: t.goal(g + 1, isolate(goal.title)),
    rows: goal.steps.map((step, s): Cell[] => [
      [{ text: isolate(step.typeLabel), bold: true }, ...freeText(step.text).map((text) => ({ text }))],
      [{ text: isolate(step.responsibleOrganisationName) }],
      [{ text: step.dueOn ? printDate(t.date, step.dueOn, `goals.${g}.steps.${s}.dueOn`) : '–' }],
      [{ text: t.status[step.status] }],
    ]),
  }));
  const draft = input.state === 'draft';

  const { w, finish } = await openDocument({
    language: input.language,
    dir: input.language === 'ar' || input.language === 'fa' ? 'rtl' : 'ltr',
    title: t.title,
    author: input.officeName,
  });
  const body = { size: w.size };

  titleBlock(w, `${isolate(input.networkName)} · ${isolate(input.officeName)}`, `${t.title} · ${t.version(input.number)}`);
  if (draft) banner(w, t.draftNotice);
  if (input.state === 'superseded') banner(w, t.supersededNotice, GREY);
  w.y += w.size * 0.6;
  paragraph(w, `${t.participantLabel}: ${person}`, { size: w.size, bold: true });
  paragraph(w, `${t.birthDateLabel}: ${birthDate}`, body);
  paragraph(w, t.responsible(isolate(input.officeName), input.caseManagerName ? isolate(input.caseManagerName) : null), body);
  paragraph(w, `${t.discussedOnLabel}: ${discussedOn}`, body);
  const attendees = input.attendees ? freeText(input.attendees).join(', ') : '';
  if (attendees) paragraph(w, `${t.attendeesLabel}: ${attendees}`, body);

  heading(w, t.goalsHeading);
  if (goals.length === 0) paragraph(w, t.noGoals, body);
  const header = [t.columns.step, t.columns.responsible, t.columns.dueOn, t.columns.status];
  for (const goal of goals) {
    if (goal.rows.length === 0) {
      heading(w, goal.title);
      paragraph(w, t.noSteps, body);
      continue;
    }
    const table = layoutTable(w, COLUMNS, header, goal.rows);
    heading(w, goal.title, table.lead);
    drawTable(w, table);
  }

  // The agreement stays on one page with the lines it is signed on.
  const signatureHeight = 3 * w.size + lineHeight(w, w.size * 0.85);
  heading(w, t.agreementHeading, 2 * lineHeight(w, w.size) + 2 * signatureHeight);
  paragraph(w, t.agreement, body);
  signatureLines(w, [
    { label: t.placeDate, width: 0.4 },
    { label: t.participantSignature, width: 0.52 },
  ]);
  signatureLines(w, [
    { label: t.placeDate, width: 0.4 },
    {
      label: input.caseManagerName ? `${t.caseManagerSignature} (${isolate(input.caseManagerName)})` : t.caseManagerSignature,
      width: 0.52,
    },
  ]);

  const version = `${t.version(input.number)}${draft ? ` (${t.draftMark})` : ''}`;
  footers(w, `${t.title} · ${person} · ${version}`, t.page);
  return finish();
}
