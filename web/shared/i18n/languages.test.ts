import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickLocale } from './languages.ts';

test('the first preferred language that has messages wins', () => {
  assert.equal(pickLocale(['fr-FR', 'en-US', 'de']), 'en');
  assert.equal(pickLocale(['de-AT', 'en']), 'de');
});

test('German is the default when nothing fits', () => {
  assert.equal(pickLocale([]), 'de');
  assert.equal(pickLocale(['ar', 'fa', null, undefined, '']), 'de');
});
