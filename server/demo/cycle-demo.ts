import type { Db } from '../db/database.ts';
import { addDays, today } from '../dates.ts';
import type { ServiceContext } from '../http/context.ts';
import { loadMemberships } from '../modules/auth/auth.queries.ts';
import { finalisePlan, saveDraft, startDraft } from '../modules/plans/plans.service.ts';
import { acceptReferral } from '../modules/referrals/answers.service.ts';
import { createReferral, sendReferral } from '../modules/referrals/referrals.service.ts';
import { updateTaskProgress } from '../modules/referrals/tasks.service.ts';

// The demo's cycle: some Wuppertal participants have a plan, were referred to the job
// coaching partner, and are at different points of their cycle. Played through the
// services as the case manager and the job coach would, so that it is audited like
// real work and obeys the same rules.

/** The service context of a demo user, to play the demo through the services. */
export async function contextOf(db: Db, networkId: string, email: string): Promise<ServiceContext> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('network_id', '=', networkId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { networkId, requestId: 'demo', actor: { userId: user.id, networkId, memberships: await loadMemberships(db, user.id) } };
}

const GOALS = [
  { title: 'Eine Stelle in der Lagerlogistik finden', steps: ['cv_folder', 'online_job_search', 'interview_training'] },
  { title: 'Deutsch auf B1 verbessern', steps: ['language_course'] },
  { title: 'Kinderbetreuung sichern', steps: ['childcare'] },
] as const;

const TEXTS: Record<string, string> = {
  cv_folder: 'Lebenslauf und Anschreiben auf Deutsch erstellen',
  online_job_search: 'Profil bei der Jobbörse anlegen, zwei Bewerbungen pro Woche',
  interview_training: 'Zwei Probegespräche führen',
  language_course: 'Anmeldung zum Berufssprachkurs B1',
  childcare: 'Kita-Platz beim Jugendamt beantragen',
};

export async function loadDemoCycle(db: Db, networkId: string): Promise<void> {
  const cm = await contextOf(db, networkId, 'fallmanager@lotse.example');
  const coach = await contextOf(db, networkId, 'jobcoach@lotse.example');
  const orgs = await db.selectFrom('organisations').select(['id', 'name', 'kind']).where('network_id', '=', networkId).execute();
  const office = orgs.find((o) => o.name === 'Fallmanagement Wuppertal')!.id;
  const jobCoaching = orgs.find((o) => o.name.startsWith('Jobcoaching'))!.id;
  const types = new Map(
    (await db.selectFrom('step_types').select(['id', 'key']).where('network_id', '=', networkId).execute()).map((t) => [t.key, t.id]),
  );
  // Active Wuppertal participants who consented to share with the job coaching partner.
  const people = await db
    .selectFrom('participants')
    .innerJoin('consents', 'consents.participant_id', 'participants.id')
    .select(['participants.id', 'participants.family_name'])
    .where('participants.network_id', '=', networkId)
    .where('participants.office_id', '=', office)
    .where('participants.case_status', '=', 'active')
    .where('consents.recipient_organisation_id', '=', jobCoaching)
    .where('consents.withdrawn_at', 'is', null)
    .distinct()
    .orderBy('participants.family_name')
    .limit(8)
    .execute();

  for (const [i, { id }] of people.entries()) {
    const draft = await startDraft(db, cm, id);
    const goals = GOALS.slice(0, 1 + (i % 3)).map((goal, g) => ({
      title: goal.title,
      steps: goal.steps.map((key, s) => ({
        stepTypeId: types.get(key)!,
        text: TEXTS[key]!,
        // The job search steps are the partner's; language and childcare stay with the office.
        responsibleOrganisationId: g === 0 ? jobCoaching : office,
        dueOn: addDays(today(), 7 * (s + 1) + i),
        status: 'open' as const,
      })),
    }));
    const saved = await saveDraft(db, cm, draft.id, { version: draft.version, goals });
    await finalisePlan(db, cm, draft.id, {
      version: saved.version,
      discussedOn: addDays(today(), -10 - i),
      attendees: 'Teilnehmende, Fallmanagerin',
    });
    if (i >= 6) continue; // two people have a plan and no referral yet

    const partnerSteps = saved.goals[0]!.steps;
    // Cycles that started at different times; the first started five months ago, so its conference is near.
    const startsOn = i === 0 ? addDays(today(), -150) : addDays(today(), -7 * i);
    const referral = await createReferral(db, cm, id, {
      partnerOrganisationId: jobCoaching,
      startsOn,
      categories: ['contact', 'education_work', 'plan_progress'],
      tasks: partnerSteps.map((s) => ({ stepLineageId: s.lineageId, stepTypeId: s.stepTypeId, text: s.text, dueOn: s.dueOn })),
      message: 'Bitte Kontakt innerhalb von zwei Wochen aufnehmen.',
    });
    const sent = await sendReferral(db, cm, referral.id, { version: referral.version });
    if (i === 5) continue; // waits in the partner's inbox
    const accepted = await acceptReferral(db, coach, referral.id, { version: sent.version, caseworkerId: coach.actor.userId });
    const first = accepted.tasks[0]!;
    await updateTaskProgress(db, coach, first.id, {
      version: first.version,
      status: i % 2 === 0 ? 'done' : 'in_progress',
      progressNote: i % 2 === 0 ? 'Mappe fertig und geprüft' : 'Entwurf liegt vor',
    });
  }
}
