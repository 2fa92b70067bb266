import type { Db } from '../db/database.ts';
import { addDays, today } from '../dates.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { recordConsent } from '../modules/consents/consents.service.ts';
import { createMeeting } from '../modules/mentorships/mentee.service.ts';
import { createMentorship } from '../modules/mentorships/mentorships.service.ts';
import { createVolunteer, updateSettings } from '../modules/volunteers/volunteers.service.ts';
import { contextOf } from './cycle-demo.ts';
import { DEMO_PASSWORD } from './demo-data.ts';

// The demo's volunteers: the mentor group's two mentors with logins (Peter Hoffmann is
// pate@, Aylin Demir patin@), a third volunteer without a login still in onboarding, the
// network's certificate rule, and one mentorship of Peter's with a meeting held and one agreed.

export const SECOND_MENTOR_EMAIL = 'patin@lotse.example';

export async function loadDemoMentorships(db: Db, networkId: string): Promise<void> {
  const group = await db
    .selectFrom('organisations')
    .select('id')
    .where('network_id', '=', networkId)
    .where('kind', '=', 'volunteer_group')
    .executeTakeFirstOrThrow();
  const aylin = await db
    .insertInto('users')
    .values({
      network_id: networkId,
      email: SECOND_MENTOR_EMAIL,
      display_name: 'Aylin Demir',
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ network_id: networkId, user_id: aylin.id, organisation_id: group.id, role: 'mentor' })
    .execute();

  const admin = await contextOf(db, networkId, 'admin@lotse.example');
  const cm = await contextOf(db, networkId, 'fallmanager@lotse.example');
  const peterUser = await contextOf(db, networkId, 'pate@lotse.example');
  await updateSettings(db, admin, { certificateRequired: true, certificateMaxAgeMonths: 60, version: 1 });
  const signed = addDays(today(), -120);
  const peter = await createVolunteer(db, admin, {
    organisationId: group.id,
    userId: peterUser.actor.userId,
    displayName: 'Peter Hoffmann',
    email: 'pate@lotse.example',
    phone: '0202 987 6543',
    languages: ['deutsch', 'arabisch', 'englisch'],
    skills: ['bewerbungen', 'behördengänge'],
    profession: 'Elektromeister im Ruhestand',
    availability: 'Dienstag und Donnerstag ab 16 Uhr',
    postcode: '42105',
    maxMentees: 2,
    agreementSignedOn: signed,
    pledgeSignedOn: signed,
    certificateIssuedOn: addDays(signed, -14),
    status: 'active',
  });
  await createVolunteer(db, admin, {
    organisationId: group.id,
    userId: aylin.id,
    displayName: 'Aylin Demir',
    email: SECOND_MENTOR_EMAIL,
    phone: null,
    languages: ['deutsch', 'türkisch', 'kurdisch'],
    skills: ['buchhaltung'],
    profession: 'Bürokauffrau',
    availability: 'Samstags',
    postcode: '42651',
    maxMentees: 1,
    agreementSignedOn: signed,
    pledgeSignedOn: signed,
    certificateIssuedOn: signed,
    status: 'active',
  });
  await createVolunteer(db, admin, {
    organisationId: group.id,
    displayName: 'Gisela Brandt',
    languages: ['deutsch', 'russisch', 'ukrainisch'],
    skills: [],
    profession: 'Pflegefachkraft',
    availability: '',
    postcode: '42277',
    maxMentees: 1,
    agreementSignedOn: addDays(today(), -5),
    status: 'active',
  });

  // Peter's mentee: an active Wuppertal participant who consented to the mentor group.
  const mentee = await db
    .selectFrom('participants')
    .select('id')
    .where('network_id', '=', networkId)
    .where(
      'office_id',
      'in',
      cm.actor.memberships.map((m) => m.organisationId!),
    )
    .where('case_status', '=', 'active')
    .orderBy('family_name', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!mentee) return;
  await db
    .updateTable('participants')
    .set({ phone: '0176 555 0142', languages: JSON.stringify([{ language: 'Arabisch', level: 'native' }]) })
    .where('id', '=', mentee.id)
    .execute();
  await recordConsent(db, cm, mentee.id, {
    recipientOrganisationId: group.id,
    categories: ['contact'],
    formVersion: '2026-11',
    language: 'ar',
    givenOn: addDays(today(), -30),
    method: 'signed_form',
  });
  const mentorship = await createMentorship(db, cm, {
    participantId: mentee.id,
    volunteerId: peter.id,
    kind: 'participant',
    startsOn: addDays(today(), -21),
    goals: 'Bewerbungsunterlagen fertigstellen, Vorstellungsgespräche üben, Behördenpost gemeinsam lesen',
  });
  await createMeeting(db, peterUser, mentorship.id, {
    meetsOn: addDays(today(), -7),
    startsAt: '17:00',
    place: 'Stadtteilbibliothek',
    status: 'held',
    hours: 1.5,
    note: 'Lebenslauf begonnen',
  });
  await createMeeting(db, peterUser, mentorship.id, {
    meetsOn: addDays(today(), 5),
    startsAt: '16:30',
    place: 'Stadtteilbibliothek',
    status: 'planned',
    note: '',
  });
}
