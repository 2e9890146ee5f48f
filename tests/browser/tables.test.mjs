// The verdict's tables (issue 5 §1) in Chromium: a table with a wrong grand total is drawn as a
// table, the failing cells marked ✗ with a text marker and a title naming their checks; at phone
// width the table scrolls inside itself, never the page.
// Run: node --test tests/browser/   (after scripts/build-web.sh)

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artifact, nextVerdict, servedPageInChromium } from './helpers.mjs';

const TABLE = readFileSync(join(ROOT, 'tests/browser/fixtures/table-total-off-by-one.json'));

describe('tables in the verdict', () => {
  const site = servedPageInChromium();

  for (const width of [1280, 390]) {
    test(`a table with a wrong total: failing cells marked, not by colour alone (${width} px)`, async () => {
      const page = await site.open({ lang: 'en', width });
      await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'table.json', mimeType: 'application/json', buffer: TABLE }));
      assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/);
      const table = page.locator('.part-tables table.grid[data-table="apps"]');
      assert.equal(await page.textContent('.part-tables .grid-block[data-table="apps"] .grid-title'), 'Applications received');
      assert.deepEqual(await table.locator('thead th').allTextContents(), ['online (件)', 'on paper (件)', 'total (件)']);
      assert.deepEqual(await table.locator('tbody th').allTextContents(), ['accepted', 'refused', 'total']);
      const grandTotal = table.locator('tr[data-row="total"] td').nth(2);
      assert.match(await grandTotal.getAttribute('class'), /cell-fail/);
      assert.match(await grandTotal.textContent(), /^19✗ \(fails: 2 checks\)likely wrong: 18\?$/, 'a visible ✗, words for screen readers, and the value that mends both');
      assert.match(await grandTotal.getAttribute('class'), /cell-suspect/);
      assert.doesNotMatch(await table.locator('tr[data-row="total"] td').first().getAttribute('class'), /cell-suspect/, 'only the likeliest cell is named');
      assert.match(await grandTotal.locator('.visually-hidden').textContent(), /fails/);
      assert.match(await grandTotal.getAttribute('title'), /Failing checks with this cell:\n.+19/);
      assert.equal(await grandTotal.evaluate((td) => getComputedStyle(td).textAlign), 'end', 'figures right-aligned');
      const good = table.locator('tr[data-row="accepted"] td').first();
      assert.doesNotMatch(await good.getAttribute('class'), /cell-fail/);
      assert.equal(await good.textContent(), '10');
      assert.equal(await table.locator('tr[data-row="refused"] td').nth(1).textContent(), '—', 'an empty cell is shown as a dash');
      if (width === 390) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow} px too wide)`);
      }
      await page.screenshot({ path: artifact(`chromium-table-inconsistent-en-${width}.png`), fullPage: true });
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }

  test('the <crossfoot-report> component shows the table too, failing cells marked', async () => {
    const page = await site.open({ lang: 'en' });
    const cells = await page.evaluate(async (text) => {
      await import('./crossfoot-element.js');
      const element = document.createElement('crossfoot-report');
      element.setAttribute('compact', 'false');
      const verdict = new Promise((resolve) => element.addEventListener('crossfoot-verdict', resolve, { once: true }));
      element.report = text;
      document.body.append(element);
      await verdict;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return Array.from(element.shadowRoot.querySelectorAll('table.grid td.cell-fail'), (td) => td.firstChild.textContent);
    }, TABLE.toString('utf8'));
    assert.deepEqual(cells.sort(), ['13', '15', '19', '3', '5']);
    await page.close();
  });

  test('a wide template table at phone width scrolls inside itself', async () => {
    const page = await site.open({ lang: 'zh', width: 390 });
    const file = readFileSync(join(ROOT, 'tests/browser/fixtures/disclosure-2021-carries-out-2.json'));
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'disclosure.json', mimeType: 'application/json', buffer: file }));
    const wrap = page.locator('.part-tables .grid-wrap').filter({ has: page.locator('table[data-table="t3"]') });
    const { inner, outer } = await wrap.evaluate((node) => ({ inner: node.scrollWidth, outer: node.clientWidth }));
    assert.ok(inner > outer, `the table is wider than the phone (${inner} > ${outer}) and scrolls`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page itself does not scroll sideways');
    assert.equal(await wrap.getAttribute('tabindex'), '0', 'the scrolling region is keyboard reachable');
    await page.screenshot({ path: artifact('chromium-template-report-zh-390.png'), fullPage: true });
    await page.close();
  });
});
