// Documents (issue 11): a real disclosure report's HTML dropped, its text pasted, and PDFs dropped
// (pdf.js, loaded only then) each show the template's tables with ✓/✗ cells, the restatements and
// the way to the template form; a scan gets its message in both languages; several documents at
// once give the batch table (sorted, one opened, saved as CSV); the single file reads a PDF from
// file:// in Chromium and Firefox with no request beyond itself, and in Firefox a page's HTML dropped
// and a text pasted too. Screenshots in test-artifacts/.
// Run: node --test tests/browser/documents.test.mjs   (after scripts/build-web.sh)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SINGLE_FILE_URL, VERDICT_BANNER, artifact, launchChromium, launchFirefox, nextVerdict, pasteText, reportText, requireBuild, servedPageInChromium } from './helpers.mjs';

// Real reports from the disclosure gold set (tests/disclosure/README.md cites each) and the
// recognition tests' fixture (cited in tests/recognise.rs).
const GOLD = join(ROOT, 'tests', 'disclosure', 'tuned');
const PDFS = join(ROOT, 'tests', 'fixtures', 'pdf');
const file = (dir, name, mimeType) => ({ name, mimeType, buffer: readFileSync(join(dir, name)) });
const REAL_HTML = file(GOLD, 'shuyang-development-reform-2023.html', 'text/html');
const REAL_PDF = file(GOLD, 'pingtan-2022.pdf', 'application/pdf');
const REAL_TEXT = readFileSync(join(ROOT, 'tests', 'fixtures', 'disclosure', 'pingtan-2021.txt'), 'utf8');
// A PDF's text whose 表三 prints some rows' figures apart from their labels: read by the template's order.
const BY_ORDER_TEXT = readFileSync(join(GOLD, 'shanghai-science-commission-2024.txt'), 'utf8');
const WRONG_PDF = file(PDFS, 'disclosure-2021-wrong.pdf', 'application/pdf');
const WRONG_HTML = file(PDFS, 'disclosure-2021-wrong.html', 'text/html');
const SCAN = file(PDFS, 'scanned.pdf', 'application/pdf');

const documentShown = (page) => page.waitForSelector('#workspace .document-view', { timeout: 60000 });

/** What the document view shows: its template line, cells with ✓ and ✗, restatements. */
async function documentState(page) {
  return page.evaluate(() => {
    const view = document.querySelector('#workspace .document-view');
    if (!view) return null;
    return {
      template: view.dataset.template || '',
      head: view.querySelector('.document-template')?.textContent || '',
      tables: view.querySelectorAll('table.grid').length,
      pass: view.querySelectorAll('td.cell-pass .cell-mark-pass').length,
      fail: view.querySelectorAll('td.cell-fail .cell-mark').length,
      failTitle: view.querySelector('td.cell-fail')?.title || '',
      restatements: Array.from(view.querySelectorAll('.restatement')).map((li) => li.className),
      edit: !!view.querySelector('#edit-in-form'),
    };
  });
}

describe('documents in the served page (Chromium)', () => {
  const site = servedPageInChromium();

  test('a real report\'s HTML dropped: the template\'s tables, every cell ✓, and the form one click away', async () => {
    const page = await site.open({ lang: 'zh' });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await nextVerdict(page, () => page.setInputFiles('#file-input', [REAL_HTML]));
    await documentShown(page);
    const state = await documentState(page);
    assert.equal(state.template, 'cn-gov-info-disclosure-2021');
    assert.ok(state.tables >= 3, `tables: ${state.tables}`);
    assert.ok(state.pass > 20, `cells with ✓: ${state.pass}`);
    assert.equal(state.fail, 0);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.verdict), 'consistent');
    assert.ok(!requests.some((url) => url.includes('pdf')), 'no PDF reader is loaded for an HTML page');
    await page.screenshot({ path: artifact('chromium-document-html-consistent-zh-1280.png'), fullPage: true });
    await page.click('#edit-in-form');
    await page.waitForSelector('#workspace .template-form input[data-cell="t3.new.total"]', { timeout: 20000 });
    assert.notEqual(await page.inputValue('#workspace .template-form input[data-cell="t3.new.total"]'), '', 'the form holds the figures read');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('an inconsistent document\'s HTML: the failing cells marked ✗ with their checks, the restatement that fails', async () => {
    const page = await site.open({ lang: 'en' });
    await nextVerdict(page, () => page.setInputFiles('#file-input', [WRONG_HTML]));
    await documentShown(page);
    const state = await documentState(page);
    assert.equal(state.template, 'cn-gov-info-disclosure-2021');
    assert.ok(state.fail >= 2, `cells with ✗: ${state.fail}`);
    assert.match(state.failTitle, /Failing checks/);
    assert.ok(state.restatements.some((c) => c.includes('restatement-fail')), 'the narrative says 715, 表三 713');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.verdict), 'inconsistent');
    await page.screenshot({ path: artifact('chromium-document-html-inconsistent-en-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: artifact('chromium-document-html-inconsistent-en-390.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a table that cannot be placed is named in the warnings of extraction', async () => {
    const page = await site.open({ lang: 'en' });
    const html = WRONG_HTML.buffer.toString('utf8');
    const withoutTable4 = html.slice(0, html.indexOf('<h2>四、')) + html.slice(html.indexOf('<h2>五、'));
    await nextVerdict(page, () => page.setInputFiles('#file-input', [{ name: 'no-table-4.html', mimeType: 'text/html', buffer: Buffer.from(withoutTable4) }]));
    await documentShown(page);
    const codes = await page.$$eval('#workspace .document-warnings li', (items) => items.map((li) => li.dataset.code));
    assert.ok(codes.includes('table-not-placed'), `warnings: ${codes}`);
    assert.match(await page.textContent('#workspace .document-warnings'), /表四/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a real report\'s text pasted: the document view of its template', async () => {
    const page = await site.open({ lang: 'zh' });
    await nextVerdict(page, () => page.evaluate(pasteText, REAL_TEXT));
    await documentShown(page);
    const state = await documentState(page);
    assert.match(state.template, /^cn-gov-info-disclosure-20(19|21)$/);
    assert.ok(state.tables >= 2 && state.pass > 10, JSON.stringify(state));
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('rows read by the template\'s order are marked in their table, in the reader\'s language, and the tables are shown once', async () => {
    for (const lang of ['en', 'zh']) {
      const page = await site.open({ lang });
      await nextVerdict(page, () => page.evaluate(pasteText, BY_ORDER_TEXT));
      await documentShown(page);
      const marked = await page.evaluate(() => Array.from(document.querySelectorAll('#workspace .document-view tr.row-by-order'), (tr) => ({
        row: tr.dataset.row, table: tr.closest('.grid-block').dataset.table, badge: tr.querySelector('.badge-by-order')?.textContent, title: tr.querySelector('.badge-by-order')?.title,
      })));
      assert.ok(marked.length >= 5, JSON.stringify(marked));
      assert.ok(marked.every((m) => m.table === 't3'), JSON.stringify(marked));
      assert.equal(marked[0].badge, lang === 'en' ? 'Read by order' : '按顺序读入');
      assert.match(marked[0].title, lang === 'en' ? /read by the template's order/ : /按模板/);
      // Read rows are not listed as unread, and the verdict below does not repeat the tables.
      assert.equal(await page.locator('#workspace .document-warnings [data-code="row-placed-by-order"]').count(), 0);
      assert.equal(await page.locator('#verdict-body .part-tables').count(), 0);
      assert.ok(await page.locator('#workspace .document-view table.grid').count() >= 3);
      await page.screenshot({ path: artifact(`chromium-document-by-order-${lang}-1280.png`), fullPage: true });
      if (lang === 'zh') {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: artifact('chromium-document-by-order-zh-390.png'), fullPage: true });
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  test('PDFs dropped: a real one read on its template, a wrong one with ✗ cells, a scan with its message in both languages', async () => {
    const page = await site.open({ lang: 'en' });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await nextVerdict(page, () => page.setInputFiles('#file-input', [REAL_PDF]));
    await documentShown(page);
    let state = await documentState(page);
    assert.equal(state.template, 'cn-gov-info-disclosure-2021');
    assert.ok(state.pass > 20 && state.fail === 0, JSON.stringify(state));
    assert.ok(requests.some((url) => url.endsWith('/vendor/pdfjs/pdf.min.mjs')), 'pdf.js is loaded when a PDF arrives');
    assert.ok(requests.every((url) => url.startsWith(new URL(page.url()).origin)), 'only the page\'s own files');

    await nextVerdict(page, () => page.setInputFiles('#file-input', [WRONG_PDF]));
    await documentShown(page);
    state = await documentState(page);
    assert.ok(state.fail >= 2, JSON.stringify(state));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.verdict), 'inconsistent');
    await page.screenshot({ path: artifact('chromium-document-pdf-inconsistent-en-1280.png'), fullPage: true });

    await nextVerdict(page, () => page.setInputFiles('#file-input', [SCAN]));
    assert.match(await page.textContent('#banner'), /no text to read: it is probably a scan/);
    await nextVerdict(page, () => page.click('#lang-switch button[data-lang="zh"]'));
    assert.match(await page.textContent('#banner'), /没有可读取的文字,可能是扫描件/);
    await page.screenshot({ path: artifact('chromium-document-pdf-scan-zh-1280.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('several documents at once: the batch table, sorted by a column, one opened, all saved as CSV', async () => {
    const page = await site.open({ lang: 'en' });
    await nextVerdict(page, () => page.setInputFiles('#file-input', [
      REAL_HTML,
      WRONG_PDF,
      { name: 'pingtan-2021.txt', mimeType: 'text/plain', buffer: Buffer.from(REAL_TEXT) },
      { name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(reportText({ wrong: true })) },
      SCAN,
    ]));
    await page.waitForFunction(() => document.querySelectorAll('#file-list tbody tr[data-status="pending"]').length === 0 && document.documentElement.dataset.busy === 'false', null, { timeout: 90000 });
    const rows = () => page.$$eval('#file-list tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent.trim())));
    let table = await rows();
    assert.equal(table.length, 5);
    const byName = Object.fromEntries(table.map((row) => [row[0], row]));
    assert.equal(byName['shuyang-development-reform-2023.html'][1], 'Consistent');
    assert.match(byName['shuyang-development-reform-2023.html'][2], /沭阳县发展和改革局/);
    assert.equal(byName['shuyang-development-reform-2023.html'][3], '2023');
    assert.equal(byName['disclosure-2021-wrong.pdf'][1], 'Inconsistent');
    assert.ok(Number(byName['disclosure-2021-wrong.pdf'][4]) >= 2);
    assert.equal(byName['scanned.pdf'][1], 'error');

    await page.click('#file-list th[data-column="failing"] button');
    await page.click('#file-list th[data-column="failing"] button'); // descending: most failing first
    table = await rows();
    assert.equal(table[0][0], 'disclosure-2021-wrong.pdf');
    assert.equal(await page.getAttribute('#file-list th[data-column="failing"]', 'aria-sort'), 'descending');
    await page.screenshot({ path: artifact('chromium-batch-en-1280.png'), fullPage: true });

    await nextVerdict(page, () => page.click('#file-list tbody tr:first-child button.file'));
    await documentShown(page);
    assert.match(await page.textContent('#banner'), /disclosure-2021-wrong\.pdf/);
    await page.click('#close-workspace');
    assert.equal(await page.isVisible('#workspace'), false, 'closing a document\'s view goes back to the table');
    assert.equal((await rows()).length, 5);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-all-csv')]);
    assert.equal(download.suggestedFilename(), 'verdicts.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0], 'file,verdict,issuer,year,failing_checks,checks,template,summary');
    assert.equal(lines.length, 6);
    assert.ok(lines.some((line) => line.startsWith('"disclosure-2021-wrong.pdf","inconsistent","沭阳县人民政府","2025"')), csv);

    await nextVerdict(page, () => page.click('#lang-switch button[data-lang="zh"]'));
    await page.screenshot({ path: artifact('chromium-batch-zh-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: artifact('chromium-batch-zh-390.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

/** In the page: drops files given as base64 on the footer with a real DataTransfer. */
function dropFiles(files) {
  const data = new DataTransfer();
  for (const { name, type, base64 } of files) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    data.items.add(new File([bytes], name, { type }));
  }
  const target = document.querySelector('footer');
  for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
}
const asDrop = (f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') });
const hasDocument = () => !!document.querySelector('#workspace .document-view table.grid') && document.documentElement.dataset.busy === 'false';
const failingCells = () => document.querySelectorAll('#workspace .document-view td.cell-fail').length;

describe('the single file opens a PDF from file://', () => {
  let chromium;
  let firefox;
  before(async () => {
    requireBuild();
    chromium = await launchChromium();
    firefox = await launchFirefox();
  });
  after(async () => {
    await chromium?.close();
    await firefox?.close();
  });

  test('Chromium: a dropped PDF read offline, no request beyond the file', async () => {
    const requests = [];
    const page = await chromium.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector(VERDICT_BANNER, { timeout: 20000 });
    await page.evaluate(dropFiles, [asDrop(WRONG_PDF)]);
    await page.waitForFunction(hasDocument, null, { timeout: 60000 });
    assert.ok((await page.evaluate(failingCells)) >= 2);
    assert.ok(requests.every((url) => url === SINGLE_FILE_URL || url.startsWith('data:') || url.startsWith('blob:')), requests.join('\n'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Firefox ESR: a dropped PDF read offline on its template, then a page\'s HTML dropped and a text pasted', async () => {
    const page = await firefox.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(SINGLE_FILE_URL);
    await page.evaluate(() => localStorage.setItem('crossfoot.lang', 'en'));
    await page.reload();
    await page.waitForSelector(VERDICT_BANNER, { timeout: 30000 });
    await page.evaluate(dropFiles, [asDrop(REAL_PDF)]);
    await page.waitForFunction(hasDocument, { timeout: 60000 });
    const template = await page.evaluate(() => document.querySelector('#workspace .document-view').dataset.template);
    assert.equal(template, 'cn-gov-info-disclosure-2021');
    assert.equal(await page.evaluate(failingCells), 0);
    await page.screenshot({ path: artifact('firefox-file-url-document-pdf-en-1280.png'), fullPage: true });

    // (Firefox is driven by puppeteer-core: waitForFunction(fn, options, ...args).)
    // The same page: a wrong report's HTML dropped shows its failing cells; a real report's text
    // pasted in the paste box is read on its template with every cell holding.
    const renders = () => page.evaluate(() => Number(document.documentElement.dataset.renders || 0));
    let before = await renders();
    await page.evaluate(dropFiles, [asDrop(WRONG_HTML)]);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.renders || 0) > n && document.documentElement.dataset.busy === 'false', { timeout: 60000 }, before);
    await page.waitForFunction(hasDocument, { timeout: 60000 });
    assert.ok((await page.evaluate(failingCells)) >= 2);
    before = await renders();
    // Pasted into the paste box (Firefox gives a synthetic paste event no clipboard data).
    await page.click('details.paste-box > summary');
    await page.evaluate((text) => { document.getElementById('paste').value = text; }, REAL_TEXT);
    await page.click('#paste-check');
    await page.waitForFunction((n) => Number(document.documentElement.dataset.renders || 0) > n && document.documentElement.dataset.busy === 'false', { timeout: 60000 }, before);
    await page.waitForFunction(hasDocument, { timeout: 60000 });
    assert.match(await page.evaluate(() => document.querySelector('#workspace .document-view').dataset.template), /^cn-gov-info-disclosure-20(19|21)$/);
    assert.equal(await page.evaluate(failingCells), 0);
    await page.screenshot({ path: artifact('firefox-file-url-document-text-en-1280.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
