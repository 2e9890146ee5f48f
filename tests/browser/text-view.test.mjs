// Text import (issue 6) in Chromium with the real module: the seed report's text pasted shows its
// figures underlined (green, red, grey, "to confirm"), the same verdict as the hand-written
// example, the checks of a figure on hover and on keyboard focus; confirming a doubtful relation
// makes it a real check, dismissing takes it away; "save as report" gives the edited draft.
// Run: node --test tests/browser/   (after scripts/build-web.sh)

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artifact, nextVerdict, pasteText, servedPageInChromium } from './helpers.mjs';

const SEED = readFileSync(join(ROOT, 'tests', 'fixtures', 'text', 'qingpu-2017-rule-of-law-report.txt'), 'utf8');
// The same text with one figure misprinted: 79 accepted becomes 80, so 80 + 21 + 42 ≠ 142, a gap
// one misprint explains: the relation is sure, and fails at once.
const BROKEN = SEED.replace('其中受理79件', '其中受理80件');
// …and with a gap no single misprint explains (42 to correct becomes 30): the list may name only
// some parts, so the relation is to confirm.
const DOUBTFUL = SEED.replace('补正42件', '补正30件');

/** The colour of a figure's underline and the page's colour for that status, both computed. */
async function underline(page, locator) {
  return locator.evaluate((span) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const colour = (name) => {
      probe.style.color = `var(${name})`;
      return getComputedStyle(probe).color;
    };
    const result = { decoration: getComputedStyle(span).textDecorationColor, style: getComputedStyle(span).textDecorationStyle, ok: colour('--ok'), bad: colour('--bad'), none: colour('--none'), confirm: colour('--confirm') };
    probe.remove();
    return result;
  });
}

/** Every check of a report, in sections or not. */
function checksOf(report) {
  const checks = [];
  const walk = (node) => { checks.push(...(node.checks || [])); (node.sections || []).forEach(walk); };
  walk(report);
  return checks;
}

const figure = (page, text, status = '') => page.locator(`#workspace .source-text .fig${status ? `.fig-${status}` : ''}`).filter({ hasText: new RegExp(`^${text}[✓✗?]?$`) }).first();

describe('text import', () => {
  const site = servedPageInChromium();

  test('the seed text pasted: figures underlined, the example\'s verdict, checks on hover and focus', async () => {
    const page = await site.open({ lang: 'zh' });
    const exampleVerdict = await page.evaluate(() => document.documentElement.dataset.verdict); // the hand-written example, checked on load
    assert.equal(exampleVerdict, 'consistent');
    await nextVerdict(page, () => page.evaluate(pasteText, SEED));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.verdict), exampleVerdict, 'the text gets the verdict the hand-written example gets');
    assert.equal(await page.isVisible('#workspace .text-view'), true);
    assert.ok((await page.textContent('#workspace .source-text')).includes('青浦区2017年法治政府建设年度报告'), 'the text itself is shown');

    const applications = figure(page, '142');
    assert.equal(await applications.getAttribute('data-status'), 'pass');
    let colours = await underline(page, applications);
    assert.equal(colours.decoration, colours.ok, 'green: in a check that holds');
    const unbound = page.locator('#workspace .source-text .fig-none').first();
    colours = await underline(page, unbound);
    assert.equal(colours.decoration, colours.none, 'grey: in no check');
    assert.equal(colours.style, 'dotted');
    const doubtful = page.locator('#workspace .source-text .fig-confirm').first();
    colours = await underline(page, doubtful);
    assert.equal(colours.decoration, colours.confirm, 'amber: in a relation to confirm');
    assert.equal(colours.style, 'dashed');
    assert.ok(await page.locator('#workspace .source-text .fig-confirm').count() > 0);
    assert.equal(await page.locator('#workspace .source-text .fig-fail').count(), 0);
    assert.ok(await page.locator('#verdict-body .part-to-confirm li.check-confirm').count() > 0, 'relations to confirm are listed');

    await applications.hover();
    await page.waitForSelector('#fig-tip:not([hidden])');
    assert.match(await page.textContent('#fig-tip'), /79 \+ 21 \+ 42 = 142/, 'the check with its arithmetic');
    await page.screenshot({ path: artifact('chromium-text-seed-zh-1280.png'), fullPage: false });

    // Keyboard: Tab goes from figure to figure (and through the buttons of a relation to confirm).
    await page.mouse.move(0, 0);
    await page.locator('#workspace .source-text .fig').first().focus();
    const active = () => page.evaluate(() => (document.activeElement.closest('.fig') ? document.activeElement.textContent.replace(/[✓✗?]$/, '') : document.activeElement.textContent));
    let presses = 0;
    while ((await active()) !== '142' && presses < 60) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    assert.equal(await active(), '142', `Tab reaches the figure (${presses} presses)`);
    await page.waitForSelector('#fig-tip:not([hidden])');
    assert.match(await page.textContent('#fig-tip'), /79 \+ 21 \+ 42 = 142/);
    assert.match(await applications.getAttribute('aria-label'), /142 件: 成立/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a misprinted figure is red at once, named as the likely wrong one', async () => {
    const page = await site.open({ lang: 'en' });
    await nextVerdict(page, () => page.evaluate(pasteText, BROKEN));
    assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/);
    const red = figure(page, '80');
    assert.equal(await red.getAttribute('data-status'), 'fail');
    const colours = await underline(page, red);
    assert.equal(colours.decoration, colours.bad, 'red: in a check that fails');
    assert.match(await red.getAttribute('aria-label'), /fails/);
    assert.match(await red.textContent(), /✗$/, 'a visible mark besides the colour');
    assert.equal(await page.locator('#verdict-body .part-failing li').filter({ hasText: '80 + 21 + 42' }).count(), 1);
    await page.screenshot({ path: artifact('chromium-text-misprint-en-1280.png'), fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
    const draft = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.ok(draft.facts.some((fact) => String(fact.value) === '80' && fact.at), 'the figures, with their place in the text');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('doubt is never a failure; confirmed, the relation fails and the figure is red', async () => {
    const page = await site.open({ lang: 'en' });
    await nextVerdict(page, () => page.evaluate(pasteText, DOUBTFUL));
    assert.match(await page.getAttribute('#banner', 'class'), /banner-consistent/, 'a relation that may list only some parts is only "to confirm"');
    const wrong = figure(page, '30');
    assert.equal(await wrong.getAttribute('data-status'), 'confirm');
    const doubtful = page.locator('#verdict-body .part-to-confirm li.check-confirm').filter({ hasText: '79 + 21 + 30' });
    assert.equal(await doubtful.count(), 1);
    assert.match(await doubtful.textContent(), /would fail/);
    const id = await doubtful.getAttribute('data-id');

    // Confirm from the figure's own explanation: hover, then the button in it.
    await wrong.hover();
    await page.waitForSelector('#fig-tip:not([hidden])');
    await nextVerdict(page, () => page.locator('#fig-tip .tip-check-confirm').filter({ hasText: '79 + 21 + 30' }).locator('button.confirm').click());
    assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/, 'confirmed, the relation is a real check and fails');
    assert.equal(await page.locator(`#verdict-body .part-failing li[data-id="${id}"]`).count(), 1);
    const red = figure(page, '30');
    assert.equal(await red.getAttribute('data-status'), 'fail');
    await page.screenshot({ path: artifact('chromium-text-confirmed-wrong-en-1280.png'), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
    const draft = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const confirmed = checksOf(draft).find((check) => check.id === id);
    assert.equal(confirmed.to_confirm, undefined);
    assert.equal(confirmed.confidence, 'sure');
    await page.close();
  });

  test('dismiss takes a doubtful relation away, and save as report leaves it out', async () => {
    const page = await site.open({ lang: 'en' });
    await nextVerdict(page, () => page.evaluate(pasteText, SEED));
    const items = page.locator('#verdict-body .part-to-confirm li.check-confirm');
    const before = await items.count();
    const doubtful = items.filter({ hasText: '156' });
    const id = await doubtful.getAttribute('data-id');
    assert.equal(await figure(page, '156').getAttribute('data-status'), 'confirm');
    await nextVerdict(page, () => doubtful.locator('button.dismiss').click());
    assert.equal(await items.count(), before - 1);
    assert.equal(await page.locator(`#verdict-body li[data-id="${id}"]`).count(), 0, 'the dismissed relation is gone');
    assert.equal(await figure(page, '156').getAttribute('data-status'), 'none', 'its figures are no longer bound');
    assert.match(await page.getAttribute('#banner', 'class'), /banner-consistent/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
    const draft = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(checksOf(draft).find((check) => check.id === id), undefined);
    assert.equal(checksOf(draft).filter((check) => check.to_confirm).length, before - 1);
    await page.close();
  });

  test('characters beyond the BMP before a figure: offsets in code points land on the figure', async () => {
    const page = await site.open({ lang: 'en' });
    const text = '𠮷野家😀 共收到申请142件,其中受理79件,不予受理21件,补正42件。';
    await nextVerdict(page, () => page.evaluate(pasteText, text));
    const shown = await page.locator('#workspace .source-text .fig').evaluateAll((spans) => spans.map((s) => s.firstChild.textContent));
    assert.deepEqual(shown, ['142', '79', '21', '42']);
    assert.equal(await page.textContent('#workspace .source-text').then((t) => t.replace(/[✓✗?]/g, '')), text, 'the text is shown whole');
    await page.close();
  });

  test('a dropped .html file: tags stripped, figures underlined in its text', async () => {
    const page = await site.open({ lang: 'en' });
    const html = '<!doctype html><html><body><h1>报告</h1><p>共收到申请142件,其中受理79件,不予受理21件,补正42件。</p><script>window.__pwned = 1</script></body></html>';
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'report.html', mimeType: 'text/html', buffer: Buffer.from(html) }));
    const shown = await page.textContent('#workspace .source-text');
    assert.doesNotMatch(shown, /<p>|<h1>/);
    assert.equal(await figure(page, '142').getAttribute('data-status'), 'pass');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.close();
  });
});
