// Shared by the browser tests and measure.mjs: start the static server on a free port, launch
// Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core), make test reports.

import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const SINGLE_FILE = join(ROOT, 'dist', 'crossfoot.html');
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** Fails early with a clear message when the page was not built. */
export function requireBuild() {
  for (const file of [join(WWW, 'pkg', 'crossfoot_bg.wasm'), join(WWW, 'example.json'), SINGLE_FILE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/build-web.sh first`);
  }
}

export function artifact(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Starts scripts/serve.mjs on a free port; resolves to {url, stop}. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve({ url: match[0], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
}

/** Chromium with the flags this machine needs, a fresh profile each time. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'crossfoot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Firefox ESR over WebDriver BiDi, a fresh profile each time. */
export async function launchFirefox() {
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = mkdtempSync(join(tmpdir(), 'crossfoot-firefox-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile });
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

/** A valid report; with `wrong`, one figure breaks one sum (revoked 10 where 9 makes it hold). */
export function reportText({ wrong = false, title = 'Test report', label = 'concluded' } = {}) {
  return JSON.stringify(
    {
      crossfoot: 1,
      report: { title, period: '2017' },
      sections: [
        {
          id: 'reconsideration',
          title: 'Reconsideration',
          facts: [
            { id: 'concluded', label, value: 68, unit: '件', quote: '审结68件' },
            { id: 'upheld', label: 'upheld', value: 32, unit: '件' },
            { id: 'dismissed', label: 'dismissed', value: 10, unit: '件' },
            { id: 'terminated', label: 'terminated', value: 14, unit: '件' },
            { id: 'revoked', label: 'revoked', value: wrong ? 10 : 9, unit: '件' },
            { id: 'illegal', label: 'confirmed illegal', value: 3, unit: '件' },
          ],
          checks: [{ id: 'concluded_split', label, expect: 'concluded == upheld + dismissed + terminated + revoked + illegal', quote: '其中维持32件,驳回10件,终止14件,撤销' + (wrong ? 10 : 9) + '件,确认违法3件' }],
        },
      ],
    },
    null,
    2,
  );
}

/** A report of about `megabytes` MB: many sections of facts with one sum check each. */
export function largeReportText(megabytes) {
  const parts = [];
  let size = 0;
  let i = 0;
  while (size < megabytes * 1024 * 1024) {
    const section = JSON.stringify({
      id: `s${i}`,
      title: `Section ${i}`,
      facts: [
        { id: `total_${i}`, label: `total ${i}`, value: 600 + (i % 97), unit: '件', quote: `total ${i}` },
        { id: `a_${i}`, label: `part a ${i}`, value: 300, unit: '件' },
        { id: `b_${i}`, label: `part b ${i}`, value: 200, unit: '件' },
        { id: `c_${i}`, label: `part c ${i}`, value: 100 + (i % 97), unit: '件' },
      ],
      checks: [{ id: `sum_${i}`, expect: `total_${i} == a_${i} + b_${i} + c_${i}` }],
    });
    parts.push(section);
    size += section.length + 2;
    i += 1;
  }
  return `{"crossfoot": 1, "report": {"title": "Large generated report"}, "sections": [\n${parts.join(',\n')}\n]}\n`;
}

/** Waits until the page shows a verdict (the banner carries the verdict's class). */
export const VERDICT_BANNER = '#banner.banner-consistent, #banner.banner-inconsistent, #banner.banner-invalid, #banner.banner-error';

/** A fresh page of `context` at `url` in a language and width, errors collected in page.errors;
 *  waits for the first verdict (the example's). */
export async function openPage(context, url, { lang = 'en', width = 1280 } = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript((l) => localStorage.setItem('crossfoot.lang', l), lang);
  await page.goto(url);
  await page.waitForSelector(VERDICT_BANNER, { timeout: 20000 });
  return page;
}

/** Runs an action and waits for the verdict it brings (the page counts the verdicts it shows). */
export async function nextVerdict(page, action) {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.renders || 0));
  await action();
  await page.waitForFunction(
    (n) => Number(document.documentElement.dataset.renders || 0) > n && document.documentElement.dataset.busy === 'false',
    before,
    { timeout: 90000 },
  );
}

/** Pastes text anywhere on the page, as Ctrl+V does. */
export function pasteText(text) {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
}

/**
 * For a suite that drives the served page in Chromium: starts the server and the browser before
 * the suite and stops them after it. `open(options)` opens a page as `openPage` does.
 */
export function servedPageInChromium() {
  let server;
  let browser;
  before(async () => {
    requireBuild();
    server = await startServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
  return { open: (options) => openPage(browser.context, server.url, options) };
}
