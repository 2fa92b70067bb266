import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directionOf } from './direction.ts';

test('Arabic and Farsi are written right to left, with or without a region', () => {
  for (const locale of ['ar', 'fa', 'ar-SY', 'fa_IR', 'AR']) assert.equal(directionOf(locale), 'rtl', locale);
});

test('German, English and other left-to-right languages stay left to right', () => {
  for (const locale of ['de', 'en', 'de-DE', 'en-GB', 'uk', 'tr', 'ti', '']) assert.equal(directionOf(locale), 'ltr', locale);
});
