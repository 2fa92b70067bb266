import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { testDatabaseKinds } from '../../test/support/databases.ts';

// The demo shows offers: a catalogue to browse, and one person enrolled from their plan.

for (const kind of testDatabaseKinds()) {
  describe(`demo offers [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { demoCycle: true });
    });
    after(() => t.close());

    test('the catalogue holds the partners’ offers and the provider sees its enrolled participant', async () => {
      const provider = await t.as('qualifizierung@lotse.example');
      const catalogue = (await provider.get('/api/offers?sort=title')).json<{ total: number; items: { id: string; title: string }[] }>();
      assert.equal(catalogue.total, 5);
      const german = catalogue.items.find((o) => o.title === 'Deutsch für den Beruf B1')!;
      const enrolled = (await provider.get(`/api/offers/${german.id}/enrolments`)).json<
        { state: string; person: { shared: string[] } }[]
      >();
      assert.deepEqual(
        enrolled.map((e) => [e.state, [...e.person.shared].sort()]),
        [['enrolled', ['contact', 'personal']]],
      );
    });
  });
}
