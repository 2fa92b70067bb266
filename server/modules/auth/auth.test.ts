import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { THROTTLE } from './auth.service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`auth [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test('a case manager logs in, sees who she is, and the cookie is HttpOnly and SameSite', async () => {
      const client = t.anonymous();
      const res = await client.login('fallmanager@lotse.example', 'lotse-demo');
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'lotse_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const me = await client.get('/api/me');
      assert.equal(me.statusCode, 200);
      const body = me.json();
      assert.equal(body.user.email, 'fallmanager@lotse.example');
      assert.deepEqual(body.capabilities, ['participants', 'cycle', 'jobs', 'offers', 'mentorships']);
      assert.equal(body.memberships[0].organisationName, 'Fallmanagement Wuppertal');
      // The session table stores a hash, never the cookie's token.
      const stored = await t.database.db.selectFrom('sessions').select('id').execute();
      assert.ok(stored.every((s) => s.id !== cookie.value));
    });

    test('the email is matched regardless of case and surrounding spaces', async () => {
      const res = await t.anonymous().login('  FallManager@Lotse.Example ', 'lotse-demo');
      assert.equal(res.statusCode, 200);
    });

    test('without a session, /api/me is 401', async () => {
      assert.equal((await t.anonymous().get('/api/me')).statusCode, 401);
    });

    test('a wrong password and an unknown account get the same 401', async () => {
      const wrong = await t.anonymous().login('bericht@lotse.example', 'not-the-password');
      const unknown = await t.anonymous().login('nobody@lotse.example', 'not-the-password');
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.json().message, unknown.json().message);
    });

    test('bad input is a 400 with messages per field', async () => {
      const res = await t.anonymous().request('POST', '/api/auth/login', { email: 'x'.repeat(5000), password: '' });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      assert.ok(body.fields.email);
      assert.ok(body.fields.password);
    });

    test('login gives a new session id and ends the one the browser had', async () => {
      const client = await t.as('pate@lotse.example');
      const first = client.cookie;
      await client.login('pate@lotse.example', 'lotse-demo');
      assert.notEqual(client.cookie, first);
      const old = t.anonymous();
      old.cookie = first;
      assert.equal((await old.get('/api/me')).statusCode, 401);
    });

    test('logout ends the session', async () => {
      const client = await t.as('bericht@lotse.example');
      assert.equal((await client.post('/api/auth/logout')).statusCode, 200);
      assert.equal((await client.get('/api/me')).statusCode, 401);
    });

    test('after five wrong passwords the account is throttled, even with the right one', async () => {
      const client = t.anonymous();
      client.ip = '10.1.1.1';
      for (let i = 0; i < THROTTLE.perAccount; i++)
        assert.equal((await client.login('arbeitgeber@lotse.example', 'wrong-password')).statusCode, 401);
      const res = await client.login('arbeitgeber@lotse.example', 'lotse-demo');
      assert.equal(res.statusCode, 429);
      assert.ok(Number(res.headers['retry-after']) > 0);
      // Another account from another address is not affected.
      const other = t.anonymous();
      other.ip = '10.1.1.2';
      assert.equal((await other.login('datenschutz@lotse.example', 'lotse-demo')).statusCode, 200);
    });

    test('one address that tries many accounts is throttled', async () => {
      const client = t.anonymous();
      client.ip = '10.9.9.9';
      for (let i = 0; i < THROTTLE.perIp; i++) await client.login(`guess${i}@lotse.example`, 'wrong-password');
      assert.equal((await client.login('jobcoach@lotse.example', 'lotse-demo')).statusCode, 429);
      const elsewhere = t.anonymous();
      elsewhere.ip = '10.9.9.10';
      assert.equal((await elsewhere.login('jobcoach@lotse.example', 'lotse-demo')).statusCode, 200);
    });

    test('a state-changing request without the CSRF token is refused', async () => {
      const client = await t.as('fallmanager@lotse.example');
      const me = (await client.get('/api/me')).json();
      const withoutToken = await client.request(
        'PATCH',
        '/api/me',
        { locale: 'en', version: me.user.version },
        { 'x-csrf-token': 'forged' },
      );
      assert.equal(withoutToken.statusCode, 403);
      const crossSite = await client.request(
        'PATCH',
        '/api/me',
        { locale: 'en', version: me.user.version },
        { origin: 'https://evil.example' },
      );
      assert.equal(crossSite.statusCode, 403);
      const ok = await client.patch('/api/me', { locale: 'en', version: me.user.version });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().user.locale, 'en');
    });

    test('a form posted as text/plain from another site is not accepted', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'email=a&password=b',
      });
      assert.equal(res.statusCode, 415);
    });

    test('saving the profile with a stale version is a 409', async () => {
      const client = await t.as('qualifizierung@lotse.example');
      const me = (await client.get('/api/me')).json();
      assert.equal((await client.patch('/api/me', { locale: 'en', version: me.user.version })).statusCode, 200);
      assert.equal((await client.patch('/api/me', { locale: 'de', version: me.user.version })).statusCode, 409);
    });

    test('an idle session expires, and so does one past its absolute lifetime', async () => {
      const idle = await t.as('fallmanager.solingen@lotse.example');
      await sql`update sessions set last_seen_at = now() - interval '31 minutes'`.execute(t.database.db);
      assert.equal((await idle.get('/api/me')).statusCode, 401);
      const old = await t.as('fallmanager.solingen@lotse.example');
      await sql`update sessions set expires_at = now() - interval '1 second'`.execute(t.database.db);
      assert.equal((await old.get('/api/me')).statusCode, 401);
    });

    test('changing the password ends the other sessions and needs the current one', async () => {
      const laptop = await t.as('jobcoach@lotse.example');
      const phone = await t.as('jobcoach@lotse.example');
      const wrong = await laptop.post('/api/me/password', { currentPassword: 'nope', newPassword: 'a-new-long-password' });
      assert.equal(wrong.statusCode, 400);
      assert.ok(wrong.json().fields.currentPassword);
      const short = await laptop.post('/api/me/password', { currentPassword: 'lotse-demo', newPassword: 'short' });
      assert.equal(short.statusCode, 400);
      assert.equal(
        (await laptop.post('/api/me/password', { currentPassword: 'lotse-demo', newPassword: 'a-new-long-password' })).statusCode,
        200,
      );
      assert.equal((await laptop.get('/api/me')).statusCode, 200);
      assert.equal((await phone.get('/api/me')).statusCode, 401);
      assert.equal((await t.anonymous().login('jobcoach@lotse.example', 'a-new-long-password')).statusCode, 200);
    });

    test('logins, failures and logouts are audited, without the password', async () => {
      const events = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('action', 'like', 'auth.%')
        .execute();
      const actions = new Set(events.map((e) => e.action));
      assert.ok(actions.has('auth.login') && actions.has('auth.login_failed') && actions.has('auth.logout'));
      assert.ok(!JSON.stringify(events).includes('lotse-demo'));
    });
  });
}
