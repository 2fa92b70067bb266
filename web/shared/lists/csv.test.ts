import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvSeparatorFor, toCsv } from './csv.ts';

test('cells with the separator, quotes or line breaks are quoted', () => {
  assert.equal(toCsv([['a;b', 'say "hi"', 'two\nlines', 'plain']], ';'), '"a;b";"say ""hi""";"two\nlines";plain\r\n');
  assert.equal(toCsv([['a;b', 'a,b']], ','), 'a;b,"a,b"\r\n');
});

test('empty cells stay empty and numbers are written as they are', () => {
  assert.equal(toCsv([[null, undefined, 0, -3, true]]), ',,0,-3,true\r\n');
});

test('text that a spreadsheet would run as a formula is defused', () => {
  assert.equal(toCsv([['=HYPERLINK("x")', '@SUM(A1)', '+49 202 1234', '-5']]), `"'=HYPERLINK(""x"")",'@SUM(A1),'+49 202 1234,-5\r\n`);
});

test('German exports use semicolons, English ones commas', () => {
  assert.equal(csvSeparatorFor('de'), ';');
  assert.equal(csvSeparatorFor('en'), ',');
});
