// Every string of the page exists in both languages (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, stringKeys, translator } from '../../www/i18n.js';

test('English and Chinese have the same strings, none empty', () => {
  assert.deepEqual(LANGS, ['en', 'zh']);
  // "_one" keys are English singulars; Chinese has no singular form.
  const en = stringKeys('en').filter((key) => !key.endsWith('_one')).sort();
  const zh = stringKeys('zh').sort();
  assert.deepEqual(zh, en);
  for (const lang of LANGS) {
    const t = translator(lang);
    for (const key of en) assert.ok(t(key).trim().length > 0, `${lang}.${key}`);
  }
});

test('placeholders are filled, and the singular form is used for one', () => {
  const en = translator('en');
  assert.equal(en('count_facts', { n: 3 }), '3 facts');
  assert.equal(en('count_facts', { n: 1 }), '1 fact');
  assert.equal(translator('zh')('at', { line: 3, column: 7 }), '第 3 行第 7 列');
});
