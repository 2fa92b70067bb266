import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// German is the default language and English stands beside it complete: both
// message files must have the same keys, no empty texts, and the same
// placeholders in each text (a missing {{name}} would show a blank to someone).

type Messages = { [key: string]: string | Messages };

function load(locale: string): Map<string, string> {
  const messages = JSON.parse(readFileSync(new URL(`./${locale}.json`, import.meta.url), 'utf8')) as Messages;
  const flat = new Map<string, string>();
  const walk = (node: Messages, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') flat.set(prefix + key, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(messages, '');
  return flat;
}

const de = load('de');
const en = load('en');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

test('German and English have exactly the same message keys', () => {
  assert.deepEqual(
    [...en.keys()].filter((k) => !de.has(k)),
    [],
    'keys only in en.json',
  );
  assert.deepEqual(
    [...de.keys()].filter((k) => !en.has(k)),
    [],
    'keys only in de.json',
  );
});

test('no message is empty', () => {
  for (const [locale, messages] of [
    ['de', de],
    ['en', en],
  ] as const) {
    const empty = [...messages].filter(([, text]) => text.trim() === '').map(([key]) => key);
    assert.deepEqual(empty, [], `empty texts in ${locale}.json`);
  }
});

test('both languages use the same placeholders in each message', () => {
  const differing = [...de]
    .filter(([key, text]) => en.has(key) && placeholders(text).join() !== placeholders(en.get(key)!).join())
    .map(([key]) => key);
  assert.deepEqual(differing, []);
});
