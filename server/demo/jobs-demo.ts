import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { addDays, today } from '../dates.ts';
import { recordConsent } from '../modules/consents/consents.service.ts';
import { saveJobProfile } from '../modules/matching/job-profile.service.ts';
import { createProposal, moveStage } from '../modules/proposals/proposals.service.ts';
import { contextOf } from './cycle-demo.ts';

// The demo's jobs: the two employers' profiles and open vacancies, Wuppertal participants
// with a postcode, skills and a job profile so that matching has something to rank, and
// one candidate proposed to the bakery (consent recorded first) who has applied.

const POSTCODES = ['42103', '42105', '42107', '42109', '42111', '42115', '42117', '42119', '42275', '42277', '42283', '42285'];

export async function loadDemoJobs(db: Db, networkId: string): Promise<void> {
  const cm = await contextOf(db, networkId, 'fallmanager@lotse.example');
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).where('network_id', '=', networkId).execute();
  const org = (prefix: string) => orgs.find((o) => o.name.startsWith(prefix))!.id;
  const skills = new Map(
    (await db.selectFrom('skills').select(['id', 'label_de']).where('network_id', '=', networkId).execute()).map((s) => [s.label_de, s.id]),
  );
  const skill = (label: string) => skills.get(label)!;
  const bakery = org('Bäckerei');
  const logistics = org('Wupper Logistik');

  await db
    .updateTable('organisations')
    .set({
      sector: 'Lebensmittelhandwerk',
      size: 'small',
      postcode: '42103',
      address: 'Friedrich-Ebert-Straße 12, 42103 Wuppertal',
      contact_persons: JSON.stringify([
        { name: 'Sabine Sonnenschein', position: 'Inhaberin', phone: '0202 123456', email: 'arbeitgeber@lotse.example' },
      ]),
    })
    .where('id', '=', bakery)
    .execute();
  await db
    .updateTable('organisations')
    .set({ sector: 'Lager und Logistik', size: 'medium', postcode: '42651', address: 'Industriestraße 40, 42651 Solingen' })
    .where('id', '=', logistics)
    .execute();
  await db
    .insertInto('employer_contacts')
    .values({
      network_id: networkId,
      employer_id: logistics,
      kind: 'visit',
      contacted_on: addDays(today(), -14),
      note: 'Betriebsbesuch, zwei Ausbildungsplätze ab Sommer',
      recorded_by: cm.actor.userId,
    })
    .execute();

  const vacancy = (v: {
    employer: string;
    kind: 'job' | 'apprenticeship' | 'internship';
    title: string;
    occupation: string;
    skills: string[];
    german: string;
    postcode: string;
    town: string;
    hours: number;
    shift?: boolean;
    weekend?: boolean;
    licence?: boolean;
    places?: number;
  }) => ({
    network_id: networkId,
    employer_id: v.employer,
    kind: v.kind,
    title: v.title,
    occupation: v.occupation,
    required_skill_ids: v.skills.map(skill),
    german_level: v.german,
    shift_work: v.shift ?? false,
    weekend_work: v.weekend ?? false,
    driving_licence: v.licence ?? false,
    postcode: v.postcode,
    town: v.town,
    hours_per_week: v.hours,
    starts_on: addDays(today(), 30),
    places: v.places ?? 1,
    created_by: cm.actor.userId,
  });
  const [salesJob] = await db
    .insertInto('vacancies')
    .values([
      vacancy({
        employer: bakery,
        kind: 'job',
        title: 'Verkäufer/in Bäckereifiliale (Teilzeit)',
        occupation: 'Fachverkäufer/in im Lebensmittelhandwerk',
        skills: ['Verkauf und Kasse'],
        german: 'A2',
        postcode: '42103',
        town: 'Wuppertal',
        hours: 25,
        weekend: true,
      }),
      vacancy({
        employer: bakery,
        kind: 'apprenticeship',
        title: 'Ausbildung Bäcker/in',
        occupation: 'Bäcker/in',
        skills: ['Gastronomie und Küche'],
        german: 'B1',
        postcode: '42103',
        town: 'Wuppertal',
        hours: 39,
        shift: true,
      }),
      vacancy({
        employer: logistics,
        kind: 'job',
        title: 'Lagerhelfer/in im Schichtbetrieb',
        occupation: 'Lagerhelfer/in',
        skills: ['Lager und Logistik', 'Staplerschein'],
        german: 'A2',
        postcode: '42651',
        town: 'Solingen',
        hours: 38,
        shift: true,
        places: 3,
      }),
      vacancy({
        employer: logistics,
        kind: 'apprenticeship',
        title: 'Ausbildung Fachkraft für Lagerlogistik',
        occupation: 'Fachkraft für Lagerlogistik',
        skills: ['Lager und Logistik'],
        german: 'B1',
        postcode: '42651',
        town: 'Solingen',
        hours: 39,
        places: 2,
      }),
      vacancy({
        employer: logistics,
        kind: 'internship',
        title: 'Praktikum Kommissionierung (4 Wochen)',
        occupation: 'Lagerhelfer/in',
        skills: [],
        german: 'A1',
        postcode: '42651',
        town: 'Solingen',
        hours: 30,
      }),
    ])
    .returning('id')
    .execute();

  // Active Wuppertal people whose document allows work: a postcode, skills and a job profile.
  const people = await db
    .selectFrom('participants')
    .innerJoin('residence_statuses as r', 'r.id', 'participants.current_residence_id')
    .select(['participants.id', 'participants.current_case_id'])
    .where('participants.network_id', '=', networkId)
    .where('participants.office_id', '=', org('Fallmanagement Wuppertal'))
    .where('participants.case_status', '=', 'active')
    .where('r.work_clause', '=', 'permitted')
    .orderBy('participants.family_name')
    .limit(POSTCODES.length)
    .execute();
  const skillSets = [
    ['Verkauf und Kasse', 'Reinigung'],
    ['Lager und Logistik', 'Staplerschein'],
    ['Gastronomie und Küche'],
    ['Lager und Logistik'],
  ];
  for (const [i, p] of people.entries()) {
    await db.updateTable('participants').set({ postcode: POSTCODES[i]!, town: 'Wuppertal' }).where('id', '=', p.id).execute();
    const items = skillSets[i % skillSets.length]!.map((label) => ({ skillId: skill(label), level: 'good' }));
    const sections = JSON.stringify({ skills: { items } });
    await db
      .insertInto('intakes')
      .values({ network_id: networkId, participant_id: p.id, case_id: p.current_case_id!, sections })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ sections: sql`intakes.sections || ${sections}::jsonb` }))
      .execute();
    await saveJobProfile(db, cm, p.id, { reachability: i % 3 === 0 ? 'car' : 'public_transport', maxHoursPerWeek: i % 2 ? 30 : 39 });
  }

  const candidate = people[0];
  if (!candidate || !salesJob) return;
  await recordConsent(db, cm, candidate.id, {
    recipientOrganisationId: bakery,
    categories: ['contact', 'personal', 'education_work'],
    formVersion: '2026-11',
    language: 'de',
    givenOn: addDays(today(), -3),
    method: 'signed_form',
  });
  const proposal = await createProposal(db, cm, {
    vacancyId: salesJob.id,
    participantId: candidate.id,
    note: 'Erfahrung im Verkauf in Syrien',
  });
  await moveStage(db, cm, proposal.id, { stage: 'applied', version: proposal.version });
}
