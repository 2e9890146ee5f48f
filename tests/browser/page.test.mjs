// The served page (www/ through scripts/serve.mjs) in Debian's Chromium, driven by playwright-core.
// Run: node --test tests/browser/   (after scripts/build-web.sh)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { artifact, launchChromium, largeReportText, nextVerdict, reportText, requireBuild, startServer, VERDICT_BANNER } from './helpers.mjs';

const json = (text) => ({ mimeType: 'application/json', buffer: Buffer.from(text) });
const BROKEN = '{\n  "crossfoot": 1,\n  "report": {"title": "broken",, "period": "2017"},\n  "sections": []\n}\n';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned = 1">';
const HOSTILE_LABEL = '<script>window.__pwned = 2</script>';

describe('the served page in Chromium', () => {
  let server;
  let browser;
  const requests = [];

  before(async () => {
    requireBuild();
    server = await startServer();
    browser = await launchChromium();
    // Every request of every page and worker: the page may ask only for its own files.
    browser.context.on('request', (request) => requests.push(request.url()));
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  /** A fresh page in a language, with errors collected; waits for the example's verdict. */
  async function open(lang = 'en', { width = 1280 } = {}) {
    const page = await browser.context.newPage();
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); }); // CSP violations too
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript((l) => {
      // The language for this tab's first load only, so that a reload shows what the page remembered.
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('crossfoot.lang', l);
        sessionStorage.setItem('seeded', '1');
      }
    }, lang);
    await page.goto(server.url);
    await page.waitForSelector(VERDICT_BANNER, { timeout: 20000 });
    return page;
  }


  const bannerClass = (page) => page.getAttribute('#banner', 'class');

  test('opens with the example already checked: consistent', async () => {
    const page = await open('en');
    assert.match(await bannerClass(page), /banner-consistent/);
    assert.match(await page.textContent('#banner'), /Consistent/);
    assert.ok((await page.locator('table.facts tbody tr').count()) > 0, 'the fact table has rows');
    assert.equal(await page.locator('#passing').count(), 1, 'passing checks are collapsed in <details>');
    assert.equal(await page.getAttribute('#passing', 'open'), null);
    assert.doesNotMatch(await page.textContent('main'), /\bnull\b|\bundefined\b|\[object /, 'no stray JavaScript values on the page');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the WebAssembly API: plain objects, bytes or text, clear errors', async () => {
    const page = await open('en');
    const result = await page.evaluate(async (text) => {
      const module = await import('./pkg/crossfoot.js');
      await module.default();
      const fromBytes = module.check(new TextEncoder().encode(text), { lang: 'zh' });
      const fromText = module.check(text);
      const notJson = module.check(new Uint8Array([0xff, 0xfe, 0x7b]));
      const errors = [];
      for (const options of [{ lang: 'fr' }, { language: 'zh' }, 42]) {
        try { module.check(text, options); errors.push(null); } catch (error) { errors.push(error instanceof Error ? error.message : `not an Error: ${error}`); }
      }
      try { module.check(42); errors.push(null); } catch (error) { errors.push(error.message); }
      return {
        plain: Object.getPrototypeOf(fromBytes) === Object.prototype && Object.getPrototypeOf(fromBytes.counts) === Object.prototype,
        verdicts: [fromBytes.verdict, fromText.verdict, notJson.verdict],
        languages: [fromBytes.language, fromText.language],
        roundTrips: JSON.stringify(JSON.parse(JSON.stringify(fromBytes))) === JSON.stringify(fromBytes),
        errors,
        version: module.version(),
      };
    }, reportText());
    assert.equal(result.plain, true, 'objects are plain objects, not Maps');
    assert.deepEqual(result.verdicts, ['consistent', 'consistent', 'invalid']);
    assert.deepEqual(result.languages, ['zh', 'en']);
    assert.equal(result.roundTrips, true);
    assert.match(result.errors[0], /unknown language "fr"/);
    assert.match(result.errors[1], /unknown option "language"/);
    assert.match(result.errors[2], /options must be an object/);
    assert.match(result.errors[3], /input must be a Uint8Array/);
    assert.match(result.version, /^\d+\.\d+\.\d+/);
    await page.close();
  });

  test('a file opened through the file input: inconsistent, with arithmetic, quote and suspect', async () => {
    const page = await open('en');
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'wrong.json', ...json(reportText({ wrong: true })) }));
    assert.match(await bannerClass(page), /banner-inconsistent/);
    const failing = page.locator('.part-failing li.check-fail').first();
    assert.match(await failing.locator('.arithmetic').textContent(), /69/);
    assert.match(await failing.locator('.quote').textContent(), /撤销10件/);
    assert.match(await page.locator('.part-suspects').textContent(), /revoked/);
    assert.match(await page.textContent('#banner'), /wrong\.json/);
    await page.screenshot({ path: artifact('chromium-inconsistent-en-1280.png'), fullPage: true });
    await page.close();
  });

  test('a real DataTransfer drop anywhere on the page', async () => {
    const page = await open('en');
    await nextVerdict(page, () =>
      page.evaluate((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        const target = document.querySelector('footer');
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }, reportText({ wrong: true })),
    );
    assert.match(await bannerClass(page), /banner-inconsistent/);
    assert.match(await page.textContent('#banner'), /dropped\.json/);
    assert.equal(await page.evaluate(() => document.body.classList.contains('dragging')), false, 'the drop overlay is gone');
    await page.close();
  });

  test('many files at once: a list, and the first failing one opened', async () => {
    const page = await open('en');
    await nextVerdict(page, () =>
      page.setInputFiles('#file-input', [
        { name: 'a-good.json', ...json(reportText()) },
        { name: 'b-wrong.json', ...json(reportText({ wrong: true })) },
        { name: 'c-broken.json', ...json(BROKEN) },
        { name: 'd-good.json', ...json(reportText()) },
      ]),
    );
    const rows = page.locator('#file-list tbody tr');
    assert.equal(await rows.count(), 4);
    const badges = await page.locator('#file-list .badge').allTextContents();
    assert.deepEqual(badges, ['Consistent', 'Inconsistent', 'Invalid', 'Consistent']);
    assert.equal(await page.getAttribute('#file-list tbody tr:nth-child(2) button.file', 'aria-current'), 'true');
    assert.match(await page.textContent('#banner'), /b-wrong\.json/);
    assert.match(await page.textContent('#files-summary'), /4 files: 2 consistent, 1 inconsistent, 1 invalid/);
    await page.click('#file-list tbody tr:nth-child(3) button.file');
    assert.match(await bannerClass(page), /banner-invalid/);
    await page.screenshot({ path: artifact('chromium-many-files-en-1280.png'), fullPage: true });
    await page.close();
  });

  test('a thousand files at once: every one gets a verdict, the first failing one is opened', async () => {
    const page = await open('en');
    const files = Array.from({ length: 1000 }, (_, i) => ({ name: `r${String(i).padStart(4, '0')}.json`, ...json(reportText({ wrong: i === 637 })) }));
    const started = Date.now();
    await nextVerdict(page, () => page.setInputFiles('#file-input', files));
    console.log(`# 1000 files checked and shown in ${Date.now() - started} ms`);
    assert.equal(await page.locator('#file-list tbody tr').count(), 1000);
    assert.match(await page.textContent('#files-summary'), /1000 files: 999 consistent, 1 inconsistent, 0 invalid/);
    assert.match(await page.textContent('#banner'), /r0637\.json/);
    await page.close();
  });

  test('a broken file shows line and column, and the line with the place marked', async () => {
    const page = await open('en');
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'broken.json', ...json(BROKEN) }));
    assert.match(await bannerClass(page), /banner-invalid/);
    const finding = page.locator('.part-findings li.finding').first();
    assert.match(await finding.locator('.where').textContent(), /line 3, column \d+/);
    const excerpt = await finding.locator('pre.excerpt').textContent();
    assert.match(excerpt, /"title": "broken",,/);
    assert.equal(await finding.locator('pre.excerpt mark').textContent(), ',');
    await page.screenshot({ path: artifact('chromium-invalid-en-1280.png'), fullPage: true });
    await page.close();
  });

  test('labels and titles with HTML in them are inert text', async () => {
    const page = await open('en');
    const text = reportText({ wrong: true, title: HOSTILE_TITLE, label: HOSTILE_LABEL });
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: '<img src=x onerror=alert(3)>.json', ...json(text) }));
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script from the report ran');
    assert.equal(await page.locator('#verdict-body img, #banner img, #verdict-body script').count(), 0, 'no element from the report');
    assert.equal(await page.textContent('.report-title'), HOSTILE_TITLE);
    assert.ok((await page.textContent('#verdict-body')).includes(HOSTILE_LABEL));
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('paste: the text area, and Ctrl+V of JSON on the page', async () => {
    const page = await open('en');
    await page.click('.paste-box summary');
    await page.fill('#paste', reportText({ wrong: true }));
    await nextVerdict(page, () => page.click('#paste-check'));
    assert.match(await bannerClass(page), /banner-inconsistent/);
    await nextVerdict(page, () =>
      page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
      }, reportText()),
    );
    assert.match(await bannerClass(page), /banner-consistent/);
    await page.close();
  });

  test('save verdict downloads the verdict as JSON', async () => {
    const page = await open('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    assert.equal(download.suggestedFilename(), 'qingpu-2017.verdict.json');
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.verdict, 'consistent');
    assert.ok(Array.isArray(saved.checks) && saved.checks.length > 0);
    await page.close();
  });

  test('the language switch re-checks in Chinese and is remembered', async () => {
    const page = await open('en');
    await nextVerdict(page, () => page.click('#lang-switch button[data-lang="zh"]'));
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.match(await page.textContent('#banner'), /一致/);
    assert.match(await page.textContent('#open'), /打开文件/);
    assert.equal(await page.getAttribute('#lang-switch button[data-lang="zh"]', 'aria-pressed'), 'true');
    const summary = await page.textContent('#banner .summary');
    assert.match(summary, /[\u4e00-\u9fff]/, 'the verdict itself is in Chinese');
    await page.reload();
    await page.waitForSelector(VERDICT_BANNER);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', 'the choice is remembered');
    await page.close();
  });

  test('keyboard: the open button is reachable and the banner is a live region', async () => {
    const page = await open('en');
    const focused = [];
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
    }
    assert.ok(focused.includes('open'), `Tab reaches the open button: ${focused.join(' | ')}`);
    assert.equal(await page.getAttribute('#banner', 'aria-live'), 'polite');
    await page.close();
  });

  test('a trap in the module: the worker is replaced and the next file still works', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      // Keep a handle on the page's workers to make one of them report a trap.
      const Original = window.Worker;
      window.__workers = [];
      window.Worker = class extends Original {
        constructor(...args) { super(...args); window.__workers.push(this); }
      };
      localStorage.setItem('crossfoot.lang', 'en');
    });
    await page.goto(server.url);
    await page.waitForSelector(VERDICT_BANNER);
    await page.evaluate(() => window.__workers.at(-1).postMessage({ type: 'selftest-trap', id: -1 }));
    await page.waitForSelector('#notice:not([hidden])');
    assert.match(await page.textContent('#notice'), /restarted/);
    assert.equal(await page.evaluate(() => window.__workers.length), 2, 'a new worker was made');
    await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'after-trap.json', ...json(reportText({ wrong: true })) }));
    assert.match(await bannerClass(page), /banner-inconsistent/);
    await page.close();
  });

  test('the page stays responsive while a 12 MB report is checked in the worker', async () => {
    const page = await open('en');
    const text = largeReportText(12);
    await page.evaluate(() => {
      // Longest gap between timer ticks while the worker is busy: the main thread's freeze.
      // Only gaps that start and end while busy count: handing the file to the page is the test's work.
      window.__gaps = [];
      let last = performance.now();
      let wasBusy = false;
      window.__ticker = setInterval(() => {
        const now = performance.now();
        const busy = document.documentElement.dataset.busy === 'true';
        if (busy && wasBusy) window.__gaps.push(now - last);
        last = now;
        wasBusy = busy;
      }, 20);
    });
    await nextVerdict(page, async () => {
      await page.setInputFiles('#file-input', { name: 'large.json', ...json(text) });
      await page.waitForSelector('#progress:not([hidden])', { timeout: 5000 }); // work that takes a while shows progress
    });
    const { maxGap, ticks, checkMs } = await page.evaluate(() => ({ maxGap: Math.max(0, ...window.__gaps), ticks: window.__gaps.length, checkMs: Number(document.documentElement.dataset.lastCheckMs) }));
    console.log(`# large report: ${(text.length / 1e6).toFixed(1)} MB checked in ${checkMs} ms in the worker; longest main-thread gap while busy ${maxGap.toFixed(0)} ms over ${ticks} ticks`);
    assert.match(await bannerClass(page), /banner-consistent/);
    assert.ok(ticks > 3, 'the timer kept ticking while the worker worked');
    assert.ok(maxGap < 1000, `the main thread never froze for a second (longest gap ${maxGap.toFixed(0)} ms)`);
    // So many facts: a closed list, built (and their JSON parsed) only when opened.
    assert.match(await page.textContent('details#facts > summary'), /^[\d,]+ facts$/);
    assert.equal(await page.locator('table.facts').count(), 0, 'no fact table until the list is opened');
    await page.click('details#facts > summary');
    await page.waitForSelector('table.facts tbody tr');
    assert.equal(await page.locator('table.facts tbody tr').count(), 200, 'the first page of facts, once opened');
    await page.close();
  });

  test('screenshots: desktop and phone, English and Chinese, consistent and inconsistent', async () => {
    for (const lang of ['en', 'zh']) {
      for (const width of [1280, 390]) {
        const page = await open(lang, { width });
        await page.screenshot({ path: artifact(`chromium-consistent-${lang}-${width}.png`), fullPage: true });
        await nextVerdict(page, () => page.setInputFiles('#file-input', { name: 'wrong.json', ...json(reportText({ wrong: true })) }));
        await page.screenshot({ path: artifact(`chromium-inconsistent-${lang}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
    const page = await open('en');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: artifact('chromium-consistent-en-1280-dark.png'), fullPage: true });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.screenshot({ path: artifact('chromium-consistent-en-1280-print.png'), fullPage: true });
    await page.close();
  });

  test('no request to anything but the page\'s own files', () => {
    assert.ok(requests.length > 0);
    const foreign = requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests outside the page');
    const files = [...new Set(requests.filter((url) => url.startsWith(server.url)).map((url) => new URL(url).pathname))].sort();
    console.log(`# requested: ${files.join(' ')}`);
  });
});
