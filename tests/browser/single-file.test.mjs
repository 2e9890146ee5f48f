// The single self-contained file dist/crossfoot.html opened from file://, with no server: in
// Chromium (playwright-core) and in Firefox ESR (puppeteer-core over WebDriver BiDi), with a drop.
// Run: node --test tests/browser/   (after scripts/build-web.sh)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { artifact, launchChromium, launchFirefox, reportText, requireBuild, SINGLE_FILE, SINGLE_FILE_URL, startServer, VERDICT_BANNER } from './helpers.mjs';

const WRONG = reportText({ wrong: true, title: '<img src=x onerror="window.__pwned = 1">' });

/** In the page: drops one file on the footer with a real DataTransfer. */
function dropFile({ text, name }) {
  const data = new DataTransfer();
  data.items.add(new File([text], name, { type: 'application/json' }));
  const target = document.querySelector('footer');
  for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
}

const renders = () => Number(document.documentElement.dataset.renders || 0);
const settledAfter = (n) => Number(document.documentElement.dataset.renders || 0) > n && document.documentElement.dataset.busy === 'false';
const ownRequest = (url) => url === SINGLE_FILE_URL || url.startsWith('data:') || url.startsWith('blob:');

test('the single file has no reference to any other file', () => {
  const html = readFileSync(SINGLE_FILE, 'utf8');
  assert.doesNotMatch(html, /\s(src|href)="(?!data:)[^"#]/, 'no src or href to another file');
  assert.match(html, /worker-src blob:/);
  assert.doesNotMatch(html, /connect-src/);
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'/);
});

describe('dist/crossfoot.html from file:// in Chromium', () => {
  let browser;
  before(async () => {
    requireBuild();
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  test('the example verdict, a drop, and no request at all beyond the file', async () => {
    const requests = [];
    const errors = [];
    browser.context.on('request', (request) => requests.push(request.url()));
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.addInitScript(() => localStorage.setItem('crossfoot.lang', 'en'));
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector(VERDICT_BANNER, { timeout: 20000 });
    assert.match(await page.getAttribute('#banner', 'class'), /banner-consistent/);
    assert.ok((await page.locator('table.facts tbody tr').count()) > 0);
    const before = await page.evaluate(renders);
    await page.evaluate(dropFile, { text: WRONG, name: 'dropped.json' });
    await page.waitForFunction(settledAfter, before, { timeout: 30000 });
    assert.match(await page.getAttribute('#banner', 'class'), /banner-inconsistent/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.screenshot({ path: artifact('chromium-file-url-inconsistent-en-1280.png'), fullPage: true });
    assert.deepEqual(requests.filter((url) => !ownRequest(url)), [], 'requests beyond the file');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('Firefox ESR: the single file from file://, and the served page', () => {
  let firefox;
  before(async () => {
    requireBuild();
    firefox = await launchFirefox();
  });
  after(async () => firefox?.close());

  test('the example verdict, then a dropped file, in both languages', async () => {
    const page = await firefox.browser.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(SINGLE_FILE_URL);
    await page.evaluate(() => localStorage.setItem('crossfoot.lang', 'en'));
    await page.reload();
    await page.waitForSelector(VERDICT_BANNER, { timeout: 30000 });
    assert.match(await page.$eval('#banner', (node) => node.className), /banner-consistent/);

    let before = await page.evaluate(renders);
    await page.evaluate(dropFile, { text: WRONG, name: 'dropped.json' });
    await page.waitForFunction(settledAfter, { timeout: 30000 }, before);
    assert.match(await page.$eval('#banner', (node) => node.className), /banner-inconsistent/);
    assert.match(await page.$eval('#banner', (node) => node.textContent), /dropped\.json/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.screenshot({ path: artifact('firefox-file-url-inconsistent-en-1280.png'), fullPage: true });

    before = await page.evaluate(renders);
    await page.click('#lang-switch button[data-lang="zh"]');
    await page.waitForFunction(settledAfter, { timeout: 30000 }, before);
    assert.match(await page.$eval('#banner', (node) => node.textContent), /不一致/);
    await page.screenshot({ path: artifact('firefox-file-url-inconsistent-zh-1280.png'), fullPage: true });

    assert.deepEqual(requests.filter((url) => !ownRequest(url)), [], 'requests beyond the file');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the single file from file://: a report\'s text pasted, and the template form', async () => {
    const page = await firefox.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(SINGLE_FILE_URL);
    await page.evaluate(() => localStorage.setItem('crossfoot.lang', 'en'));
    await page.reload();
    await page.waitForSelector(VERDICT_BANNER, { timeout: 30000 });
    let before = await page.evaluate(renders);
    await page.click('.paste-box summary');
    await page.$eval('#paste', (area) => { area.value = '𠮷 共收到申请142件,其中受理79件,不予受理21件,补正42件。'; });
    await page.click('#paste-check');
    await page.waitForFunction(settledAfter, { timeout: 30000 }, before);
    const figures = await page.$$eval('#workspace .source-text .fig', (spans) => spans.map((s) => `${s.firstChild.textContent}:${s.dataset.status}`));
    assert.deepEqual(figures, ['142:pass', '79:pass', '21:pass', '42:pass']);

    await page.click('#template-box summary');
    before = await page.evaluate(renders);
    await page.click('#template-open');
    await page.waitForFunction(settledAfter, { timeout: 30000 }, before);
    assert.ok((await page.$$('#workspace input[data-cell^="t3."]')).length > 100, 'the form of table 3');
    before = await page.evaluate(renders);
    await page.type('input[data-cell="t4.reconsideration.total"]', '5');
    await page.type('input[data-cell="t4.reconsideration.upheld"]', '4');
    await page.waitForFunction(settledAfter, { timeout: 30000 }, before);
    await page.waitForFunction(() => document.querySelector('#workspace td.cell-fail') !== null, { timeout: 30000 });
    await page.screenshot({ path: artifact('firefox-file-url-template-form-en-1280.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the served page works in Firefox too: example verdict and a drop', async () => {
    const server = await startServer();
    const page = await firefox.browser.newPage();
    try {
      await page.goto(server.url);
      await page.waitForSelector(VERDICT_BANNER, { timeout: 30000 });
      assert.match(await page.$eval('#banner', (node) => node.className), /banner-consistent/);
      const before = await page.evaluate(renders);
      await page.evaluate(dropFile, { text: WRONG, name: 'dropped.json' });
      await page.waitForFunction(settledAfter, { timeout: 30000 }, before);
      assert.match(await page.$eval('#banner', (node) => node.className), /banner-inconsistent/);
    } finally {
      await page.close();
      server.stop();
    }
  });
});
