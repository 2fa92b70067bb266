import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds, OTHER_PASSWORD } from '../../../test/support/factories.ts';

// Who may call which route. Every role is tried against every route: the denials
// are the point of this file.
const ROLE_ACCOUNTS = {
  network_admin: 'admin@lotse.example',
  case_manager: 'fallmanager@lotse.example',
  partner_caseworker: 'jobcoach@lotse.example',
  mentor: 'pate@lotse.example',
  employer_contact: 'arbeitgeber@lotse.example',
  analyst: 'bericht@lotse.example',
  data_protection_officer: 'datenschutz@lotse.example',
} as const;
type RoleName = keyof typeof ROLE_ACCOUNTS;

interface RouteCase {
  name: string;
  allowed: RoleName[];
  call: (ids: Awaited<ReturnType<typeof demoIds>>) => { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown };
  /** The status a role gets that is not allowed (403, or 404 where existence is hidden). */
  denied?: number;
}

const ROUTES: RouteCase[] = [
  { name: 'list organisations', allowed: ['network_admin'], call: () => ({ method: 'GET', url: '/api/organisations' }) },
  {
    name: 'read an organisation',
    allowed: ['network_admin'],
    call: (ids) => ({ method: 'GET', url: `/api/organisations/${ids.org('Jobcoaching')}` }),
  },
  {
    name: 'create an organisation',
    allowed: ['network_admin'],
    call: () => ({ method: 'POST', url: '/api/organisations', body: { kind: 'partner', name: `Neu ${Math.random()}` } }),
  },
  {
    name: 'change an organisation',
    allowed: ['network_admin'],
    call: (ids) => ({ method: 'PATCH', url: `/api/organisations/${ids.org('Aktiv')}`, body: { version: 1 } }),
  },
  { name: 'list users', allowed: ['network_admin'], call: () => ({ method: 'GET', url: '/api/users' }) },
  {
    name: 'read a user',
    allowed: ['network_admin'],
    call: (ids) => ({ method: 'GET', url: `/api/users/${ids.user('pate@lotse.example')}` }),
  },
  {
    name: 'create a user',
    allowed: ['network_admin'],
    call: () => ({
      method: 'POST',
      url: '/api/users',
      body: {
        email: `u${Math.floor(Math.random() * 1e9)}@lotse.example`,
        displayName: 'Neu',
        password: 'a-long-initial-pw',
        memberships: [{ role: 'analyst', organisationId: null }],
      },
    }),
  },
  {
    name: 'change a user',
    allowed: ['network_admin'],
    call: (ids) => ({ method: 'PATCH', url: `/api/users/${ids.user('bericht@lotse.example')}`, body: { version: 999 } }),
  },
  {
    name: 'create a city',
    allowed: ['network_admin'],
    call: () => ({ method: 'POST', url: '/api/cities', body: { name: `Stadt ${Math.random()}` } }),
  },
  { name: 'read the audit log', allowed: ['data_protection_officer'], call: () => ({ method: 'GET', url: '/api/audit-events' }) },
  {
    name: 'read the overview report',
    allowed: ['network_admin', 'analyst'],
    call: () => ({ method: 'GET', url: '/api/reports/overview' }),
  },
  { name: 'list participants', allowed: ['case_manager'], call: () => ({ method: 'GET', url: '/api/participants' }) },
];

for (const kind of testDatabaseKinds()) {
  describe(`access policy on every route [${kind}]`, () => {
    let t: TestApp;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let other: Awaited<ReturnType<typeof createOtherNetwork>>;
    const clients = new Map<RoleName, Awaited<ReturnType<TestApp['as']>>>();

    before(async () => {
      t = await startTestApp(kind);
      ids = await demoIds(t.database.db);
      other = await createOtherNetwork(t.database.db);
      for (const [role, email] of Object.entries(ROLE_ACCOUNTS)) clients.set(role as RoleName, await t.as(email));
    });
    after(() => t.close());

    for (const route of ROUTES) {
      test(`${route.name}: only ${route.allowed.join(', ')}; everyone else is denied; anonymous gets 401`, async () => {
        for (const [role, client] of clients) {
          const { method, url, body } = route.call(ids);
          const res = await client.request(method, url, body);
          if (route.allowed.includes(role)) {
            // Allowed roles get past the policy: success, or a validation/version answer.
            assert.ok([200, 201, 409].includes(res.statusCode), `${role} ${method} ${url} → ${res.statusCode} ${res.body}`);
          } else {
            assert.equal(res.statusCode, route.denied ?? 403, `${role} must be denied ${route.name}, got ${res.statusCode}`);
          }
        }
        const { method, url, body } = route.call(ids);
        assert.equal((await t.anonymous().request(method, url, body)).statusCode, 401);
      });
    }

    test('a participant record: only case managers of the responsible office; a Solingen case manager gets 404 for a Wuppertal person', async () => {
      const wuppertal = (await clients.get('case_manager')!.get('/api/participants?pageSize=1')).json().items[0];
      assert.equal((await clients.get('case_manager')!.get(`/api/participants/${wuppertal.id}`)).statusCode, 200);
      const solingen = await t.as('fallmanager.solingen@lotse.example');
      assert.equal((await solingen.get(`/api/participants/${wuppertal.id}`)).statusCode, 404);
      const solingenList = (await solingen.get('/api/participants?pageSize=200')).json();
      assert.ok(solingenList.items.every((p: { officeName: string }) => p.officeName === 'Fallmanagement Solingen'));
      for (const role of [
        'network_admin',
        'partner_caseworker',
        'mentor',
        'employer_contact',
        'analyst',
        'data_protection_officer',
      ] as const) {
        const res = await clients.get(role)!.get(`/api/participants/${wuppertal.id}`);
        assert.ok([403, 404].includes(res.statusCode), `${role} must not read a participant, got ${res.statusCode}`);
      }
    });

    test("another network's records are 404, in both directions", async () => {
      const admin = clients.get('network_admin')!;
      assert.equal((await admin.get(`/api/organisations/${other.officeId}`)).statusCode, 404);
      assert.equal((await admin.patch(`/api/organisations/${other.officeId}`, { name: 'Übernommen', version: 1 })).statusCode, 404);
      assert.equal((await admin.get(`/api/users/${other.adminId}`)).statusCode, 404);
      assert.equal((await admin.patch(`/api/users/${other.caseManagerId}`, { status: 'disabled', version: 1 })).statusCode, 404);
      assert.equal((await clients.get('case_manager')!.get(`/api/participants/${other.participantId}`)).statusCode, 404);

      const otherAdmin = await t.as(other.adminEmail, OTHER_PASSWORD);
      assert.equal((await otherAdmin.get(`/api/organisations/${ids.org('Jobcoaching')}`)).statusCode, 404);
      const names = (await otherAdmin.get('/api/organisations?pageSize=200')).json().items.map((o: { name: string }) => o.name);
      assert.deepEqual(names, ['Fallmanagement Remscheid']);
      const users = (await otherAdmin.get('/api/users?pageSize=200')).json().items.map((u: { email: string }) => u.email);
      assert.ok(users.every((e: string) => e.endsWith('@solingen-nord.example')));
      const otherCm = await t.as(other.caseManagerEmail, OTHER_PASSWORD);
      const participants = (await otherCm.get('/api/participants?pageSize=200')).json();
      assert.equal(participants.total, 1);
      // An organisation of another network cannot be used for a role either.
      const res = await admin.post('/api/users', {
        email: 'x@lotse.example',
        displayName: 'Xaver',
        password: 'a-long-initial-pw',
        memberships: [{ role: 'case_manager', organisationId: other.officeId }],
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().fields['memberships.0.organisationId'], ['Unknown organisation']);
    });

    test('the network report counts only its own network', async () => {
      const report = (await clients.get('analyst')!.get('/api/reports/overview')).json();
      assert.equal(report.total, 62);
    });
  });
}
