import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';
import { createParticipant } from '../../../test/support/participants.ts';
import { consentCovers, consentedCategories } from './consents.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'lotse-consent-'));
after(() => rmSync(dir, { recursive: true, force: true }));
function pdfText(pdf: Buffer): string {
  const file = join(dir, `${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

for (const kind of testDatabaseKinds()) {
  describe(`consent [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      ids = await demoIds(t.database.db);
    });
    after(() => t.close());

    test('Amal consents to share contact and education data with the job coaching partner; the policy query sees exactly that', async () => {
      const amal = await createParticipant(t, cm, { givenNames: 'Amal', familyName: 'Al-Haddad' });
      const coaching = ids.org('Jobcoaching');
      const res = await cm.post(`/api/participants/${amal.id}/consents`, {
        recipientOrganisationId: coaching,
        categories: ['contact', 'education_work', 'contact'],
        language: 'ar',
        givenOn: '2026-11-20',
        method: 'signed_form',
        expiresOn: '2027-11-20',
      });
      assert.equal(res.statusCode, 201, res.body);
      const consent = res.json();
      assert.deepEqual(consent.categories, ['contact', 'education_work']);
      assert.equal(consent.status, 'active');
      assert.deepEqual([...(await consentedCategories(t.database.db, amal.id, coaching))].sort(), ['contact', 'education_work']);
      assert.equal(await consentCovers(t.database.db, amal.id, coaching, ['contact']), true);
      assert.equal(await consentCovers(t.database.db, amal.id, coaching, ['residence']), false);
      assert.equal(
        await consentCovers(t.database.db, amal.id, ids.org('Qualifizierung'), ['contact']),
        false,
        'another partner is not covered',
      );
      assert.equal(await consentCovers(t.database.db, amal.id, coaching, ['contact'], '2027-11-21'), false, 'not after expiry');
      assert.equal(await consentCovers(t.database.db, amal.id, coaching, ['contact'], '2026-11-19'), false, 'not before it was given');

      const withdrawn = await cm.post(`/api/consents/${consent.id}/withdraw`, { note: 'Telefonisch widerrufen', version: consent.version });
      assert.equal(withdrawn.statusCode, 200);
      assert.equal(withdrawn.json().status, 'withdrawn');
      assert.equal(await consentCovers(t.database.db, amal.id, coaching, ['contact']), false, 'withdrawal takes effect at once');
      assert.equal((await cm.post(`/api/consents/${consent.id}/withdraw`, { version: withdrawn.json().version })).statusCode, 409);
      const kinds = (await cm.get(`/api/participants/${amal.id}/timeline`)).json().map((e: { kind: string }) => e.kind);
      assert.deepEqual(kinds.slice(-2), ['consent.given', 'consent.withdrawn']);
      const audit = (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', consent.id).execute()).map(
        (e) => e.action,
      );
      assert.deepEqual(audit, ['consent.create', 'consent.withdraw']);
    });

    test('consent goes to partners, employers and mentor groups only, with sane dates', async () => {
      const person = await createParticipant(t, cm);
      const office = await cm.post(`/api/participants/${person.id}/consents`, {
        recipientOrganisationId: ids.org('Fallmanagement Solingen'),
        categories: ['contact'],
        language: 'de',
        givenOn: '2026-11-01',
        method: 'signed_form',
      });
      assert.ok(office.json().fields.recipientOrganisationId);
      const bad = await cm.post(`/api/participants/${person.id}/consents`, {
        recipientOrganisationId: ids.org('Jobcoaching'),
        categories: [],
        language: 'Deutsch',
        givenOn: '2999-01-01',
        method: 'smoke_signal',
        expiresOn: '2026-01-01',
      });
      assert.deepEqual(Object.keys(bad.json().fields).sort(), ['categories', 'givenOn', 'language', 'method']);
      const employer = await cm.post(`/api/participants/${person.id}/consents`, {
        recipientOrganisationId: ids.org('Bäckerei'),
        categories: ['contact', 'education_work'],
        language: 'fa',
        givenOn: '2026-11-01',
        method: 'verbal_with_interpreter',
      });
      assert.equal(employer.statusCode, 201);
    });

    test('the form prints in German, English and Arabic, with the person and the recipient', async () => {
      const person = await createParticipant(t, cm, { givenNames: 'Jürgen Amal', familyName: 'Müßig-Haddad', birthDate: '1990-03-07' });
      const url = (language: string) =>
        `/api/participants/${person.id}/consent-form?recipientOrganisationId=${ids.org('Jobcoaching')}&categories=contact,residence&language=${language}`;
      const get = (u: string) => cm.app.inject({ method: 'GET', url: u, headers: { cookie: cm.cookie! } });
      const de = await get(url('de'));
      assert.equal(de.statusCode, 200);
      assert.equal(de.headers['content-type'], 'application/pdf');
      const deText = pdfText(de.rawPayload);
      assert.match(deText, /Einwilligung/);
      assert.match(deText, /Jürgen Amal Müßig-Haddad/);
      assert.match(deText, /07\.03\.1990/);
      assert.match(deText, /Jobcoaching Bergisch Land e\.V\./);
      assert.match(pdfText((await get(url('en'))).rawPayload), /Consent/);
      const arText = pdfText((await get(url('ar'))).rawPayload);
      assert.match(arText, /Jürgen Amal Müßig-Haddad/);
      assert.match(arText, /07\/03\/1990/);
      assert.equal((await get(url('tlh'))).statusCode, 400);
      const recorded = (
        await cm.post(`/api/participants/${person.id}/consents`, {
          recipientOrganisationId: ids.org('Jobcoaching'),
          categories: ['contact'],
          language: 'de',
          givenOn: '2026-11-21',
          method: 'signed_form',
        })
      ).json();
      const printed = pdfText((await get(`/api/consents/${recorded.id}/pdf?language=de`)).rawPayload);
      assert.match(printed, /21\.11\.2026/);
    });

    test('the case manager picks recipients from the partners, employers and mentor groups', async () => {
      const recipients = (await cm.get('/api/consent-recipients')).json();
      assert.deepEqual([...new Set(recipients.map((r: { kind: string }) => r.kind))].sort(), ['employer', 'partner', 'volunteer_group']);
      assert.ok(recipients.some((r: { name: string }) => r.name === 'Jobcoaching Bergisch Land e.V.'));
      assert.equal((await (await t.as('pate@lotse.example')).get('/api/consent-recipients')).statusCode, 403);
    });

    test('no other role reaches consents, and another office gets 404', async () => {
      const person = await createParticipant(t, cm);
      const consent = (
        await cm.post(`/api/participants/${person.id}/consents`, {
          recipientOrganisationId: ids.org('Jobcoaching'),
          categories: ['contact'],
          language: 'de',
          givenOn: '2026-11-01',
          method: 'signed_form',
        })
      ).json();
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER, [
        ['GET', `/api/participants/${person.id}/consents`],
        ['POST', `/api/consents/${consent.id}/withdraw`, { version: 1 }],
        ['GET', `/api/consents/${consent.id}/pdf`],
        ['GET', `/api/participants/${person.id}/consent-form?recipientOrganisationId=${ids.org('Jobcoaching')}&categories=contact`],
      ]);
    });
  });
}
