// "Start from a template" (issue 5 §2) and several reports of one issuer (issue 5 §3), in Chromium
// with the real module: the empty form of the 2021 template, typing re-checks and marks the
// failing cells, "save as report" gives only the numbers, and two years dropped together get the
// cross-year warning.
// Run: node --test tests/browser/   (after scripts/build-web.sh)

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artifact, nextVerdict, servedPageInChromium } from './helpers.mjs';

const TEMPLATE = 'cn-gov-info-disclosure-2021';
const fixture = (name) => readFileSync(join(ROOT, 'tests/browser/fixtures', name));
const templateRows = (table) => JSON.parse(readFileSync(join(ROOT, 'templates', `${TEMPLATE}.json`), 'utf8')).tables.find((t) => t.id === table).rows.map((row) => row.id);

describe('the template form', () => {
  const site = servedPageInChromium();

  async function openForm(page) {
    await page.click('#template-box summary');
    await page.selectOption('#template-select', TEMPLATE);
    await nextVerdict(page, () => page.click('#template-open'));
    await page.waitForSelector('html[data-form="ready"]');
  }

  /** Types into a cell and waits for the re-check it brings (debounced, in the worker). */
  const type = (page, cell, value) => nextVerdict(page, () => page.fill(`input[data-cell="${cell}"]`, value));

  test('an empty form in the page language; typing re-checks and marks the failing cells', async () => {
    const page = await site.open({ lang: 'zh' });
    await openForm(page);
    assert.equal(await page.locator('#workspace table[data-table="t3"] tbody tr').count(), templateRows('t3').length);
    assert.match(await page.textContent('#workspace .grid-block[data-table="t3"] .grid-title'), /表三/);
    assert.match(await page.getAttribute('input[data-cell="t3.new.natural"]', 'aria-label'), /新收.*自然人|自然人/);
    assert.equal(await page.locator('#workspace input[data-cell]').evaluateAll((inputs) => inputs.filter((i) => i.value !== '').length), 0, 'the form starts empty');

    // Every row of table 3 for natural persons and the total column: 5 new + 1 carried in = 4 handled + 2 carried out.
    const given = { new: 5, carried_in: 1, open: 4, total: 4, carried_out: 2 };
    for (const row of templateRows('t3')) {
      for (const column of ['natural', 'total']) await page.fill(`input[data-cell="t3.${row}.${column}"]`, String(given[row] ?? 0));
    }
    await type(page, 't3.carried_out.total', '2');
    assert.match(await page.getAttribute('#banner', 'class'), /banner-consistent/);
    assert.equal(await page.locator('#workspace td.cell-fail').count(), 0);

    await type(page, 't3.carried_out.total', '3'); // breaks the balance of the total column and the row's total
    assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/);
    const cell = page.locator('input[data-cell="t3.carried_out.total"]').locator('xpath=..');
    assert.match(await cell.getAttribute('class'), /cell-fail/);
    assert.match(await cell.textContent(), /不成立/, 'a text marker, not colour alone');
    assert.equal(await page.getAttribute('input[data-cell="t3.carried_out.total"]', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#workspace-status'), /不一致/);
    await page.screenshot({ path: artifact('chromium-template-form-inconsistent-zh-1280.png'), fullPage: true });

    await type(page, 't3.carried_out.total', '2');
    assert.match(await page.getAttribute('#banner', 'class'), /banner-consistent/, 'mending the cell mends the verdict');
    assert.equal(await page.locator('#workspace td.cell-fail').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('switching the language relabels the form and keeps what was typed', async () => {
    const page = await site.open({ lang: 'en' });
    await openForm(page);
    assert.match(await page.textContent('#workspace .grid-block[data-table="t3"] .grid-title'), /Table 3/);
    await page.fill('#field-issuer', 'Some district');
    await type(page, 't4.reconsideration.upheld', '7');
    await nextVerdict(page, () => page.click('#lang-switch button[data-lang="zh"]'));
    await page.waitForFunction(() => /表三/.test(document.querySelector('#workspace .grid-block[data-table="t3"] .grid-title')?.textContent || ''));
    assert.equal(await page.inputValue('input[data-cell="t4.reconsideration.upheld"]'), '7');
    assert.equal(await page.inputValue('#field-issuer'), 'Some district');
    assert.match(await page.textContent('label.field-issuer'), /发布机关/);
    await page.close();
  });

  test('save as report: only the numbers, the template and the report fields; it checks the same', async () => {
    const page = await site.open({ lang: 'en' });
    await openForm(page);
    await page.fill('#field-title', 'Annual report 2021');
    await page.fill('#field-issuer', 'Some district');
    await page.fill('#field-period', '2021');
    await page.fill('input[data-cell="t4.reconsideration.upheld"]', '3');
    await page.fill('input[data-cell="t4.reconsideration.corrected"]', '1');
    await page.fill('input[data-cell="t4.reconsideration.other"]', '0');
    await page.fill('input[data-cell="t4.reconsideration.pending"]', '0');
    await type(page, 't4.reconsideration.total', '5');
    assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(saved, {
      crossfoot: 1,
      template: TEMPLATE,
      report: { title: 'Annual report 2021', issuer: 'Some district', period: '2021' },
      tables: [{ id: 't4', rows: [{ id: 'reconsideration', cells: [3, 1, 0, 0, 5] }] }],
    });
    // The saved file, opened as a file, gets the same verdict as the form.
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) }));
    assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/);
    assert.equal(await page.isHidden('#workspace'), true, 'a file opened closes the form');
    await page.close();
  });

  test('two years of one issuer dropped together: the cross-year warning names both', async () => {
    const page = await site.open({ lang: 'en' });
    await nextVerdict(page, () => page.setInputFiles('#file-input', [
      { name: 'disclosure-2021.json', mimeType: 'application/json', buffer: fixture('disclosure-2021-carries-out-2.json') },
      { name: 'disclosure-2022.json', mimeType: 'application/json', buffer: fixture('disclosure-2022-carries-in-3.json') },
    ]));
    assert.equal(await page.locator('#file-list tbody tr').count(), 2);
    await page.click('#file-list tbody tr:nth-child(2) button.file');
    const warning = page.locator('#verdict-body .part-warnings li.check-fail').filter({ has: page.locator('.badge-warning') });
    assert.ok(await warning.count() > 0, 'a failing cross-year check of severity warning');
    const text = await warning.first().textContent();
    assert.match(text, /2021/);
    assert.match(text, /2022/);
    assert.match(text, /carried/i);
    assert.doesNotMatch(await page.getAttribute('#banner', 'class'), /banner-invalid/);
    await page.screenshot({ path: artifact('chromium-cross-year-en-1280.png'), fullPage: true });
    await page.click('#file-list tbody tr:nth-child(1) button.file');
    assert.equal(await page.locator('#verdict-body li.check-fail').count(), 0, 'the earlier year has no link check');
    await page.close();
  });
});
