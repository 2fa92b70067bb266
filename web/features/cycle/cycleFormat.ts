import type { MeView } from '../../../server/modules/auth/auth.schemas.ts';
import type { StepTypeView } from '../../../server/modules/plans/plans.schemas.ts';

// Small pure helpers of the cycle pages: step type labels in the UI language, the
// appointment's date and time as form fields and back, and which side the user is on.

/** A step type's label in the UI language, German where none is given. */
export function stepTypeLabel(labels: StepTypeView['labels'], language: string): string {
  const code = language.split('-')[0] as keyof StepTypeView['labels'];
  return labels[code] || labels.de;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the local date (YYYY-MM-DD) and time (HH:MM) the form fields show. */
export function localDateTime(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** The local date and time of the form as an ISO instant with this browser's UTC offset (e.g. +01:00). */
export function isoWithOffset(date: string, time: string): string {
  const local = new Date(`${date}T${time}:00`);
  const minutes = -local.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whether a due date lies before the given day (both YYYY-MM-DD). */
export function isOverdue(dueOn: string | null, today: string): boolean {
  return !!dueOn && dueOn < today;
}

/** The user works for this partner organisation (as one of its caseworkers). */
export function isPartnerSide(me: MeView, partnerOrganisationId: string): boolean {
  return me.memberships.some((m) => m.role === 'partner_caseworker' && m.organisationId === partnerOrganisationId);
}

/** A case manager (the office side of the cycle). */
export function isCaseManager(me: MeView): boolean {
  return me.memberships.some((m) => m.role === 'case_manager');
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(): string {
  return localDateTime(new Date().toISOString()).date;
}
