import type { Db } from '../db/database.ts';
import { addDays, today } from '../dates.ts';
import { recordConsent } from '../modules/consents/consents.service.ts';
import { enrol } from '../modules/offers/enrolments.service.ts';
import type { OfferCreateInput } from '../modules/offers/offers.schemas.ts';
import { createOffer } from '../modules/offers/offers.service.ts';
import { contextOf } from './cycle-demo.ts';

// The demo's offers: the qualification partner's courses and the activation partner's
// offers for women and young people, one of them nearly full; one Wuppertal participant
// with a support plan is enrolled in the German course from the plan's language step
// (consent to the provider recorded first).

export async function loadDemoOffers(db: Db, networkId: string): Promise<void> {
  const admin = await contextOf(db, networkId, 'admin@lotse.example');
  const cm = await contextOf(db, networkId, 'fallmanager@lotse.example');
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).where('network_id', '=', networkId).execute();
  const org = (prefix: string) => orgs.find((o) => o.name.startsWith(prefix))!.id;
  const qualification = org('Qualifizierung');
  const activation = org('Aktiv');
  const offer = (o: Omit<OfferCreateInput, 'description' | 'language' | 'childcare' | 'targetGroups'> & Partial<OfferCreateInput>) =>
    createOffer(db, admin, { description: '', language: 'de', childcare: false, targetGroups: [], ...o });

  const german = await offer({
    providerOrganisationId: qualification,
    kind: 'language_course',
    title: 'Deutsch für den Beruf B1',
    description: 'Berufsbezogener Sprachkurs mit Bewerbungstraining',
    startsOn: addDays(today(), -14),
    endsOn: addDays(today(), 120),
    schedule: 'Mo–Do 9–12:30 Uhr',
    place: 'Wuppertal-Elberfeld, Hofaue 55',
    capacity: 14,
  });
  await offer({
    providerOrganisationId: qualification,
    kind: 'qualification',
    title: 'Staplerschein mit Lagerpraxis',
    startsOn: addDays(today(), 21),
    endsOn: addDays(today(), 35),
    schedule: 'Mo–Fr 8–15 Uhr',
    place: 'Wuppertal-Vohwinkel',
    capacity: 8,
  });
  await offer({
    providerOrganisationId: qualification,
    kind: 'internship',
    title: 'Praktikum in der Altenpflege',
    startsOn: addDays(today(), 30),
    endsOn: addDays(today(), 90),
    place: 'Seniorenzentrum Barmen',
    capacity: 4,
    targetGroups: ['older_people'],
  });
  await offer({
    providerOrganisationId: activation,
    kind: 'low_threshold_training',
    title: 'Frauencafé: Arbeit und Familie',
    startsOn: addDays(today(), -7),
    endsOn: addDays(today(), 180),
    schedule: 'Mittwochs 10–12 Uhr',
    place: 'Solingen-Mitte',
    capacity: 12,
    childcare: true,
    targetGroups: ['women', 'family_and_work'],
  });
  await offer({
    providerOrganisationId: activation,
    kind: 'application_training',
    title: 'Bewerbungswerkstatt U25',
    startsOn: addDays(today(), 7),
    endsOn: addDays(today(), 49),
    schedule: 'Dienstags 14–17 Uhr',
    capacity: 1,
    targetGroups: ['young_people'],
  });

  // A current plan with a language step: enrol that person in the German course.
  const step = await db
    .selectFrom('plan_steps')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_steps.plan_version_id')
    .innerJoin('step_types', 'step_types.id', 'plan_steps.step_type_id')
    .innerJoin('participants', 'participants.id', 'plan_versions.participant_id')
    .innerJoin('cases', 'cases.id', 'plan_versions.case_id')
    .select(['plan_steps.id', 'plan_versions.participant_id'])
    .where('plan_steps.network_id', '=', networkId)
    .where('plan_versions.state', '=', 'current')
    .where('step_types.key', '=', 'language_course')
    .where('plan_steps.status', '=', 'open')
    .where('cases.status', 'in', ['invited', 'active', 'paused'])
    .where('participants.office_id', '=', org('Fallmanagement Wuppertal'))
    .orderBy('plan_versions.created_at')
    .executeTakeFirst();
  if (!step) return;
  await recordConsent(db, cm, step.participant_id, {
    recipientOrganisationId: qualification,
    categories: ['contact', 'personal'],
    formVersion: '2026-11',
    language: 'de',
    givenOn: addDays(today(), -2),
    method: 'signed_form',
  });
  await enrol(db, cm, german.id, { participantId: step.participant_id, planStepId: step.id });
}
