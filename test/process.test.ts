import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

// The real process, as `npm start` runs it, on the embedded database in a directory.

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', LOTSE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

async function login(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@lotse.example', password: 'lotse-demo' }),
  });
  assert.equal(res.status, 200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-process-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a killed process loses no acknowledged write, and restarts on the same data', async () => {
    const first = await startServer(dataDir);
    const session = await login(first.url);
    const names = Array.from({ length: 5 }, (_, i) => `Absturzsicher ${i}`);
    for (const name of names) {
      const res = await fetch(`${first.url}/api/organisations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf, origin: first.url },
        body: JSON.stringify({ kind: 'partner', name }),
      });
      assert.equal(res.status, 201);
    }
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startServer(dataDir);
    try {
      const again = await login(second.url);
      const list = (await (
        await fetch(`${second.url}/api/organisations?q=Absturzsicher&pageSize=10`, { headers: { cookie: again.cookie } })
      ).json()) as { items: { name: string }[] };
      assert.deepEqual(list.items.map((o) => o.name).sort(), names);
      // Still one demo network: the demo data is not loaded twice.
      const users = (await (
        await fetch(`${second.url}/api/users?q=admin@lotse.example`, { headers: { cookie: again.cookie } })
      ).json()) as { total: number };
      assert.equal(users.total, 1);
    } finally {
      second.child.kill('SIGTERM');
      // Graceful shutdown: requests finish, the database closes, exit code 0.
      assert.equal(await second.exited, 0);
    }
  });
});
