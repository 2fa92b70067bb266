import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertDenied, type Call } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds } from '../../../test/support/factories.ts';

const LOGISTICS_CONTACT = 'personal@wupper-logistik.example';
const LOGISTICS_PASSWORD = 'logistik-passwort-1';

interface Skill {
  id: string;
  labelDe: string;
}

for (const kind of testDatabaseKinds()) {
  describe(`vacancies [${kind}]`, () => {
    let t: TestApp;
    let caseManager: ApiClient;
    let coach: ApiClient;
    let bakeryContact: ApiClient;
    let logisticsContact: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let skills: Skill[];
    let bakeryId: string;
    let logisticsId: string;
    const apprenticeship = () => ({
      employerId: bakeryId,
      kind: 'apprenticeship',
      title: 'Ausbildung Bäcker/in',
      occupation: 'Bäcker/in',
      requiredSkillIds: [skills[0]!.id, skills[1]!.id, skills[0]!.id],
      germanLevel: 'B1',
      shiftWork: true,
      postcode: '42103',
      town: 'Wuppertal',
      hoursPerWeek: 39.5,
      startsOn: '2027-08-01',
      places: 2,
    });

    before(async () => {
      t = await startTestApp(kind);
      ids = await demoIds(t.database.db);
      bakeryId = ids.org('Bäckerei');
      logisticsId = ids.org('Wupper Logistik');
      caseManager = await t.as('fallmanager@lotse.example');
      coach = await t.as('jobcoach@lotse.example');
      bakeryContact = await t.as('arbeitgeber@lotse.example');
      skills = (await caseManager.get('/api/skills')).json();
      // A second employer's contact, made the way the admin makes users.
      const admin = await t.as('admin@lotse.example');
      const user = await admin.post('/api/users', {
        email: LOGISTICS_CONTACT,
        displayName: 'Lars Lager',
        password: LOGISTICS_PASSWORD,
        memberships: [{ role: 'employer_contact', organisationId: logisticsId }],
      });
      assert.equal(user.statusCode, 201, user.body);
      logisticsContact = await t.as(LOGISTICS_CONTACT, LOGISTICS_PASSWORD);
    });
    after(() => t.close());

    test('the case manager posts an apprenticeship at the bakery; it is listed, read with its skills and hires, and audited', async () => {
      const res = await caseManager.post('/api/vacancies', apprenticeship());
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.employerName, 'Bäckerei Sonnenschein GmbH');
      assert.deepEqual(
        created.requiredSkills.map((s: Skill) => s.id),
        [skills[0]!.id, skills[1]!.id],
      );
      assert.equal(created.requiredSkills[0].labelDe, skills[0]!.labelDe);
      assert.equal(created.hoursPerWeek, 39.5);
      assert.deepEqual([created.status, created.hired, created.version, created.drivingLicence], ['open', 0, 1, false]);
      const row = await t.database.db.selectFrom('vacancies').select('created_by').where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.equal(row.created_by, ids.user('fallmanager@lotse.example'));

      const participant = await t.database.db
        .selectFrom('participants')
        .select(['id', 'office_id'])
        .where('network_id', '=', ids.networkId)
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('proposals')
        .values({
          network_id: ids.networkId,
          vacancy_id: created.id,
          employer_id: bakeryId,
          participant_id: participant.id,
          office_id: participant.office_id,
          stage: 'hired',
          stage_on: '2026-05-01',
        })
        .execute();
      assert.equal((await coach.get(`/api/vacancies/${created.id}`)).json().hired, 1);

      const list = (await coach.get('/api/vacancies?status=open&kind=apprenticeship&q=bäcker&sort=employer')).json();
      assert.deepEqual(
        list.items.map((v: { id: string }) => v.id),
        [created.id],
      );
      assert.equal((await coach.get('/api/vacancies?kind=internship&q=bäcker')).json().total, 0);
      // The search reads the employer's name and the town too.
      assert.ok((await coach.get('/api/vacancies?q=sonnenschein')).json().items.some((v: { id: string }) => v.id === created.id));
      assert.ok((await coach.get('/api/vacancies?q=wupper')).json().items.some((v: { id: string }) => v.id === created.id));
      assert.equal((await coach.get('/api/vacancies?sort=salary')).statusCode, 400);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('entity_id', '=', created.id)
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['vacancy.create', 'vacancy.read'],
      );
      assert.deepEqual(audit[0]!.details, { employerId: bakeryId, kind: 'apprenticeship' });
      const listed = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'vacancy.list').execute();
      assert.ok(listed.some((a) => (a.details as { ids: string[] }).ids.includes(created.id)));
    });

    test('bad input gets field messages and stores nothing, never a 500', async () => {
      const count = async () => (await caseManager.get('/api/vacancies')).json().total;
      const before = await count();
      const post = (body: object) => caseManager.post('/api/vacancies', { ...apprenticeship(), ...body });
      const fields = async (body: object) => Object.keys((await post(body)).json().fields ?? {}).sort();
      assert.deepEqual(await fields({ occupation: '' }), ['occupation']);
      assert.deepEqual(await fields({ postcode: '421030', hoursPerWeek: 0, kind: 'gig' }), ['hoursPerWeek', 'kind', 'postcode']);
      assert.deepEqual(await fields({ title: 'x'.repeat(500_000) }), ['title']);
      assert.equal((await post({ title: 'x'.repeat(5_000_000) })).statusCode, 413);
      assert.deepEqual(await fields({ employerId: '8a5b3c1e-0000-4000-8000-000000000000' }), ['employerId']);
      assert.deepEqual(await fields({ employerId: ids.org('Jobcoaching') }), ['employerId'], 'a partner is not an employer');
      assert.deepEqual(await fields({ requiredSkillIds: ['8a5b3c1e-0000-4000-8000-000000000000'] }), ['requiredSkillIds']);

      const other = await createOtherNetwork(t.database.db);
      const foreignSkill = await t.database.db
        .selectFrom('skills')
        .select('id')
        .where('network_id', '=', other.networkId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(await fields({ requiredSkillIds: [skills[0]!.id, foreignSkill.id] }), ['requiredSkillIds']);
      const foreignEmployer = await t.database.db
        .insertInto('organisations')
        .values({ network_id: other.networkId, kind: 'employer', name: 'Fremde Firma GmbH' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.deepEqual(await fields({ employerId: foreignEmployer.id }), ['employerId']);
      assert.equal(await count(), before);
    });

    test('edits check the version, keep what they do not name, and keep the apprenticeship rule', async () => {
      const job = (
        await coach.post('/api/vacancies', {
          employerId: logisticsId,
          kind: 'job',
          title: 'Lagerhelfer/in',
          requiredSkillIds: [skills[2]!.id],
          drivingLicence: true,
          places: 3,
        })
      ).json();
      const title = await caseManager.patch(`/api/vacancies/${job.id}`, { title: 'Lagerhelfer/in (m/w/d)', version: job.version });
      assert.equal(title.statusCode, 200, title.body);
      assert.deepEqual(
        [title.json().requiredSkills.length, title.json().drivingLicence, title.json().places, title.json().version],
        [1, true, 3, 2],
      );
      const stale = await coach.patch(`/api/vacancies/${job.id}`, { title: 'Überschreiben?', version: job.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.title, 'Lagerhelfer/in (m/w/d)');

      const toApprenticeship = await coach.patch(`/api/vacancies/${job.id}`, { kind: 'apprenticeship', version: 2 });
      assert.equal(toApprenticeship.statusCode, 400);
      assert.deepEqual(Object.keys(toApprenticeship.json().fields), ['occupation']);
      const ok = await coach.patch(`/api/vacancies/${job.id}`, { kind: 'apprenticeship', occupation: 'Fachlagerist/in', version: 2 });
      assert.equal(ok.statusCode, 200, ok.body);
      const dropOccupation = await coach.patch(`/api/vacancies/${job.id}`, { occupation: '', version: 3 });
      assert.deepEqual(Object.keys(dropOccupation.json().fields), ['occupation']);

      assert.equal((await coach.patch(`/api/vacancies/${job.id}`, { status: 'closed', version: 3 })).statusCode, 400);
      const foreignSkill = await coach.patch(`/api/vacancies/${job.id}`, { requiredSkillIds: [job.id], version: 3 });
      assert.deepEqual(Object.keys(foreignSkill.json().fields), ['requiredSkillIds']);
      const filled = await coach.patch(`/api/vacancies/${job.id}`, { status: 'filled', version: 3 });
      assert.equal(filled.json().status, 'filled');
      assert.equal((await coach.get(`/api/vacancies?status=filled&employerId=${logisticsId}`)).json().items[0].id, job.id);
      const updates = await t.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('entity_id', '=', job.id)
        .where('action', '=', 'vacancy.update')
        .execute();
      assert.deepEqual(
        updates.map((u) => u.details),
        [{ fields: ['title'] }, { fields: ['kind', 'occupation'] }, { fields: ['status'] }],
      );
    });

    test("the bakery's contact posts and edits their own company's vacancies only, and lists only theirs", async () => {
      const own = await bakeryContact.post('/api/vacancies', { employerId: bakeryId, kind: 'internship', title: 'Praktikum Verkauf' });
      assert.equal(own.statusCode, 201, own.body);
      const edited = await bakeryContact.patch(`/api/vacancies/${own.json().id}`, { places: 2, version: 1 });
      assert.equal(edited.json().places, 2);
      const forOther = await bakeryContact.post('/api/vacancies', { employerId: logisticsId, kind: 'job', title: 'Fremde Stelle' });
      assert.equal(forOther.statusCode, 403);

      const list = (await bakeryContact.get('/api/vacancies?pageSize=200')).json();
      assert.ok(list.total >= 2);
      assert.ok(list.items.every((v: { employerId: string }) => v.employerId === bakeryId));
      // Asking for another company's vacancies gives an empty page: the filter only narrows the scope.
      assert.equal((await bakeryContact.get(`/api/vacancies?employerId=${logisticsId}`)).json().total, 0);
    });

    test("a second employer's contact can neither read nor edit the bakery's vacancies, nor see them listed", async () => {
      const bakeryVacancy = (await caseManager.get(`/api/vacancies?employerId=${bakeryId}`)).json().items[0];
      assert.equal((await logisticsContact.get(`/api/vacancies/${bakeryVacancy.id}`)).statusCode, 404);
      const edit = await logisticsContact.patch(`/api/vacancies/${bakeryVacancy.id}`, {
        title: 'Gekapert',
        version: bakeryVacancy.version,
      });
      assert.equal(edit.statusCode, 404);
      const list = (await logisticsContact.get('/api/vacancies?pageSize=200')).json();
      assert.ok(list.items.length > 0 && list.items.every((v: { employerId: string }) => v.employerId === logisticsId));
      assert.equal((await logisticsContact.get(`/api/vacancies?employerId=${bakeryId}`)).json().total, 0);
      assert.equal((await caseManager.get(`/api/vacancies/${bakeryVacancy.id}`)).json().title, bakeryVacancy.title);
    });

    test('mentor, analyst, data protection officer and admin are refused every vacancy route', async () => {
      const vacancy = (await caseManager.get('/api/vacancies')).json().items[0];
      const calls: Call[] = [
        ['GET', '/api/vacancies'],
        ['POST', '/api/vacancies', { employerId: bakeryId, kind: 'job', title: 'Verboten' }],
        ['GET', `/api/vacancies/${vacancy.id}`],
        ['PATCH', `/api/vacancies/${vacancy.id}`, { title: 'Verboten', version: vacancy.version }],
      ];
      await assertDenied(t, ['pate@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example', 'admin@lotse.example'], calls);
      assert.equal((await t.anonymous().get('/api/vacancies')).statusCode, 401);
    });

    test("another network's vacancy is not found and never listed", async () => {
      const other = await createOtherNetwork(t.database.db, 'remscheid-sued');
      const employer = await t.database.db
        .insertInto('organisations')
        .values({ network_id: other.networkId, kind: 'employer', name: 'Werkzeug Remscheid GmbH' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const vacancy = await t.database.db
        .insertInto('vacancies')
        .values({ network_id: other.networkId, employer_id: employer.id, kind: 'job', title: 'Zerspaner/in' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal((await caseManager.get(`/api/vacancies/${vacancy.id}`)).statusCode, 404);
      assert.equal((await caseManager.patch(`/api/vacancies/${vacancy.id}`, { title: 'x'.repeat(3), version: 1 })).statusCode, 404);
      assert.equal((await caseManager.get(`/api/vacancies?q=Zerspaner`)).json().total, 0);
      assert.equal((await caseManager.get(`/api/vacancies?employerId=${employer.id}`)).json().total, 0);
    });
  });
}
