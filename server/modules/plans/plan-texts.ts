import { DATE_FORMATS, type DateFormat } from '../../pdf/dates.ts';
import type { PlanPdfInput, PlanPdfLanguage } from './plan-pdf.ts';

// The fixed wording of the printed support plan (Förderplan) in the languages it is printed in.
// Goals, step texts, organisations and step type labels come in as written; names, dates and
// numbers stay Latin text and digits in the right-to-left languages, and the bidi pass orders them.

type StepStatus = PlanPdfInput['goals'][number]['steps'][number]['status'];

export interface PlanTexts {
  title: string;
  /** Marks a draft everywhere it is printed; no other text of a plan may contain it. */
  draftMark: string;
  draftNotice: string;
  supersededNotice: string;
  participantLabel: string;
  birthDateLabel: string;
  version: (number: number) => string;
  discussedOnLabel: string;
  notDiscussed: string;
  attendeesLabel: string;
  responsible: (office: string, caseManager: string | null) => string;
  goalsHeading: string;
  goal: (number: number, title: string) => string;
  noGoals: string;
  noSteps: string;
  columns: { step: string; responsible: string; dueOn: string; status: string };
  status: Record<StepStatus, string>;
  agreementHeading: string;
  agreement: string;
  placeDate: string;
  participantSignature: string;
  caseManagerSignature: string;
  page: (page: number, pages: number) => string;
  date: DateFormat;
}

const de: PlanTexts = {
  title: 'Förderplan',
  draftMark: 'Entwurf',
  draftNotice: 'Entwurf – noch nicht vereinbart und nicht zur Unterschrift',
  supersededNotice: 'Nicht mehr gültig: Diese Version wurde durch eine neuere ersetzt.',
  participantLabel: 'Teilnehmende Person',
  birthDateLabel: 'Geburtsdatum',
  version: (number) => `Version ${number}`,
  discussedOnLabel: 'Besprochen am',
  notDiscussed: 'noch nicht besprochen',
  attendeesLabel: 'Beteiligt',
  responsible: (office, caseManager) => `Fallmanagement: ${caseManager ? `${caseManager}, ${office}` : office}`,
  goalsHeading: 'Ziele und Schritte',
  goal: (number, title) => `Ziel ${number}: ${title}`,
  noGoals: 'Es sind noch keine Ziele eingetragen.',
  noSteps: 'Zu diesem Ziel sind noch keine Schritte eingetragen.',
  columns: { step: 'Schritt', responsible: 'Verantwortlich', dueOn: 'Fällig bis', status: 'Stand' },
  status: { open: 'offen', in_progress: 'in Arbeit', done: 'erledigt', dropped: 'entfallen' },
  agreementHeading: 'Vereinbarung',
  agreement: 'Wir haben diesen Förderplan gemeinsam besprochen und vereinbaren die Ziele und Schritte oben.',
  placeDate: 'Ort, Datum',
  participantSignature: 'Unterschrift der teilnehmenden Person',
  caseManagerSignature: 'Unterschrift Fallmanagement',
  page: (page, pages) => `Seite ${page} von ${pages}`,
  date: DATE_FORMATS.de,
};

const en: PlanTexts = {
  title: 'Support plan',
  draftMark: 'Draft',
  draftNotice: 'Draft – not yet agreed, not for signature',
  supersededNotice: 'No longer valid: this version has been replaced by a newer one.',
  participantLabel: 'Participant',
  birthDateLabel: 'Date of birth',
  version: (number) => `Version ${number}`,
  discussedOnLabel: 'Discussed on',
  notDiscussed: 'not yet discussed',
  attendeesLabel: 'Taking part',
  responsible: (office, caseManager) => `Case manager: ${caseManager ? `${caseManager}, ${office}` : office}`,
  goalsHeading: 'Goals and steps',
  goal: (number, title) => `Goal ${number}: ${title}`,
  noGoals: 'No goals have been entered yet.',
  noSteps: 'No steps have been entered for this goal yet.',
  columns: { step: 'Step', responsible: 'Responsible', dueOn: 'Due by', status: 'Status' },
  status: { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
  agreementHeading: 'Agreement',
  agreement: 'We have discussed this support plan together and agree on the goals and steps above.',
  placeDate: 'Place, date',
  participantSignature: 'Signature of the participant',
  caseManagerSignature: 'Signature of the case manager',
  page: (page, pages) => `Page ${page} of ${pages}`,
  date: DATE_FORMATS.en,
};

// Modern Standard Arabic, as on the consent form.
const ar: PlanTexts = {
  title: 'خطة الدعم',
  draftMark: 'مسودة',
  draftNotice: 'مسودة – لم يتم الاتفاق عليها بعد، وليست للتوقيع',
  supersededNotice: 'لم تعد سارية: حلت محلها نسخة أحدث.',
  participantLabel: 'الشخص المشارك',
  birthDateLabel: 'تاريخ الميلاد',
  version: (number) => `النسخة ${number}`,
  discussedOnLabel: 'تاريخ المناقشة',
  notDiscussed: 'لم تتم مناقشتها بعد',
  attendeesLabel: 'المشاركون في المناقشة',
  responsible: (office, caseManager) => `إدارة الحالة: ${caseManager ? `${caseManager}، ${office}` : office}`,
  goalsHeading: 'الأهداف والخطوات',
  goal: (number, title) => `الهدف ${number}: ${title}`,
  noGoals: 'لم يتم إدخال أي أهداف بعد.',
  noSteps: 'لم يتم إدخال أي خطوات لهذا الهدف بعد.',
  columns: { step: 'الخطوة', responsible: 'الجهة المسؤولة', dueOn: 'الموعد النهائي', status: 'الحالة' },
  status: { open: 'مفتوحة', in_progress: 'قيد التنفيذ', done: 'منجزة', dropped: 'ملغاة' },
  agreementHeading: 'الاتفاق',
  agreement: 'ناقشنا خطة الدعم هذه معا، ونتفق على الأهداف والخطوات المذكورة أعلاه.',
  placeDate: 'المكان والتاريخ',
  participantSignature: 'توقيع الشخص المشارك',
  caseManagerSignature: 'توقيع مدير الحالة',
  page: (page, pages) => `الصفحة ${page} من ${pages}`,
  date: DATE_FORMATS.ar,
};

// Persian (Farsi, understood by Dari speakers too), with Persian letters (ی, ک) and the zero-width
// non-joiner inside words as Persian spelling has it.
const fa: PlanTexts = {
  title: 'برنامه حمایتی',
  draftMark: 'پیش‌نویس',
  draftNotice: 'پیش‌نویس – هنوز توافق نشده و برای امضا نیست',
  supersededNotice: 'دیگر معتبر نیست: نسخه جدیدتری جایگزین این نسخه شده است.',
  participantLabel: 'شرکت‌کننده',
  birthDateLabel: 'تاریخ تولد',
  version: (number) => `نسخه ${number}`,
  discussedOnLabel: 'تاریخ گفتگو',
  notDiscussed: 'هنوز گفتگو نشده',
  attendeesLabel: 'حاضران در گفتگو',
  responsible: (office, caseManager) => `مدیریت پرونده: ${caseManager ? `${caseManager}، ${office}` : office}`,
  goalsHeading: 'اهداف و گام‌ها',
  goal: (number, title) => `هدف ${number}: ${title}`,
  noGoals: 'هنوز هیچ هدفی ثبت نشده است.',
  noSteps: 'هنوز هیچ گامی برای این هدف ثبت نشده است.',
  columns: { step: 'گام', responsible: 'سازمان مسئول', dueOn: 'مهلت', status: 'وضعیت' },
  status: { open: 'باز', in_progress: 'در حال انجام', done: 'انجام شده', dropped: 'لغو شده' },
  agreementHeading: 'توافق',
  agreement: 'ما این برنامه حمایتی را با هم بررسی کردیم و بر سر اهداف و گام‌های بالا توافق داریم.',
  placeDate: 'محل و تاریخ',
  participantSignature: 'امضای شرکت‌کننده',
  caseManagerSignature: 'امضای مدیر پرونده',
  page: (page, pages) => `صفحه ${page} از ${pages}`,
  date: DATE_FORMATS.fa,
};

const uk: PlanTexts = {
  title: 'План підтримки',
  draftMark: 'Чернетка',
  draftNotice: 'Чернетка – ще не погоджено, не для підпису',
  supersededNotice: 'Більше не чинний: цю версію замінено новішою.',
  participantLabel: 'Учасник / учасниця',
  birthDateLabel: 'Дата народження',
  version: (number) => `Версія ${number}`,
  discussedOnLabel: 'Дата обговорення',
  notDiscussed: 'ще не обговорено',
  attendeesLabel: 'Присутні',
  responsible: (office, caseManager) => `Кейс-менеджмент: ${caseManager ? `${caseManager}, ${office}` : office}`,
  goalsHeading: 'Цілі та кроки',
  goal: (number, title) => `Ціль ${number}: ${title}`,
  noGoals: 'Ще не внесено жодної цілі.',
  noSteps: 'Для цієї цілі ще не внесено жодного кроку.',
  columns: { step: 'Крок', responsible: 'Відповідальна організація', dueOn: 'Термін', status: 'Стан' },
  status: { open: 'відкрито', in_progress: 'виконується', done: 'виконано', dropped: 'скасовано' },
  agreementHeading: 'Домовленість',
  agreement: 'Ми разом обговорили цей план підтримки і домовляємося про цілі та кроки, наведені вище.',
  placeDate: 'Місце, дата',
  participantSignature: 'Підпис учасника / учасниці',
  caseManagerSignature: 'Підпис кейс-менеджера',
  page: (page, pages) => `Сторінка ${page} з ${pages}`,
  date: DATE_FORMATS.uk,
};

export const PLAN_TEXTS: Record<PlanPdfLanguage, PlanTexts> = { de, en, ar, fa, uk };
