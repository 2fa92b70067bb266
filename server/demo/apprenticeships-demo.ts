import type { Db } from '../db/database.ts';
import { addDays, addMonths, today } from '../dates.ts';
import { recordCheckIn } from '../modules/apprenticeships/apprenticeships.progress.ts';
import { createAgreement } from '../modules/apprenticeships/apprenticeships.service.ts';
import { recordConsent } from '../modules/consents/consents.service.ts';
import { createPlacement } from '../modules/placements/placements.service.ts';
import { contextOf } from './cycle-demo.ts';

// The demo's Wegbereiter: one Wuppertal participant placed into an apprenticeship at the
// bakery two months ago, with consent to share plan and progress with it, a support
// agreement with three needs, and two check-ins whose repeated missed school days put the
// apprenticeship at high risk, so that the at-risk list has something to show.

export async function loadDemoApprenticeships(db: Db, networkId: string): Promise<void> {
  const cm = await contextOf(db, networkId, 'fallmanager@lotse.example');
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).where('network_id', '=', networkId).execute();
  const bakery = orgs.find((o) => o.name.startsWith('Bäckerei'))!.id;
  const office = orgs.find((o) => o.name.startsWith('Fallmanagement Wuppertal'))!.id;
  const startsOn = addDays(today(), -60);
  // Someone whose case is open and began well before the start; the jobs demo's candidate is proposed elsewhere.
  const person = await db
    .selectFrom('participants')
    .innerJoin('cases', 'cases.id', 'participants.current_case_id')
    .select('participants.id')
    .where('participants.network_id', '=', networkId)
    .where('participants.office_id', '=', office)
    .where('cases.status', '=', 'active')
    .where('cases.entry_date', '<=', addDays(startsOn, -30))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('proposals').select('id').whereRef('proposals.participant_id', '=', 'participants.id'))))
    .orderBy('participants.family_name', 'desc')
    .orderBy('participants.id')
    .executeTakeFirst();
  if (!person) return;
  const users = await db.selectFrom('users').select(['id', 'email']).where('network_id', '=', networkId).execute();
  const user = (email: string) => users.find((u) => u.email === email)!.id;

  await recordConsent(db, cm, person.id, {
    recipientOrganisationId: bakery,
    categories: ['contact', 'plan_progress'],
    formVersion: '2026-11',
    language: 'ar',
    givenOn: addDays(startsOn, -14),
    method: 'signed_form',
  });
  const placement = await createPlacement(db, cm, person.id, {
    kind: 'apprenticeship',
    firstLabourMarket: true,
    employerId: bakery,
    startsOn,
    hoursPerWeek: 39,
    occupation: 'Bäcker/in',
  });
  const agreement = await createAgreement(db, cm, {
    placementId: placement.id,
    companyContactUserId: user('arbeitgeber@lotse.example'),
    companyContactName: 'Sabine Sonnenschein (Ausbilderin)',
    vocationalSchool: 'Berufskolleg Elberfeld',
    occupation: 'Bäcker/in',
    startsOn,
    plannedEndOn: addMonths(startsOn, 36),
    needs: [
      { area: 'vocational_school', helperKind: 'mentor', helperUserId: user('pate@lotse.example'), note: 'Fachrechnen, donnerstags' },
      { area: 'german_for_work', helperKind: 'company', note: 'Fachbegriffe in der Backstube' },
      { area: 'authorities', helperKind: 'staff', helperUserId: user('fallmanager@lotse.example') },
    ],
  });
  await recordCheckIn(db, cm, agreement.id, {
    heldOn: addDays(today(), -35),
    heldWith: 'both',
    notes: 'Guter Start im Betrieb; zwei Fehltage in der Berufsschule wegen Terminen bei der Ausländerbehörde.',
    signals: ['missed_school_days'],
    nextCheckInOn: addDays(today(), -7),
  });
  await recordCheckIn(db, cm, agreement.id, {
    heldOn: addDays(today(), -7),
    heldWith: 'apprentice',
    notes: 'Wieder Fehltage, erste Klassenarbeit mangelhaft. Pate übernimmt Nachhilfe.',
    signals: ['missed_school_days', 'poor_grades'],
    nextCheckInOn: addDays(today(), 7),
  });
}
