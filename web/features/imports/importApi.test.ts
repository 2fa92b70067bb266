import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError } from '../../shared/api/client.ts';
import { overallPercent, runImport, type ImportProgress } from './importApi.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** The server's NDJSON answer, cut into chunks in the middle of lines. */
function streamed(chunks: string[], status = 200): typeof fetch {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  return () =>
    Promise.resolve(
      new Response(
        new ReadableStream({
          start(controller) {
            for (const b of bytes) controller.enqueue(b);
            controller.close();
          },
        }),
        { status },
      ),
    );
}

const settings = { mapping: {}, cityId: '00000000-0000-4000-8000-000000000000', status: 'active' as const, includeDuplicateRows: [] };

test('progress lines are read across chunk boundaries, and the last line is the result', async () => {
  globalThis.fetch = streamed([
    '{"progress":{"phase":"validated","done":3,"total":3}}\n{"progress":{"pha',
    'se":"inserting","done":1,"total":3}}\n',
    '{"result":{"imported":3,"skippedDuplicates":1,"finishedAt":"2026-11-22"}}\n',
  ]);
  const seen: ImportProgress[] = [];
  const result = await runImport('id', settings, (p) => seen.push(p));
  assert.deepEqual(
    seen.map((p) => p.phase),
    ['validated', 'inserting'],
  );
  assert.equal(result.imported, 3);
  assert.equal(result.skippedDuplicates, 1);
});

test('an error line after streaming began rejects with the server error', async () => {
  globalThis.fetch = streamed(['{"progress":{"phase":"staging","done":0,"total":2}}\n{"error":{"error":"conflict","message":"x"}}\n']);
  await assert.rejects(
    runImport('id', settings, () => {}),
    (e: unknown) => e instanceof ApiError && e.code === 'conflict',
  );
});

test('a stream that ends without a result is a failure, not a success', async () => {
  globalThis.fetch = streamed(['{"progress":{"phase":"staging","done":1,"total":2}}\n']);
  await assert.rejects(
    runImport('id', settings, () => {}),
    ApiError,
  );
});

test('the bar covers the whole run: phases fill their share, in order', () => {
  assert.equal(overallPercent(null), 0);
  assert.equal(overallPercent({ phase: 'validated', done: 5, total: 5 }), 10);
  assert.equal(overallPercent({ phase: 'staging', done: 1, total: 2 }), 30);
  assert.equal(overallPercent({ phase: 'inserting', done: 4, total: 4 }), 100);
});
