import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';

for (const kind of testDatabaseKinds()) {
  describe(`users and roles [${kind}]`, () => {
    let t: TestApp;
    let admin: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.as('admin@lotse.example');
      ids = await demoIds(t.database.db);
    });
    after(() => t.close());

    test('the admin creates a job coach for the qualification partner, who can then log in', async () => {
      const res = await admin.post('/api/users', {
        email: 'Lea.Schmitz@Qualifizierung.example',
        displayName: 'Lea Schmitz',
        locale: 'de',
        password: 'initial-password-1',
        memberships: [{ role: 'partner_caseworker', organisationId: ids.org('Qualifizierung') }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const user = res.json();
      assert.equal(user.email, 'lea.schmitz@qualifizierung.example');
      assert.equal(user.memberships[0].organisationName, 'Qualifizierung & Praktikum gGmbH');
      assert.ok(!('passwordHash' in user) && !JSON.stringify(user).includes('argon2'));
      const lea = await t.as('lea.schmitz@qualifizierung.example', 'initial-password-1');
      assert.deepEqual(
        (await lea.get('/api/me')).json().memberships.map((m: { role: string }) => m.role),
        ['partner_caseworker'],
      );
    });

    test('roles must fit the kind of organisation', async () => {
      const res = await admin.post('/api/users', {
        email: 'wrong@lotse.example',
        displayName: 'Falsch Zugeordnet',
        password: 'initial-password-1',
        memberships: [
          { role: 'case_manager', organisationId: ids.org('Jobcoaching') },
          { role: 'analyst', organisationId: ids.org('Jobcoaching') },
          { role: 'mentor', organisationId: null },
        ],
      });
      assert.equal(res.statusCode, 400);
      const fields = res.json().fields;
      assert.match(fields['memberships.0.organisationId'][0], /case_management_office/);
      assert.match(fields['memberships.1.organisationId'][0], /network/);
      assert.match(fields['memberships.2.organisationId'][0], /needs an organisation/);
      assert.equal((await t.database.db.selectFrom('users').select('id').where('email', '=', 'wrong@lotse.example').execute()).length, 0);
    });

    test('an email address is used once; a short password is refused', async () => {
      const taken = await admin.post('/api/users', {
        email: 'pate@lotse.example',
        displayName: 'Doppelt',
        password: 'initial-password-1',
        memberships: [{ role: 'analyst', organisationId: null }],
      });
      assert.equal(taken.statusCode, 400);
      assert.ok(taken.json().fields.email);
      const short = await admin.post('/api/users', {
        email: 'kurz@lotse.example',
        displayName: 'Kurz',
        password: 'short',
        memberships: [{ role: 'analyst', organisationId: null }],
      });
      assert.ok(short.json().fields.password);
      const none = await admin.post('/api/users', {
        email: 'ohne@lotse.example',
        displayName: 'Ohne Rolle',
        password: 'initial-password-1',
        memberships: [],
      });
      assert.ok(none.json().fields.memberships);
    });

    test('disabling a user ends their session at once and they cannot log in', async () => {
      const coach = await t.as('jobcoach@lotse.example');
      assert.equal((await coach.get('/api/me')).statusCode, 200);
      const user = (await admin.get(`/api/users/${ids.user('jobcoach@lotse.example')}`)).json();
      const res = await admin.patch(`/api/users/${user.id}`, { status: 'disabled', version: user.version });
      assert.equal(res.statusCode, 200);
      assert.equal((await coach.get('/api/me')).statusCode, 401);
      assert.equal((await t.anonymous().login('jobcoach@lotse.example', 'lotse-demo')).statusCode, 401);
      // Enabled again, the account works again.
      await admin.patch(`/api/users/${user.id}`, { status: 'active', version: res.json().version });
      assert.equal((await t.anonymous().login('jobcoach@lotse.example', 'lotse-demo')).statusCode, 200);
    });

    test('a changed role takes effect on the next request', async () => {
      const analyst = await t.as('bericht@lotse.example');
      assert.equal((await analyst.get('/api/audit-events')).statusCode, 403);
      const user = (await admin.get(`/api/users/${ids.user('bericht@lotse.example')}`)).json();
      await admin.patch(`/api/users/${user.id}`, {
        memberships: [
          { role: 'analyst', organisationId: null },
          { role: 'data_protection_officer', organisationId: null },
        ],
        version: user.version,
      });
      assert.equal((await analyst.get('/api/audit-events')).statusCode, 200);
    });

    test('an admin cannot disable themselves or drop their own admin role', async () => {
      const me = (await admin.get(`/api/users/${ids.user('admin@lotse.example')}`)).json();
      assert.equal((await admin.patch(`/api/users/${me.id}`, { status: 'disabled', version: me.version })).statusCode, 400);
      assert.equal(
        (await admin.patch(`/api/users/${me.id}`, { memberships: [{ role: 'analyst', organisationId: null }], version: me.version }))
          .statusCode,
        400,
      );
    });

    test('a stale version is a 409 and changes nothing', async () => {
      const user = (await admin.get(`/api/users/${ids.user('pate@lotse.example')}`)).json();
      assert.equal((await admin.patch(`/api/users/${user.id}`, { displayName: 'Peter H.', version: user.version })).statusCode, 200);
      const stale = await admin.patch(`/api/users/${user.id}`, { displayName: 'Überschrieben', version: user.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.displayName, 'Peter H.');
    });

    test('a password reset by the admin ends the sessions of that user', async () => {
      const employer = await t.as('arbeitgeber@lotse.example');
      const user = (await admin.get(`/api/users/${ids.user('arbeitgeber@lotse.example')}`)).json();
      await admin.patch(`/api/users/${user.id}`, { password: 'reset-by-the-admin', version: user.version });
      assert.equal((await employer.get('/api/me')).statusCode, 401);
      assert.equal((await t.anonymous().login('arbeitgeber@lotse.example', 'reset-by-the-admin')).statusCode, 200);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('entity_id', '=', user.id)
        .where('action', '=', 'user.update')
        .execute();
      assert.deepEqual(audit.at(-1)!.details, { fields: ['password'] });
    });

    test('users are filtered by role and organisation', async () => {
      const coaches = (await admin.get('/api/users?role=partner_caseworker&sort=email')).json();
      assert.ok(coaches.items.length >= 2);
      assert.ok(
        coaches.items.every((u: { memberships: { role: string }[] }) => u.memberships.some((m) => m.role === 'partner_caseworker')),
      );
      const office = (await admin.get(`/api/users?organisationId=${ids.org('Fallmanagement Solingen')}`)).json();
      assert.deepEqual(
        office.items.map((u: { email: string }) => u.email),
        ['fallmanager.solingen@lotse.example'],
      );
    });
  });
}
