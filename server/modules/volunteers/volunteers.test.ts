import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertDenied } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds } from '../../../test/support/factories.ts';
import { createMentorLogin, createVolunteer, today, type VolunteerJson } from '../../../test/support/mentors.ts';

// The network's volunteers: the admin sets the onboarding rule and keeps the profiles with
// the case managers; onboarding follows the rule; no one else sees a profile.

const yearsAgo = (n: number) => `${Number(today().slice(0, 4)) - n}${today().slice(4)}`;

for (const kind of testDatabaseKinds()) {
  describe(`volunteers [${kind}]`, () => {
    let t: TestApp;
    let admin: ApiClient;
    let cm: ApiClient;
    let groupId: string;
    let ids: Awaited<ReturnType<typeof demoIds>>;

    before(async () => {
      t = await startTestApp(kind);
      ids = await demoIds(t.database.db);
      groupId = ids.org('Berufspaten');
      admin = await t.as('admin@lotse.example');
      cm = await t.as('fallmanager@lotse.example');
    });
    after(() => t.close());

    test('the admin records a volunteer with a login and one without; both are listed, filtered and audited', async () => {
      const userId = await createMentorLogin(admin, groupId, 'amira.patin@lotse.example', 'Amira Saleh');
      const withLogin = await createVolunteer(admin, groupId, {
        userId,
        displayName: 'Amira Saleh',
        email: 'amira.patin@lotse.example',
        languages: ['Arabisch', 'arabisch', 'Englisch'],
        profession: 'Elektroinstallateurin',
        postcode: '42103',
        maxMentees: 2,
      });
      assert.deepEqual([withLogin.userId, withLogin.onboardingGaps, withLogin.activeMentorships], [userId, [], 0]);
      const without = await createVolunteer(cm, groupId, { displayName: 'Bernd Brandt', pledgeSignedOn: null, languages: ['tr'] });
      assert.equal(without.userId, null);
      assert.deepEqual(without.onboardingGaps, ['pledge']);

      const list = (await cm.get('/api/volunteers?sort=name&language=arabisch')).json<{
        items: (VolunteerJson & { languages: string[] })[];
      }>();
      assert.deepEqual(
        list.items.map((v) => v.id),
        [withLogin.id],
      );
      assert.deepEqual(list.items[0]!.languages, ['arabisch', 'englisch'], 'languages folded to lower case, without repeats');
      const notOnboarded = (await cm.get('/api/volunteers?onboarded=no')).json<{ items: { id: string }[] }>();
      assert.ok(notOnboarded.items.some((v) => v.id === without.id));
      assert.ok(!notOnboarded.items.some((v) => v.id === withLogin.id));
      assert.equal((await cm.get('/api/volunteers?q=brandt')).json().total, 1);
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', withLogin.id).execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['volunteer.create'],
      );
      assert.ok((await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'volunteer.list').execute()).length > 0);
      // The form's choice of logins: the group's mentors, and whether they have a profile already.
      const groups = (await cm.get('/api/volunteer-groups')).json<{ id: string; mentors: { userId: string; hasProfile: boolean }[] }[]>();
      const mentors = groups.find((g) => g.id === groupId)!.mentors;
      assert.deepEqual(
        mentors.find((m) => m.userId === userId),
        { userId, displayName: 'Amira Saleh', hasProfile: true },
      );
      assert.equal(mentors.find((m) => m.userId === ids.user('pate@lotse.example'))?.hasProfile, false);
    });

    test("the network's certificate rule decides who is onboarded, in the profile and in the list filter alike", async () => {
      const old = await createVolunteer(admin, groupId, { displayName: 'Clara Alt', certificateIssuedOn: yearsAgo(4) });
      const none = await createVolunteer(admin, groupId, { displayName: 'Dieter Ohne', certificateIssuedOn: null });
      assert.deepEqual([old.onboardingGaps, none.onboardingGaps], [[], []], 'no certificate needed by default');
      const settings = (await admin.get('/api/volunteer-settings')).json<{ version: number }>();
      const saved = await admin.put('/api/volunteer-settings', {
        certificateRequired: true,
        certificateMaxAgeMonths: 36,
        version: settings.version,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal((await cm.get(`/api/volunteers/${old.id}`)).json().onboardingGaps[0], 'certificate_too_old');
      assert.deepEqual((await cm.get(`/api/volunteers/${none.id}`)).json().onboardingGaps, ['certificate']);
      const onboarded = (await cm.get('/api/volunteers?onboarded=yes&pageSize=200')).json<{ items: { id: string }[] }>();
      assert.ok(!onboarded.items.some((v) => v.id === old.id || v.id === none.id));
      assert.equal(
        (await admin.put('/api/volunteer-settings', { certificateRequired: false, certificateMaxAgeMonths: 36, version: settings.version }))
          .statusCode,
        409,
        'a stale rule is not saved over a newer one',
      );
      assert.equal(
        (await cm.put('/api/volunteer-settings', { certificateRequired: false, certificateMaxAgeMonths: 36, version: 2 })).statusCode,
        403,
        'case managers read the rule; only admins set it',
      );
      assert.equal((await cm.get('/api/volunteer-settings')).json().certificateRequired, true);
      const reset = await admin.put('/api/volunteer-settings', { certificateRequired: false, certificateMaxAgeMonths: 60, version: 2 });
      assert.equal(reset.statusCode, 200, reset.body);
    });

    test('a stale save is a 409 with the current profile; a fresh one moves the version', async () => {
      const v = await createVolunteer(cm, groupId, { displayName: 'Erik Eilig' });
      const first = await cm.patch(`/api/volunteers/${v.id}`, { availability: 'dienstags abends', version: v.version });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, v.version + 1);
      assert.equal(first.json().languages.length, 0, 'a PATCH of one field leaves the others');
      const stale = await admin.patch(`/api/volunteers/${v.id}`, { status: 'paused', version: v.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.availability, 'dienstags abends');
    });

    test('bad input is a 400 per field and stores nothing', async () => {
      const count = async () => (await cm.get('/api/volunteers?pageSize=200')).json().total;
      const before = await count();
      const bad = await cm.post('/api/volunteers', {
        organisationId: groupId,
        displayName: 'X',
        postcode: '4210',
        maxMentees: 0,
        email: 'kein-at',
        agreementSignedOn: '2026-13-01',
      });
      assert.equal(bad.statusCode, 400);
      const fields = Object.keys(bad.json().fields ?? {});
      for (const f of ['displayName', 'postcode', 'maxMentees', 'email', 'agreementSignedOn'])
        assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
      const office = await cm.post('/api/volunteers', {
        organisationId: ids.org('Fallmanagement Wuppertal'),
        displayName: 'Falsch Gruppe',
      });
      assert.equal(office.statusCode, 400, 'a profile belongs to a volunteer group');
      const notMentor = await cm.post('/api/volunteers', {
        organisationId: groupId,
        displayName: 'Falsch Login',
        userId: ids.user('jobcoach@lotse.example'),
      });
      assert.equal(notMentor.statusCode, 400, 'a login must be a mentor of the group');
      assert.equal(await count(), before);
    });

    test('partners, employers, mentors, analysts and the data protection officer see no profile; another network sees none', async () => {
      const v = await createVolunteer(admin, groupId, { displayName: 'Gina Geheim' });
      await assertDenied(
        t,
        ['jobcoach@lotse.example', 'arbeitgeber@lotse.example', 'pate@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example'],
        [
          ['GET', '/api/volunteers'],
          ['GET', `/api/volunteers/${v.id}`],
          ['POST', '/api/volunteers', { organisationId: groupId, displayName: 'Neu Person' }],
          ['PATCH', `/api/volunteers/${v.id}`, { availability: 'nie', version: v.version }],
          ['GET', '/api/volunteer-settings'],
          ['GET', '/api/volunteer-groups'],
          ['PUT', '/api/volunteer-settings', { certificateRequired: true, certificateMaxAgeMonths: 12, version: 1 }],
        ],
      );
      const other = await createOtherNetwork(t.database.db);
      const otherAdmin = await t.as(other.adminEmail, 'other-network-password');
      assert.equal((await otherAdmin.get(`/api/volunteers/${v.id}`)).statusCode, 404);
      assert.equal((await otherAdmin.get('/api/volunteers')).json().total, 0);
    });
  });
}
