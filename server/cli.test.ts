import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../test/support/databases.ts';

function lotse(env: Record<string, string>, ...args: string[]) {
  const res = spawnSync(process.execPath, ['server/cli.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: res.status, out: res.stdout + res.stderr };
}

for (const kind of testDatabaseKinds()) {
  describe(`the lotse CLI [${kind}]`, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    before(async () => {
      if (kind === 'pglite') {
        const dir = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
        env = { LOTSE_DATA_DIR: dir, DATABASE_URL: '' };
        cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
      } else {
        const database = await openTestDatabase('postgres');
        await database.db.destroy();
        env = { DATABASE_URL: database.url! };
        cleanup = () => database.close();
      }
    });
    after(() => cleanup());

    test('migrate applies the migrations once', () => {
      assert.match(lotse(env, 'migrate').out, /Applied|up to date/);
      assert.match(lotse(env, 'migrate').out, /up to date/);
    });

    test('create-network makes a network whose admin can log in; bad input is explained', () => {
      const ok = lotse(
        { ...env, LOTSE_ADMIN_PASSWORD: 'a-strong-admin-password' },
        'create-network',
        '--slug',
        'wuppertal',
        '--name',
        'Netzwerk Wuppertal',
        '--admin-email',
        'it@wuppertal.example',
        '--admin-name',
        'IT Wuppertal',
      );
      assert.equal(ok.code, 0, ok.out);
      assert.match(ok.out, /Created network wuppertal/);
      const again = lotse(
        { ...env, LOTSE_ADMIN_PASSWORD: 'a-strong-admin-password' },
        'create-network',
        '--slug',
        'wuppertal',
        '--name',
        'Doppelt',
        '--admin-email',
        'other@wuppertal.example',
        '--admin-name',
        'Other',
      );
      assert.equal(again.code, 2);
      assert.match(again.out, /slug: A network with this slug exists/);
      const weak = lotse(
        { ...env, LOTSE_ADMIN_PASSWORD: 'short' },
        'create-network',
        '--slug',
        'x-y',
        '--name',
        'XY',
        '--admin-email',
        'not-an-email',
        '--admin-name',
        'A',
      );
      assert.equal(weak.code, 2);
      assert.match(weak.out, /adminEmail/);
      assert.match(weak.out, /adminPassword/);
    });

    test('verify-audit says the chain is intact, then finds the first broken link after tampering', async () => {
      assert.equal(lotse(env, 'load-demo').code, 0);
      const ok = lotse(env, 'verify-audit');
      assert.equal(ok.code, 0, ok.out);
      assert.match(ok.out, /demo: \d+ events, chain intact/);

      const database = await openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.LOTSE_DATA_DIR });
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(database.db);
      await sql`update audit_events set details = '{"participants": 1}' where action = 'demo.load'`.execute(database.db);
      await database.close();

      const broken = lotse(env, 'verify-audit');
      assert.equal(broken.code, 1);
      assert.match(broken.out, /demo: BROKEN .* first broken link: seq \d+ .*content does not match its hash/);
      assert.match(broken.out, /wuppertal: 1 events, chain intact/);
    });

    test('an unknown command prints the usage', () => {
      const res = lotse(env, 'drop-everything');
      assert.equal(res.code, 2);
      assert.match(res.out, /Usage/);
    });
  });
}
