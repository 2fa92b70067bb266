import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.ts';
import { loadDemoData } from '../../server/demo/seed.ts';
import { openTestDatabase, type DatabaseKind } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A client that is not logged in. */
  anonymous(): ApiClient;
  /** A client logged in as this user (demo password unless given). */
  as(email: string, password?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
  /** The demo's plans, referrals and appointments too. */
  demoCycle?: boolean;
  env?: Record<string, string>;
}

/** The app on a fresh database, with the demo network unless demo: false. */
export async function startTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  if (options.demo !== false) await loadDemoData(database.db, { cycle: options.demoCycle ?? false });
  const config = loadConfig({ LOTSE_DEMO_DATA: 'false', ...options.env });
  const app = await buildApp({ db: database.db, config, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    anonymous: () => new ApiClient(app),
    as: async (email, password = DEMO_PASSWORD) => {
      const client = new ApiClient(app);
      const res = await client.login(email, password);
      if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Calls the API the way the web app does: session cookie plus CSRF header. */
export class ApiClient {
  readonly app: FastifyInstance;
  cookie: string | undefined;
  csrfToken: string | undefined;
  ip = '10.0.0.1';

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.statusCode === 200) {
      const cookie = res.cookies.find((c) => c.name === 'lotse_session');
      this.cookie = cookie ? `lotse_session=${cookie.value}` : undefined;
      this.csrfToken = res.json<{ csrfToken: string }>().csrfToken;
    }
    return res;
  }

  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
