import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork } from '../../../test/support/factories.ts';
import { recordAudit, verifyAuditChains } from './audit.service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`audit log [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
      await createOtherNetwork(t.database.db);
    });
    after(() => t.close());

    test('every network has its own intact chain', async () => {
      const cm = await t.as('fallmanager@lotse.example');
      await cm.get('/api/participants');
      const reports = await verifyAuditChains(t.database.db);
      assert.deepEqual(
        reports.map((r) => [r.slug, r.ok]),
        [
          ['demo', true],
          ['solingen-nord', true],
        ],
      );
      assert.ok(reports[0]!.events >= 3);
    });

    test('concurrent writers of one network still form one gapless chain', async () => {
      const { id: networkId } = await t.database.db
        .selectFrom('networks')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.database.db
            .transaction()
            .execute((tx) =>
              recordAudit(
                tx,
                { networkId, actor: null, requestId: `parallel-${i}` },
                { action: 'participant.read', entityType: 'participant', entityId: String(i) },
              ),
            ),
        ),
      );
      assert.ok((await verifyAuditChains(t.database.db)).every((r) => r.ok));
    });

    test('an audit event written in a transaction that fails is gone with it', async () => {
      const before = await t.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const { id: networkId } = await t.database.db
        .selectFrom('networks')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow();
      await assert.rejects(
        t.database.db.transaction().execute(async (tx) => {
          await recordAudit(
            tx,
            { networkId, actor: null, requestId: 'rollback' },
            { action: 'organisation.update', entityType: 'organisation' },
          );
          throw new Error('the change failed');
        }),
      );
      const afterCount = await t.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(afterCount.n, before.n);
      assert.ok((await verifyAuditChains(t.database.db)).every((r) => r.ok));
    });

    test('the table refuses updates and deletes', async () => {
      await assert.rejects(sql`update audit_events set action = 'x'`.execute(t.database.db), /append-only/);
      await assert.rejects(sql`delete from audit_events`.execute(t.database.db), /append-only/);
    });

    test('the data protection officer reads the log with filters, and that read is itself logged', async () => {
      const dpo = await t.as('datenschutz@lotse.example');
      const res = await dpo.get('/api/audit-events?action=auth.login&pageSize=5');
      assert.equal(res.statusCode, 200);
      const page = res.json();
      assert.ok(page.items.length > 0 && page.items.every((e: { action: string }) => e.action === 'auth.login'));
      assert.ok(page.items[0].actorName);
      const logged = (await dpo.get('/api/audit-events?action=audit.list')).json();
      assert.ok(logged.total >= 1);
    });

    test('a tampered event is found, and the first broken link is named', async () => {
      const target = await t.database.db
        .selectFrom('audit_events')
        .select(['id', 'seq', 'network_id'])
        .where('action', '=', 'auth.login')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      // Someone with database access edits history, bypassing the trigger.
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t.database.db);
      await sql`update audit_events set actor_user_id = null where id = ${target.id}`.execute(t.database.db);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t.database.db);
      const reports = await verifyAuditChains(t.database.db);
      const demo = reports.find((r) => r.slug === 'demo')!;
      assert.equal(demo.ok, false);
      assert.equal(demo.broken!.seq, String(target.seq));
      assert.match(demo.broken!.reason, /hash/);
      assert.ok(reports.find((r) => r.slug === 'solingen-nord')!.ok, 'the other network is not affected');
    });
  });
}
