import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestOf } from './matching.service.ts';

// Ranking keeps only the best few in one pass; it must pick what a full sort would.

test('bestOf picks the same items, in the same order, as sorting them all', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
  for (const limit of [1, 3, 25]) {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: `v${String(i).padStart(3, '0')}`, score: Math.floor(next() * 20) }));
    const sorted = [...items].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
    const best = bestOf(
      items,
      limit,
      (x) => x.score,
      (x) => x.id,
    ).map((b) => b.item);
    assert.deepEqual(best, sorted, `limit ${limit}`);
  }
  assert.deepEqual(
    bestOf(
      [],
      5,
      () => 0,
      () => '',
    ),
    [],
  );
});
