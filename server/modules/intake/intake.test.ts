import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createParticipant } from '../../../test/support/participants.ts';

for (const kind of testDatabaseKinds()) {
  describe(`intake [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
    });
    after(() => t.close());

    test('the intake is saved section by section, each with its own version check', async () => {
      const person = await createParticipant(t, cm);
      const put = (section: string, body: unknown) => cm.request('PUT', `/api/participants/${person.id}/intake/${section}`, body);
      const first = await put('education', {
        data: { schoolYears: 12, schoolCountry: 'Syrien', highestDegree: 'Abitur', iscedLevel: 3 },
        conductedOn: '2026-11-12',
      });
      assert.equal(first.statusCode, 200, first.body);
      const skills = (await cm.get('/api/skills')).json();
      const second = await put('skills', { data: { items: [{ skillId: skills[0].id, level: 'good' }] }, version: first.json().version });
      assert.equal(second.statusCode, 200, second.body);
      await put('qualifications', {
        data: {
          items: [
            { title: 'Bauingenieur (B.Sc.)', country: 'Syrien', year: 2012, recognition: 'in_progress', recognitionBody: 'IngKammer NRW' },
          ],
        },
        version: second.json().version,
      });
      const intake = (await cm.get(`/api/participants/${person.id}/intake`)).json();
      assert.deepEqual(Object.keys(intake.sections).sort(), ['education', 'qualifications', 'skills']);
      assert.equal(intake.conductedOn, '2026-11-12');
      assert.equal(intake.sections.education.iscedLevel, 3);
      const stale = await put('goals', { data: { ownGoals: 'Als Bauzeichner arbeiten' }, version: first.json().version });
      assert.equal(stale.statusCode, 409);
      const timeline = (await cm.get(`/api/participants/${person.id}/timeline`)).json();
      assert.deepEqual(
        timeline.filter((e: { kind: string }) => e.kind === 'intake.saved').map((e: { data: { section: string } }) => e.data.section),
        ['education', 'skills', 'qualifications'],
      );
    });

    test('invalid section data gets messages per field; ESF+ questions accept "no answer"', async () => {
      const person = await createParticipant(t, cm);
      const put = (section: string, body: unknown) => cm.request('PUT', `/api/participants/${person.id}/intake/${section}`, body);
      const bad = await put('education', { data: { schoolYears: -1, iscedLevel: 9 } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(Object.keys(bad.json().fields).sort(), ['data.iscedLevel', 'data.schoolYears']);
      assert.equal((await put('hobbies', { data: {} })).statusCode, 400);
      const unknownSkill = await put('skills', { data: { items: [{ skillId: '5b0e6c1c-1111-4222-8333-944455556666', level: 'good' }] } });
      assert.deepEqual(unknownSkill.json().fields['data.items.0.skillId'], ['Not in the skills catalogue']);
      const esf = await put('esf', {
        data: {
          disability: 'no_answer',
          homelessOrHousingExclusion: 'no',
          ruralArea: 'no',
          foreignBackground: 'yes',
          minority: 'no_answer',
          singleParent: 'no',
        },
      });
      assert.equal(esf.statusCode, 200, esf.body);
      const labour = await put('labourMarket', {
        data: { statusAtEntry: 'long_term_unemployed', unemployedSince: '2024-01-01', benefit: 'buergergeld' },
        version: esf.json().version,
      });
      assert.equal(labour.statusCode, 200);
    });

    test('no other role reads or writes the intake', async () => {
      const person = await createParticipant(t, cm);
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER, [
        ['GET', `/api/participants/${person.id}/intake`],
        ['PUT', `/api/participants/${person.id}/intake/goals`, { data: {} }],
      ]);
    });

    test('the admin extends the skills catalogue and adds a funding period; others may only read', async () => {
      const admin = await t.as('admin@lotse.example');
      const skill = await admin.post('/api/skills', { labelDe: 'Fliesenlegen', labelEn: 'Tiling' });
      assert.equal(skill.statusCode, 201);
      assert.equal((await admin.post('/api/skills', { labelDe: 'Fliesenlegen', labelEn: 'Tiling' })).statusCode, 400);
      assert.equal(
        (await admin.post('/api/skills', { labelDe: 'Schweißen', labelEn: 'Welding', escoUri: 'https://example.org/x' })).statusCode,
        400,
      );
      assert.equal((await cm.post('/api/skills', { labelDe: 'Malern', labelEn: 'Painting' })).statusCode, 403);
      assert.ok((await cm.get('/api/skills')).json().some((s: { labelDe: string }) => s.labelDe === 'Fliesenlegen'));
      const period = await admin.post('/api/funding-periods', { name: 'ESF+ 2028', startsOn: '2028-01-01', endsOn: '2027-12-31' });
      assert.deepEqual(period.json().fields.endsOn, ['The end must not be before the start']);
      assert.equal(
        (await admin.post('/api/funding-periods', { name: 'ESF+ 2028', startsOn: '2028-01-01', endsOn: '2028-12-31' })).statusCode,
        201,
      );
      assert.equal(
        (await cm.post('/api/funding-periods', { name: 'ESF+ 2029', startsOn: '2028-01-01', endsOn: '2028-12-31' })).statusCode,
        403,
      );
    });
  });
}
