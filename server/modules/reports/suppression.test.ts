import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suppress, suppressLinked, suppressTotal, suppressTwoWay } from './suppression.ts';

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

test('linked cells: a single hidden cell of a line takes the smallest other one with it', () => {
  // total = a + b + c; c is small, so b (the smallest other) goes too.
  const hidden = suppressLinked(
    new Map([
      ['total', 30],
      ['a', 20],
      ['b', 7],
      ['c', 3],
    ]),
    [['total', 'a', 'b', 'c']],
  );
  assert.deepEqual([...hidden].sort(), ['b', 'c']);
});

test('linked cells: hiding spreads along crossing lines until no line has exactly one', () => {
  // x is in two lines; each needs a second hidden cell.
  const hidden = suppressLinked(
    new Map([
      ['r', 10],
      ['x', 2],
      ['y', 8],
      ['c', 12],
      ['z', 10],
    ]),
    [
      ['r', 'x', 'y'],
      ['c', 'x', 'z'],
    ],
  );
  assert.deepEqual([...hidden].sort(), ['x', 'y', 'z']);
});

test('linked cells: a never-shown rest that is small hides a shown cell of its line', () => {
  // 12 leavers, 9 in work: the 3 others would be 12 − 9.
  const hidden = suppressLinked(
    new Map([
      ['leavers', 12],
      ['work', 9],
      ['rest', 3],
    ]),
    [['leavers', 'work', 'rest']],
  );
  assert.deepEqual([...hidden].sort(), ['rest', 'work']);
});

test('two-way table: small cells are protected in rows, columns and totals alike', () => {
  const t = suppressTwoWay({
    unemployed: { female: 10, male: 2, non_binary: 0 },
    employed: { female: 6, male: 8, non_binary: 0 },
  });
  // male 2 is alone in its row (unemployed) and its column (male): the smallest other cell of
  // each goes, and then each line they are in has two hidden cells.
  assert.deepEqual(t.cells, {
    unemployed: { female: null, male: null, non_binary: 0 },
    employed: { female: null, male: null, non_binary: 0 },
  });
  assert.deepEqual(t.rowTotals, { unemployed: 12, employed: 14 });
  assert.deepEqual(t.columnTotals, { female: 16, male: 10, non_binary: 0 });
  assert.equal(t.total, 26);
});

test('two-way table: nothing small, nothing hidden; a small total is hidden with a partner', () => {
  const clear = suppressTwoWay({ a: { f: 5, m: 6 }, b: { f: 7, m: 8 } });
  assert.deepEqual(clear.cells, { a: { f: 5, m: 6 }, b: { f: 7, m: 8 } });
  assert.equal(clear.total, 26);
  const small = suppressTwoWay({ a: { f: 3, m: 0 }, b: { f: 9, m: 6 } });
  // a = 3 (row total and its one cell), f column: 3 of 12; b/f (9) is the partner in the column,
  // then b's row needs a second one: m (6), and so on until every line holds two or none.
  for (const row of Object.values(small.cells)) for (const v of Object.values(row)) assert.ok(v === null || v === 0 || v >= 5);
  assert.equal(small.cells.a!.f, null);
  assert.equal(small.rowTotals.a, null);
  assert.notEqual(small.cells.b!.f, 9);
});
