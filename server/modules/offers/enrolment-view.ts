import type { Db, Tx } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope } from '../access/policy.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import type { ConsentCategory } from '../consents/consents.schemas.ts';
import { attendanceOf, waitingPositions, type EnrolmentRow } from './enrolments.queries.ts';
import type { EnrolmentView } from './enrolments.schemas.ts';

// An enrolment as the actor may see it. The office sees its participant's case file anyway;
// the provider sees the name and, of the rest, only what a consent to the provider covers
// today — recomputed on every request, so a withdrawal closes it at once.

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function toEnrolmentViews(db: Db | Tx, ctx: ServiceContext, rows: EnrolmentRow[]): Promise<EnrolmentView[]> {
  const offices = new Set(participantOfficeScope(ctx.actor));
  const attendance = await attendanceOf(
    db,
    rows.map((r) => r.id),
  );
  const positions = await waitingPositions(
    db,
    rows.filter((r) => r.state === 'waiting').map((r) => r.offer_id),
  );
  const views: EnrolmentView[] = [];
  for (const r of rows) {
    const shared: ConsentCategory[] | null = offices.has(r.office_id)
      ? null
      : [...(await consentedCategories(db, r.participant_id, r.provider_id))];
    const has = (c: ConsentCategory) => shared === null || shared.includes(c);
    views.push({
      id: r.id,
      offerId: r.offer_id,
      offerTitle: r.offer_title,
      offerKind: r.offer_kind,
      offerStartsOn: r.offer_starts_on,
      offerEndsOn: r.offer_ends_on,
      providerName: r.provider_name,
      participantId: r.participant_id,
      person: {
        givenNames: r.given_names,
        familyName: r.family_name,
        preferredName: r.preferred_name,
        shared,
        contact: has('contact') ? { phone: r.phone, email: r.email } : null,
        personal: has('personal') ? { birthDate: r.birth_date, germanLevel: r.german_level, childcareNeeded: r.childcare_needed } : null,
      },
      stepLineageId: r.step_lineage_id,
      state: r.state,
      waitingPosition: positions.get(r.id) ?? null,
      requestedAt: iso(r.requested_at)!,
      enrolledAt: iso(r.enrolled_at),
      completedOn: r.completed_on,
      certificate: r.certificate,
      certificateName: r.certificate_name,
      certificateOn: r.certificate_on,
      endedOn: r.ended_on,
      endReason: r.end_reason,
      attendance: attendance
        .filter((a) => a.enrolment_id === r.id)
        .map((a) => ({ sessionOn: a.session_on, status: a.status, version: a.version })),
      version: r.version,
    });
  }
  return views;
}
