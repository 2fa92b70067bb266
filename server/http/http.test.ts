import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.ts';
import { startTestApp, type TestApp } from '../../test/support/app.ts';

// Transport-level behaviour does not depend on the database: PGlite is enough.
describe('HTTP basics', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { demo: false });
  });
  after(() => t.close());

  test('health and readiness', async () => {
    assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
    assert.deepEqual((await t.app.inject('/readyz')).json(), { status: 'ready' });
  });

  test('the OpenAPI document lists the routes with their schemas, and the docs page is served', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi.startsWith('3.'), true);
    assert.ok(doc.paths['/api/auth/login'].post.requestBody);
    assert.ok(doc.paths['/api/users/{id}'].patch);
    assert.equal((await t.app.inject('/api/docs/')).statusCode, 200);
  });

  test('malformed JSON is a 400, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().requestId);
    assert.ok(!res.body.includes('at '), 'no stack trace');
  });

  test('an oversized body is a 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2_000_000) }),
    });
    assert.equal(res.statusCode, 413);
  });

  test('an unknown API route is a JSON 404', async () => {
    const res = await t.app.inject('/api/nothing-here');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error, 'not_found');
  });

  test('client-side routes get the web app; API routes never do', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'lotse-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Lotse</title>');
    const app = await buildApp({ db: t.database.db, config: t.config, logger: false, webDir });
    try {
      const page = await app.inject('/admin/users/123');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<title>Lotse/);
      assert.equal((await app.inject('/api/unknown')).json().error, 'not_found');
      assert.equal((await app.inject({ method: 'POST', url: '/somewhere', payload: {} })).statusCode, 404);
    } finally {
      await app.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });

  test('a request id sent by a proxy is kept and returned in errors', async () => {
    const res = await t.app.inject({ url: '/api/me', headers: { 'x-request-id': 'trace-123' } });
    assert.equal(res.json().requestId, 'trace-123');
  });
});
