import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds } from '../../../test/support/factories.ts';
import { addDays, today } from '../../dates.ts';

// The catalogue: who keeps it, who reads it, its filters, and the edge's answers to bad input.

for (const kind of testDatabaseKinds()) {
  describe(`offers catalogue [${kind}]`, () => {
    let t: TestApp;
    let admin: ApiClient;
    let provider: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let qualificationId: string;
    const course = (body: object = {}) => ({
      providerOrganisationId: qualificationId,
      kind: 'language_course',
      targetGroups: ['women', 'women', 'family_and_work'],
      title: 'Deutsch B1 für Frauen',
      startsOn: today(),
      endsOn: addDays(today(), 90),
      schedule: 'Mo–Fr 9–12 Uhr',
      place: 'Wuppertal-Elberfeld',
      capacity: 12,
      childcare: true,
      ...body,
    });

    before(async () => {
      t = await startTestApp(kind);
      ids = await demoIds(t.database.db);
      qualificationId = ids.org('Qualifizierung');
      admin = await t.as('admin@lotse.example');
      provider = await t.as('qualifizierung@lotse.example');
    });
    after(() => t.close());

    test('the provider publishes its course; staff and mentors read it, the change is audited', async () => {
      const res = await provider.post('/api/offers', course());
      assert.equal(res.statusCode, 201, res.body);
      const offer = res.json();
      assert.deepEqual(offer.targetGroups, ['women', 'family_and_work']);
      assert.deepEqual(
        [offer.providerName, offer.taken, offer.waiting, offer.freePlaces, offer.manageable, offer.version],
        ['Qualifizierung & Praktikum gGmbH', 0, 0, 12, true, 1],
      );
      for (const email of ['fallmanager@lotse.example', 'jobcoach@lotse.example', 'pate@lotse.example']) {
        const read = await (await t.as(email)).get(`/api/offers/${offer.id}`);
        assert.equal(read.statusCode, 200, email);
        assert.equal(read.json().manageable, false, `${email} may not edit another organisation's offer`);
      }
      assert.equal((await admin.get(`/api/offers/${offer.id}`)).json().manageable, true);
      const providers = (await (await t.as('pate@lotse.example')).get('/api/offer-providers')).json<{ name: string }[]>();
      assert.ok(providers.some((p) => p.name.startsWith('Qualifizierung')) && !providers.some((p) => p.name.startsWith('Bäckerei')));
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('entity_id', '=', offer.id)
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['offer.create'],
      );
    });

    test('employers, analysts and the data protection officer do not see the catalogue; no one else keeps it', async () => {
      const offer = (await admin.post('/api/offers', course({ title: 'Bewerbungstraining' }))).json();
      for (const email of ['arbeitgeber@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example']) {
        const client = await t.as(email);
        assert.equal((await client.get('/api/offers')).statusCode, 403, email);
        assert.equal((await client.get('/api/offer-providers')).statusCode, 403, email);
        assert.equal((await client.get(`/api/offers/${offer.id}`)).statusCode, 403, email);
      }
      for (const email of ['fallmanager@lotse.example', 'jobcoach@lotse.example', 'pate@lotse.example', 'arbeitgeber@lotse.example']) {
        const client = await t.as(email);
        assert.equal((await client.post('/api/offers', course())).statusCode, 403, `${email} creates an offer of another organisation`);
        const patch = await client.patch(`/api/offers/${offer.id}`, { title: 'Übernommen', version: offer.version });
        assert.equal(patch.statusCode, 403, `${email} edits the offer`);
      }
      const other = await createOtherNetwork(t.database.db);
      const otherAdmin = await t.as(other.adminEmail, 'other-network-password');
      assert.equal((await otherAdmin.get(`/api/offers/${offer.id}`)).statusCode, 404, "another network's offer does not exist");
      assert.equal((await otherAdmin.patch(`/api/offers/${offer.id}`, { title: 'x', version: 1 })).statusCode, 404);
    });

    test('the list filters by kind, target group, provider, dates, free places and childcare, sorted and paged', async () => {
      const mark = `Filter-${Math.random().toString(36).slice(2, 8)}`;
      const made = [];
      for (const body of [
        { title: `${mark} Gabelstapler`, kind: 'qualification', targetGroups: [], capacity: 1, childcare: false },
        {
          title: `${mark} Praktikum Pflege`,
          kind: 'internship',
          targetGroups: ['young_people'],
          startsOn: addDays(today(), 30),
          endsOn: addDays(today(), 120),
        },
        {
          title: `${mark} Frauencafé`,
          kind: 'low_threshold_training',
          targetGroups: ['women'],
          providerOrganisationId: ids.org('Jobcoaching'),
        },
      ])
        made.push((await admin.post('/api/offers', course(body))).json());
      const titles = async (query: string) =>
        (await provider.get(`/api/offers?q=${encodeURIComponent(mark)}&${query}`))
          .json()
          .items.map((o: { title: string }) => o.title.slice(mark.length + 1));
      assert.deepEqual(await titles('sort=title'), ['Frauencafé', 'Gabelstapler', 'Praktikum Pflege']);
      assert.deepEqual(await titles('sort=title&order=desc&pageSize=1&page=2'), ['Gabelstapler']);
      assert.deepEqual(await titles('kind=internship'), ['Praktikum Pflege']);
      assert.deepEqual(await titles('targetGroup=women'), ['Frauencafé']);
      assert.deepEqual(await titles(`providerId=${ids.org('Jobcoaching')}`), ['Frauencafé']);
      assert.deepEqual(await titles(`from=${addDays(today(), 100)}`), ['Praktikum Pflege']);
      assert.deepEqual(await titles(`until=${addDays(today(), 10)}&sort=title`), ['Frauencafé', 'Gabelstapler']);
      assert.deepEqual(await titles('childcare=false'), ['Gabelstapler']);
      assert.deepEqual(await titles('hasPlaces=true&sort=title'), ['Frauencafé', 'Gabelstapler', 'Praktikum Pflege']);
      // The forklift course's one place taken: it no longer has places.
      const participant = await t.database.db
        .selectFrom('participants')
        .selectAll()
        .where('network_id', '=', ids.networkId)
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('offer_enrolments')
        .values({
          network_id: ids.networkId,
          offer_id: made[0].id,
          participant_id: participant.id,
          case_id: participant.current_case_id!,
          office_id: participant.office_id,
          state: 'enrolled',
        })
        .execute();
      assert.deepEqual(await titles('hasPlaces=false'), ['Gabelstapler']);
      assert.equal((await provider.get('/api/offers?sort=price')).statusCode, 400);
      assert.equal((await provider.get('/api/offers?hasPlaces=maybe')).statusCode, 400);
    });

    test('bad input gets field messages, a stale edit 409, and fewer places than are taken is refused', async () => {
      const fields = async (body: object) => Object.keys((await admin.post('/api/offers', course(body))).json().fields ?? {}).sort();
      assert.deepEqual(await fields({ title: '', capacity: 0 }), ['capacity', 'title']);
      assert.deepEqual(await fields({ endsOn: addDays(today(), -1) }), ['endsOn']);
      assert.deepEqual(await fields({ kind: 'yoga', targetGroups: ['men'], language: 'deutsch' }), ['kind', 'language', 'targetGroups.0']);
      assert.deepEqual(
        await fields({ providerOrganisationId: ids.org('Bäckerei') }),
        ['providerOrganisationId'],
        'an employer is no provider',
      );

      const offer = (await admin.post('/api/offers', course({ capacity: 2 }))).json();
      const edited = await provider.patch(`/api/offers/${offer.id}`, { title: 'Deutsch B1 (Abendkurs)', version: offer.version });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual(
        [edited.json().title, edited.json().childcare, edited.json().targetGroups],
        ['Deutsch B1 (Abendkurs)', true, ['women', 'family_and_work']],
      );
      const stale = await admin.patch(`/api/offers/${offer.id}`, { capacity: 5, version: offer.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.title, 'Deutsch B1 (Abendkurs)');
      const dates = await admin.patch(`/api/offers/${offer.id}`, { endsOn: addDays(today(), -5), version: edited.json().version });
      assert.deepEqual(Object.keys(dates.json().fields), ['endsOn']);
    });
  });
}
