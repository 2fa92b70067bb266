import { z } from 'zod';
import { IsoDate, PastDate } from '../participants/participants.schemas.ts';

// The support plan (Förderplan): versions with goals and steps, and the catalogue of
// step types. Shared with the web app.

export const STEP_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const PLAN_STATES = ['draft', 'current', 'superseded'] as const;
/** Languages a step type's label may have; de and en are required, the plan prints in these. */
export const STEP_TYPE_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk'] as const;

/** The catalogue a new network starts with: key, then labels. */
export const DEFAULT_STEP_TYPES: [string, Record<(typeof STEP_TYPE_LANGUAGES)[number], string>][] = [
  ['cv_folder', { de: 'Bewerbungsmappe', en: 'CV folder', ar: 'ملف السيرة الذاتية', fa: 'پوشه رزومه', uk: 'Резюме та документи' }],
  ['cover_letter', { de: 'Anschreiben', en: 'Cover letter', ar: 'رسالة التقديم', fa: 'نامه درخواست', uk: 'Супровідний лист' }],
  [
    'online_job_search',
    {
      de: 'Training Online-Stellensuche',
      en: 'Online job search training',
      ar: 'تدريب البحث عن عمل عبر الإنترنت',
      fa: 'آموزش جستجوی آنلاین کار',
      uk: 'Тренінг з онлайн-пошуку роботи',
    },
  ],
  [
    'interview_training',
    {
      de: 'Vorstellungsgespräch üben',
      en: 'Interview training',
      ar: 'التدريب على المقابلة',
      fa: 'تمرین مصاحبه',
      uk: 'Тренування співбесіди',
    },
  ],
  ['language_course', { de: 'Sprachkurs', en: 'Language course', ar: 'دورة لغة', fa: 'دوره زبان', uk: 'Мовний курс' }],
  ['qualification', { de: 'Qualifizierung', en: 'Qualification', ar: 'تأهيل مهني', fa: 'دوره مهارتی', uk: 'Кваліфікація' }],
  ['internship', { de: 'Praktikum', en: 'Internship', ar: 'تدريب عملي', fa: 'کارآموزی', uk: 'Стажування' }],
  [
    'recognition',
    { de: 'Anerkennung des Abschlusses', en: 'Recognition of a degree', ar: 'معادلة الشهادة', fa: 'ارزشیابی مدرک', uk: 'Визнання диплома' },
  ],
  [
    'childcare',
    {
      de: 'Kinderbetreuung klären',
      en: 'Childcare arrangement',
      ar: 'ترتيب رعاية الأطفال',
      fa: 'ترتیب نگهداری کودک',
      uk: 'Догляд за дітьми',
    },
  ],
  [
    'health',
    {
      de: 'Gesundheitsbezogener Schritt',
      en: 'Health-related step',
      ar: 'خطوة صحية',
      fa: 'اقدام مرتبط با سلامت',
      uk: 'Крок щодо здоровʼя',
    },
  ],
  [
    'job_application',
    { de: 'Bewerbungen', en: 'Job applications', ar: 'طلبات التوظيف', fa: 'درخواست‌های شغلی', uk: 'Подання заявок на роботу' },
  ],
  [
    'work_permission',
    {
      de: 'Beschäftigungserlaubnis bei der Ausländerbehörde beantragen',
      en: "Request work permission from the foreigners' office",
      ar: 'طلب تصريح العمل من دائرة الأجانب',
      fa: 'درخواست اجازه کار از اداره اتباع خارجی',
      uk: 'Подати заяву на дозвіл на роботу до відомства у справах іноземців',
    },
  ],
  ['other', { de: 'Sonstiges', en: 'Other', ar: 'أخرى', fa: 'سایر', uk: 'Інше' }],
];
/** The step types that record application coaching (CV, cover letter, online job search, interview practice). */
export const APPLICATION_COACHING_STEP_TYPES = ['cv_folder', 'cover_letter', 'online_job_search', 'interview_training'] as const;

export const StepTypeLabels = z.object({
  de: z.string().trim().min(1).max(120),
  en: z.string().trim().min(1).max(120),
  ar: z.string().trim().max(120).optional(),
  fa: z.string().trim().max(120).optional(),
  uk: z.string().trim().max(120).optional(),
});

export const StepTypeView = z.object({ id: z.uuid(), key: z.string(), labels: StepTypeLabels, active: z.boolean() });
export type StepTypeView = z.infer<typeof StepTypeView>;

export const StepTypeCreateInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Lower-case letters, digits and _' }),
  labels: StepTypeLabels,
});
export type StepTypeCreateInput = z.infer<typeof StepTypeCreateInput>;

const Text = (max: number) => z.string().trim().max(max);

export const StepInput = z.object({
  /** Keeps a step's identity across versions; absent for a new step. */
  lineageId: z.uuid().optional(),
  stepTypeId: z.uuid(),
  text: Text(2000).default(''),
  responsibleOrganisationId: z.uuid(),
  dueOn: IsoDate.nullish(),
  status: z.enum(STEP_STATUSES).default('open'),
  statusNote: Text(2000).nullish(),
});
export const GoalInput = z.object({
  lineageId: z.uuid().optional(),
  title: Text(500).min(1, { error: 'A goal needs a title' }),
  steps: z.array(StepInput).max(50),
});
/** The whole draft, saved at once: goals in order, each with its steps in order. */
export const PlanDraftInput = z.object({
  version: z.number().int().positive(),
  goals: z.array(GoalInput).max(30),
});
export type PlanDraftInput = z.infer<typeof PlanDraftInput>;

export const PlanFinaliseInput = z.object({
  version: z.number().int().positive(),
  /** The day the plan was discussed with the participant. */
  discussedOn: PastDate,
  /** Who took part, e.g. "Teilnehmerin, Fallmanagerin, Dolmetscher (Arabisch)". */
  attendees: Text(1000).min(1, { error: 'Say who took part' }),
});
export type PlanFinaliseInput = z.infer<typeof PlanFinaliseInput>;

export const StepStatusInput = z.object({
  version: z.number().int().positive(),
  status: z.enum(STEP_STATUSES),
  statusNote: Text(2000).nullish(),
});
export type StepStatusInput = z.infer<typeof StepStatusInput>;

export const StepView = z.object({
  id: z.uuid(),
  lineageId: z.uuid(),
  stepTypeId: z.uuid(),
  stepTypeKey: z.string(),
  stepTypeLabels: StepTypeLabels,
  text: z.string(),
  responsibleOrganisationId: z.uuid(),
  responsibleOrganisationName: z.string(),
  dueOn: IsoDate.nullable(),
  status: z.enum(STEP_STATUSES),
  statusNote: z.string().nullable(),
  version: z.number().int(),
});
export type StepView = z.infer<typeof StepView>;

export const GoalView = z.object({ id: z.uuid(), lineageId: z.uuid(), title: z.string(), steps: z.array(StepView) });
export type GoalView = z.infer<typeof GoalView>;

export const PlanVersionView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  caseId: z.uuid(),
  number: z.number().int(),
  state: z.enum(PLAN_STATES),
  discussedOn: IsoDate.nullable(),
  attendees: z.string().nullable(),
  finalisedAt: z.iso.datetime().nullable(),
  finalisedByName: z.string().nullable(),
  /** The case conference this draft was drawn up from. */
  conferenceId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  goals: z.array(GoalView),
  version: z.number().int(),
});
export type PlanVersionView = z.infer<typeof PlanVersionView>;

export const PlanVersionSummary = PlanVersionView.omit({ goals: true });
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

export const PlanOverview = z.object({
  current: PlanVersionView.nullable(),
  draft: PlanVersionView.nullable(),
  versions: z.array(PlanVersionSummary),
});
export type PlanOverview = z.infer<typeof PlanOverview>;

const Change = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const PlanDiff = z.object({
  from: PlanVersionSummary,
  to: PlanVersionSummary,
  goals: z.array(
    z.object({
      lineageId: z.uuid(),
      title: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      changes: z.array(Change),
      steps: z.array(
        z.object({
          lineageId: z.uuid(),
          text: z.string(),
          stepTypeKey: z.string(),
          stepTypeLabels: StepTypeLabels,
          change: z.enum(['added', 'removed', 'changed', 'unchanged']),
          changes: z.array(Change),
        }),
      ),
    }),
  ),
});
export type PlanDiff = z.infer<typeof PlanDiff>;

export const PlanDiffQuery = z.object({ from: z.uuid(), to: z.uuid() });
export const PlanPdfQuery = z.object({ language: z.enum(['de', 'en', 'ar', 'fa', 'uk']).default('de') });

/** Application coaching as the current plan records it; status null: no such step in the plan. */
export const ApplicationCoachingView = z.object({
  steps: z.array(
    z.object({
      stepTypeKey: z.enum(APPLICATION_COACHING_STEP_TYPES),
      status: z.enum(STEP_STATUSES).nullable(),
      dueOn: IsoDate.nullable(),
    }),
  ),
});
export type ApplicationCoachingView = z.infer<typeof ApplicationCoachingView>;
