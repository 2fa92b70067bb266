import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`organisations [${kind}]`, () => {
    let t: TestApp;
    let admin: ApiClient;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.as('admin@lotse.example');
    });
    after(() => t.close());

    test('the admin adds a partner in a city, finds it by filter, and the change is audited', async () => {
      const cities = (await admin.get('/api/cities')).json();
      const wuppertal = cities.find((c: { name: string }) => c.name === 'Wuppertal');
      const res = await admin.post('/api/organisations', {
        kind: 'partner',
        name: 'Sprachbrücke e.V.',
        cityId: wuppertal.id,
        email: 'info@sprachbruecke.example',
        phone: '',
        description: 'Sprachkurse',
      });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.cityName, 'Wuppertal');
      assert.equal(created.phone, null);
      assert.equal(created.version, 1);

      const list = (await admin.get('/api/organisations?kind=partner&q=sprach&sort=name')).json();
      assert.deepEqual(
        list.items.map((o: { name: string }) => o.name),
        ['Sprachbrücke e.V.'],
      );
      const audit = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.id).execute();
      assert.equal(audit[0]!.action, 'organisation.create');
    });

    test('lists page and sort', async () => {
      const page1 = (await admin.get('/api/organisations?pageSize=3&sort=name&order=desc')).json();
      const page2 = (await admin.get('/api/organisations?pageSize=3&page=2&sort=name&order=desc')).json();
      assert.equal(page1.items.length, 3);
      assert.ok(page1.total >= 8);
      const names = [...page1.items, ...page2.items].map((o: { name: string }) => o.name);
      // Both databases sort in C collation (byte order), as JavaScript's default sort does.
      assert.deepEqual(names, [...names].sort().reverse());
      assert.ok(page1.items.every((o: { name: string }) => !page2.items.some((p: { name: string }) => p.name === o.name)));
      assert.equal((await admin.get('/api/organisations?pageSize=1000')).statusCode, 400);
      assert.equal((await admin.get('/api/organisations?sort=password')).statusCode, 400);
    });

    test('a wildcard in the filter text is taken literally', async () => {
      const list = (await admin.get('/api/organisations?q=%25')).json();
      assert.equal(list.total, 0);
    });

    test('bad input gets field messages and stores nothing', async () => {
      const before = (await admin.get('/api/organisations')).json().total;
      const res = await admin.post('/api/organisations', { kind: 'school', name: 'x'.repeat(5_000_00), email: 'not-an-email' });
      assert.ok([400, 413].includes(res.statusCode));
      const res2 = await admin.post('/api/organisations', { kind: 'school', name: 'A', email: 'not-an-email' });
      assert.equal(res2.statusCode, 400);
      assert.deepEqual(Object.keys(res2.json().fields).sort(), ['email', 'kind', 'name']);
      assert.equal(
        (await admin.post('/api/organisations', { kind: 'partner', name: 'Jobcoaching Bergisch Land e.V.' })).json().fields.name[0],
        'An organisation with this name exists',
      );
      assert.equal(
        (await admin.post('/api/organisations', { kind: 'partner', name: 'Gültig', cityId: '8a5b3c1e-0000-4000-8000-000000000000' })).json()
          .fields.cityId[0],
        'Unknown city',
      );
      assert.equal((await admin.get('/api/organisations')).json().total, before);
    });

    test('two admins edit the same organisation: the second save is a 409 with the current record', async () => {
      const org = (await admin.get('/api/organisations?q=Aktiv')).json().items[0];
      const other = await t.as('admin@lotse.example');
      const first = await admin.patch(`/api/organisations/${org.id}`, { description: 'Neue Beschreibung', version: org.version });
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().version, org.version + 1);
      const second = await other.patch(`/api/organisations/${org.id}`, { description: 'Überschreiben?', version: org.version });
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().current.description, 'Neue Beschreibung');
      assert.equal((await admin.get(`/api/organisations/${org.id}`)).json().description, 'Neue Beschreibung');
    });

    test('an organisation is deactivated, not deleted', async () => {
      const org = (await admin.get('/api/organisations?q=Logistik')).json().items[0];
      const res = await admin.patch(`/api/organisations/${org.id}`, { active: false, version: org.version });
      assert.equal(res.json().active, false);
      assert.equal((await admin.get('/api/organisations?active=false')).json().items[0].id, org.id);
    });

    test('an unknown id is a 404, a malformed one a 400', async () => {
      assert.equal((await admin.get('/api/organisations/6f1c2d3e-4a5b-4c6d-8e7f-001122334455')).statusCode, 404);
      assert.equal((await admin.get('/api/organisations/not-a-uuid')).statusCode, 400);
    });
  });
}
