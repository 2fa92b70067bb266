import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createParticipant } from '../../../test/support/participants.ts';
import { addDays, today } from '../../dates.ts';

// Days counted from Germany's today, as the server counts them.
const inDays = (n: number) => addDays(today(), n);

for (const kind of testDatabaseKinds()) {
  describe(`residence status and deadlines [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
    });
    after(() => t.close());

    test('a history of documents: the newest is current, and the list shows it', async () => {
      const person = await createParticipant(t, cm);
      const first = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
        title: 'aufenthaltsgestattung',
        workClause: 'permission_required',
        validFrom: '2025-03-01',
        validUntil: '2025-09-01',
        entryDate: '2025-02-20',
      });
      assert.equal(first.statusCode, 201, first.body);
      const second = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
        title: 'aufenthaltserlaubnis',
        paragraph: '§ 25 Abs. 2',
        workClause: 'permitted',
        validFrom: '2025-09-01',
        validUntil: inDays(20),
      });
      const history = (await cm.get(`/api/participants/${person.id}/residence-statuses`)).json();
      assert.deepEqual(
        history.map((r: { title: string; current: boolean }) => [r.title, r.current]),
        [
          ['aufenthaltserlaubnis', true],
          ['aufenthaltsgestattung', false],
        ],
      );
      assert.equal(second.statusCode, 201);
      const listed = (await cm.get('/api/participants?residenceTitle=aufenthaltserlaubnis&pageSize=200')).json();
      assert.ok(
        listed.items.some((p: { id: string; residenceValidUntil: string }) => p.id === person.id && p.residenceValidUntil === inDays(20)),
      );
    });

    test('bad dates and unknown titles are refused with field messages', async () => {
      const person = await createParticipant(t, cm);
      const res = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
        title: 'visum',
        workClause: 'maybe',
        validFrom: '2026-05-01',
        validUntil: '2026-04-01',
      });
      assert.equal(res.statusCode, 400);
      assert.ok(res.json().fields.title && res.json().fields.workClause);
      const order = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
        title: 'duldung',
        workClause: 'not_permitted',
        validFrom: '2026-05-01',
        validUntil: '2026-04-01',
      });
      assert.deepEqual(order.json().fields.validUntil, ['Valid until must not be before valid from']);
    });

    test('the deadline list shows what expires in the coming weeks, soonest first, for open cases', async () => {
      const soon = await createParticipant(t, cm, { givenNames: 'Leyla', familyName: 'Frist' });
      await cm.post(`/api/participants/${soon.id}/residence-statuses`, {
        title: 'duldung',
        paragraph: '§ 60a',
        workClause: 'permission_required',
        validUntil: inDays(10),
      });
      const later = await createParticipant(t, cm, { givenNames: 'Omar', familyName: 'Spaeter' });
      await cm.post(`/api/participants/${later.id}/residence-statuses`, {
        title: 'duldung',
        workClause: 'permission_required',
        validUntil: inDays(200),
      });
      const deadlines = (await cm.get('/api/deadlines?withinDays=42')).json();
      const mine = deadlines.find((d: { participantId: string }) => d.participantId === soon.id);
      assert.equal(mine.kind, 'residence_expiry');
      assert.equal(mine.daysLeft, 10);
      assert.ok(!deadlines.some((d: { participantId: string }) => d.participantId === later.id));
      assert.deepEqual(
        deadlines.map((d: { date: string }) => d.date),
        [...deadlines.map((d: { date: string }) => d.date)].sort(),
      );
      const own = (await cm.get(`/api/participants/${soon.id}/deadlines?withinDays=42`)).json();
      assert.deepEqual(
        own.map((d: { participantId: string }) => d.participantId),
        [soon.id],
      );
      // A Solingen case manager does not see Wuppertal's deadlines.
      const solingen = await t.as('fallmanager.solingen@lotse.example');
      assert.ok(
        !(await solingen.get('/api/deadlines?withinDays=42')).json().some((d: { participantId: string }) => d.participantId === soon.id),
      );
      assert.equal((await solingen.get(`/api/participants/${soon.id}/deadlines`)).statusCode, 404);
    });

    test('editing a document with a stale version is a 409', async () => {
      const person = await createParticipant(t, cm);
      const doc = (
        await cm.post(`/api/participants/${person.id}/residence-statuses`, {
          title: 'duldung',
          workClause: 'not_permitted',
          validUntil: inDays(30),
        })
      ).json();
      assert.equal(
        (await cm.patch(`/api/residence-statuses/${doc.id}`, { workClause: 'permission_required', version: doc.version })).statusCode,
        200,
      );
      assert.equal(
        (await cm.patch(`/api/residence-statuses/${doc.id}`, { workClause: 'permitted', version: doc.version })).statusCode,
        409,
      );
    });

    test('no other role reaches residence data', async () => {
      const person = await createParticipant(t, cm);
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER, [
        ['GET', `/api/participants/${person.id}/residence-statuses`],
        ['POST', `/api/participants/${person.id}/residence-statuses`, { title: 'duldung', workClause: 'not_permitted' }],
      ]);
      // The deadline list has no person in its path: other roles get 403, the other office its own list.
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER.slice(1), [['GET', '/api/deadlines']]);
    });
  });
}
