import assert from 'node:assert/strict';
import type { ApiClient, TestApp } from './app.ts';
import { giveConsent } from './cycle.ts';
import { createParticipant } from './participants.ts';

// Volunteers as a network admin makes them through the API: a login with the mentor role
// in the demo's volunteer group, and a profile onboarded today unless told otherwise.

export const MENTOR_PASSWORD = 'patin-passwort-1';
export const today = () => new Date().toISOString().slice(0, 10);

export interface VolunteerJson {
  id: string;
  version: number;
  userId: string | null;
  onboardingGaps: string[];
  activeMentorships: number;
}

/** A user with the mentor role in the group; returns its id. */
export async function createMentorLogin(admin: ApiClient, groupId: string, email: string, displayName: string): Promise<string> {
  const res = await admin.post('/api/users', {
    email,
    displayName,
    password: MENTOR_PASSWORD,
    memberships: [{ role: 'mentor', organisationId: groupId }],
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}

/** A volunteer profile in the group, signed and with a fresh certificate unless the body says otherwise. */
export async function createVolunteer(client: ApiClient, groupId: string, body: Record<string, unknown> = {}): Promise<VolunteerJson> {
  const res = await client.post('/api/volunteers', {
    organisationId: groupId,
    displayName: 'Vera Volunteer',
    agreementSignedOn: today(),
    pledgeSignedOn: today(),
    certificateIssuedOn: today(),
    ...body,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<VolunteerJson>();
}

/** A Wuppertal participant who speaks Arabic, wants to work in electrical installation, and consented (if given) to the group. */
export async function createMentee(t: TestApp, cm: ApiClient, groupId: string, categories: string[] | null = ['contact']) {
  const person = await createParticipant(t, cm, {
    phone: '0202 555 0101',
    email: 'mentee@example.org',
    postcode: '42105',
    languages: [{ language: 'Arabisch', level: 'native' }],
  });
  const goals = await cm.put(`/api/participants/${person.id}/intake/goals`, { data: { desiredOccupations: ['Elektroinstallation'] } });
  assert.equal(goals.statusCode, 200, goals.body);
  const consent = categories ? await giveConsent(cm, person.id, groupId, categories) : null;
  return { ...person, consent };
}
