import type { ApiClient, TestApp } from './app.ts';
import { demoIds } from './factories.ts';

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
/** A made-up name part of three syllables: different spellings fold to different names. */
function randomName(): string {
  let name = '';
  for (let i = 0; i < 3; i++)
    name += CONSONANTS[Math.floor(Math.random() * CONSONANTS.length)]! + VOWELS[Math.floor(Math.random() * VOWELS.length)]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

/** A fresh participant in the Wuppertal office, created through the API as the case manager would. */
export async function createParticipant(t: TestApp, cm: ApiClient, person: Record<string, unknown> = {}) {
  const ids = await demoIds(t.database.db);
  const city = await t.database.db.selectFrom('cities').select('id').where('name', '=', 'Wuppertal').executeTakeFirstOrThrow();
  const birthDate = new Date(
    Date.UTC(1960 + Math.floor(Math.random() * 40), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)),
  )
    .toISOString()
    .slice(0, 10);
  const res = await cm.post('/api/participants', {
    officeId: ids.org('Fallmanagement Wuppertal'),
    cityId: city.id,
    givenNames: randomName(),
    familyName: randomName(),
    birthDate,
    status: 'active',
    ...person,
  });
  if (res.statusCode !== 201) throw new Error(`could not create participant: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; version: number; currentCase: { id: string; version: number } }>();
}
