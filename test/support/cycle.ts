import type { ApiClient, TestApp } from './app.ts';
import { demoIds } from './factories.ts';
import { createParticipant } from './participants.ts';

// Builds the steps of the cycle through the API, as a case manager would: a participant
// with a finalised plan, and a referral to a partner.

export const today = () => new Date().toISOString().slice(0, 10);

export async function stepTypeId(cm: ApiClient, key: string): Promise<string> {
  const types = (await cm.get('/api/step-types')).json<{ id: string; key: string }[]>();
  return types.find((s) => s.key === key)!.id;
}

/** A participant whose current plan has one goal with a step for the partner and one for the office. */
export async function participantWithPlan(t: TestApp, cm: ApiClient, partnerName = 'Jobcoaching') {
  const ids = await demoIds(t.database.db);
  const person = await createParticipant(t, cm);
  const draft = (await cm.post(`/api/participants/${person.id}/plan/draft`)).json<{ id: string; version: number }>();
  const saved = await cm.put(`/api/plan-versions/${draft.id}`, {
    version: draft.version,
    goals: [
      {
        title: 'Arbeit als Lagerist finden',
        steps: [
          {
            stepTypeId: await stepTypeId(cm, 'cv_folder'),
            text: 'Lebenslauf auf Deutsch',
            responsibleOrganisationId: ids.org(partnerName),
            dueOn: today(),
          },
          {
            stepTypeId: await stepTypeId(cm, 'language_course'),
            text: 'B1-Kurs anmelden',
            responsibleOrganisationId: ids.org('Fallmanagement Wuppertal'),
          },
        ],
      },
    ],
  });
  if (saved.statusCode !== 200) throw new Error(`plan: ${saved.statusCode} ${saved.body}`);
  const final = await cm.post(`/api/plan-versions/${draft.id}/finalise`, {
    version: saved.json<{ version: number }>().version,
    discussedOn: today(),
    attendees: 'Teilnehmer, Fallmanagerin',
  });
  if (final.statusCode !== 200) throw new Error(`finalise: ${final.statusCode} ${final.body}`);
  const plan = final.json<{ id: string; goals: { steps: { id: string; lineageId: string; stepTypeId: string; text: string }[] }[] }>();
  return { person, plan, ids };
}

export async function giveConsent(cm: ApiClient, participantId: string, organisationId: string, categories: string[]) {
  const res = await cm.post(`/api/participants/${participantId}/consents`, {
    recipientOrganisationId: organisationId,
    categories,
    language: 'ar',
    givenOn: today(),
    method: 'signed_form',
  });
  if (res.statusCode !== 201) throw new Error(`consent: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; version: number }>();
}

export interface ReferralJson {
  id: string;
  state: string;
  version: number;
  caseworkerId: string | null;
  tasks: { id: string; stepLineageId: string | null; status: string; version: number; text: string }[];
  consentCheck: { covered: boolean; missing: string[] } | null;
  previousReferralId: string | null;
}

/** A draft referral to the partner with the plan's partner step and one added task. */
export async function draftReferral(
  cm: ApiClient,
  setup: Awaited<ReturnType<typeof participantWithPlan>>,
  categories: string[],
  partnerName = 'Jobcoaching',
) {
  const step = setup.plan.goals[0]!.steps[0]!;
  const res = await cm.post(`/api/participants/${setup.person.id}/referrals`, {
    partnerOrganisationId: setup.ids.org(partnerName),
    startsOn: today(),
    categories,
    tasks: [
      { stepLineageId: step.lineageId, stepTypeId: step.stepTypeId, text: step.text },
      { stepTypeId: await stepTypeId(cm, 'interview_training'), text: 'Zwei Probegespräche', dueOn: today() },
    ],
  });
  if (res.statusCode !== 201) throw new Error(`referral: ${res.statusCode} ${res.body}`);
  return res.json<ReferralJson>();
}
