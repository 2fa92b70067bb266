import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';

/** Every demo user who is not a case manager of the Wuppertal office, whose people the tests create. */
export const EVERYONE_BUT_THE_CASE_MANAGER = [
  'fallmanager.solingen@lotse.example',
  'admin@lotse.example',
  'jobcoach@lotse.example',
  'pate@lotse.example',
  'arbeitgeber@lotse.example',
  'bericht@lotse.example',
  'datenschutz@lotse.example',
] as const;

export type Call = readonly ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, unknown?];

/** Each user gets 403 or 404 on each call: the denial is the point, whichever of the two. */
export async function assertDenied(t: TestApp, emails: readonly string[], calls: readonly Call[]): Promise<void> {
  for (const email of emails) {
    const client = await t.as(email);
    for (const [method, url, body] of calls) {
      const res = await client.request(method, url, body);
      assert.ok([403, 404].includes(res.statusCode), `${email} ${method} ${url} must be denied, got ${res.statusCode}`);
    }
  }
}
