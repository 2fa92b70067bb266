import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suppress, suppressTotal } from './suppression.ts';

test('cells below five are suppressed; zero is shown', () => {
  assert.deepEqual(suppress({ a: 12, b: 3, c: 0, d: 2 }), [
    { key: 'a', count: 12 },
    { key: 'b', count: null },
    { key: 'c', count: 0 },
    { key: 'd', count: null },
  ]);
});

test('a single suppressed cell takes the smallest other one with it, so it cannot be derived from the total', () => {
  assert.deepEqual(suppress({ female: 20, male: 31, non_binary: 2 }), [
    { key: 'female', count: null },
    { key: 'male', count: 31 },
    { key: 'non_binary', count: null },
  ]);
});

test('totals below the threshold are suppressed too', () => {
  assert.equal(suppressTotal(4), null);
  assert.equal(suppressTotal(0), 0);
  assert.equal(suppressTotal(5), 5);
});
