// The embedding surfaces in Debian's Chromium (playwright-core): the <crossfoot-report> element
// (src, inline, property, event, shadow isolation, hostile report text), the embed.html iframe
// and its message API (allowed origin answered, another origin and a non-parent ignored), and the
// example host page (screenshots in test-artifacts/). Needs www/pkg (scripts/build-web.sh); the
// example's module part also needs scripts/build-embed.sh. Run: scripts/test-embed.sh

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifact, FIREFOX, launchChromium, launchFirefox, reportText, WWW } from './helpers.mjs';
import { serve } from './embed-server.mjs';

const HOSTILE = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>';

/** The policy docs/embedding.md tells a host to use for the component. */
const HOST_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src data:; base-uri 'none'";

function hostileReport() {
  return JSON.stringify({
    crossfoot: 1,
    report: { title: `Title ${HOSTILE}`, issuer: HOSTILE, period: '2017' },
    sections: [
      {
        id: 'main',
        title: `Section ${HOSTILE}`,
        facts: [
          { id: 'total', label: `total ${HOSTILE}`, value: 10, unit: '<b>件</b>', quote: `quote ${HOSTILE}` },
          { id: 'a', label: '<iframe src="javascript:window.__pwned=3"></iframe>', value: 4 },
          { id: 'b', label: 'b', value: 5 },
        ],
        checks: [{ id: 'sum', label: `sum ${HOSTILE}`, expect: 'total == a + b', quote: `check quote ${HOSTILE}` }],
      },
    ],
  });
}

/** JSON inside <script> must not contain "</": written "<\/" (the same string to JSON). */
const inlineSafe = (json) => json.replace(/<\//g, '<\\/');

const HOSTILE_CSS = `
* { color: rgb(255, 0, 0) !important; font-size: 40px !important; letter-spacing: 9px !important; font-family: serif !important; }
html, body { line-height: 5; text-align: right; text-transform: uppercase; white-space: pre; visibility: visible; }
p, li, div, span, h2, ol, ul, strong, code, section, table { display: none !important; background: red !important; }
.root, .banner, .verdict-word, .summary, .counts, .badge, .check, .suspect, .list, .body { display: none !important; border: 9px solid red !important; }
#themed { --crossfoot-bad: rgb(1, 2, 3); }
#themed::part(verdict-word) { text-decoration: underline; }
`;

const wrapHost = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}
<script type="module" src="/crossfoot-element.js"></script></head><body>${body}</body></html>`;

/** Records every verdict, error and CSP violation of a page, from before its first script. */
async function instrument(page) {
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.addInitScript(() => {
    window.__events = [];
    window.__violations = [];
    const record = (event) => {
      const target = event.composedPath()[0];
      window.__events.push({ type: event.type, id: target.id, detail: event.detail, bubbles: event.bubbles, composed: event.composed });
    };
    document.addEventListener('crossfoot-verdict', record);
    document.addEventListener('crossfoot-error', record);
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

/** Waits for the n-th event of a type from the element with this id; returns its record. */
async function nthEvent(page, id, n = 1, type = 'crossfoot-verdict') {
  await page.waitForFunction(([i, k, t]) => window.__events.filter((e) => e.id === i && e.type === t).length >= k, [id, n, type], { timeout: 30000 });
  return page.evaluate(([i, k, t]) => window.__events.filter((e) => e.id === i && e.type === t)[k - 1], [id, n, type]);
}

describe('<crossfoot-report> in Chromium', () => {
  let server;
  let browser;
  const requests = [];
  const pages = {};

  before(async () => {
    for (const file of ['pkg/crossfoot_bg.wasm', 'pkg/crossfoot.js', 'example.json']) {
      if (!existsSync(join(WWW, file))) throw new Error(`www/${file} is missing: run scripts/build-web.sh first`);
    }
    server = await serve({
      root: WWW,
      routes: {
        '/host.html': () => ({ body: pages.host }),
        '/hostile.html': () => ({ body: pages.hostile }),
        '/hostile.css': { body: HOSTILE_CSS, type: 'text/css' },
        '/no-wasm.html': () => ({
          body: wrapHost('<crossfoot-report id="blocked" src="/example.json"></crossfoot-report>'),
          headers: { 'Content-Security-Policy': HOST_CSP.replace(" 'wasm-unsafe-eval'", '') },
        }),
        '/wrong.json': { body: reportText({ wrong: true }), type: 'application/json' },
      },
      headers: (path) => (path.endsWith('.html') ? { 'Content-Security-Policy': HOST_CSP } : {}),
    });
    pages.host = wrapHost(`
      <crossfoot-report id="from-src" src="/example.json"></crossfoot-report>
      <crossfoot-report id="from-inline"><script type="application/json">${reportText({ wrong: true })}</script></crossfoot-report>
      <crossfoot-report id="from-property"></crossfoot-report>
      <crossfoot-report id="missing" src="/no-such-report.json"></crossfoot-report>`);
    pages.hostile = wrapHost(`
      <p class="banner" id="host-banner">host banner</p><span class="badge" id="host-badge">host badge</span>
      <crossfoot-report id="themed" src="/wrong.json"></crossfoot-report>
      <crossfoot-report id="evil"><script type="application/json">${inlineSafe(hostileReport())}</script></crossfoot-report>`,
      '<link rel="stylesheet" href="/hostile.css">');
    browser = await launchChromium();
    browser.context.on('request', (request) => requests.push(request.url()));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path) {
    const page = await browser.context.newPage();
    await instrument(page);
    await page.goto(server.url(path));
    return page;
  }

  test('src: fetches the report and shows its verdict, compact', async () => {
    const page = await open('/host.html');
    const event = await nthEvent(page, 'from-src');
    assert.equal(event.detail.verdict, 'consistent');
    assert.equal(event.detail.source, 'example.json');
    assert.match(await page.getAttribute('#from-src', 'verdict'), /^consistent$/);
    assert.match(await page.locator('#from-src .banner').getAttribute('class'), /banner-consistent/);
    assert.match(await page.locator('#from-src .verdict-word').textContent(), /Consistent/);
    // Compact: neither the facts nor the passing checks.
    assert.equal(await page.locator('#from-src table.facts').count(), 0);
    assert.equal(await page.locator('#from-src .passing').count(), 0);
    assert.equal(await page.evaluate(() => document.getElementById('from-src').shadowRoot.mode), 'open');
    assert.doesNotMatch(await page.evaluate(() => document.getElementById('from-src').shadowRoot.textContent), /null|undefined/);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the documented host policy is enough');
    await page.close();
  });

  test('inline <script type="application/json">: the failing check and the suspect', async () => {
    const page = await open('/host.html');
    const event = await nthEvent(page, 'from-inline');
    assert.equal(event.detail.verdict, 'inconsistent');
    assert.equal(await page.locator('#from-inline .check-fail').count(), 1);
    assert.match(await page.locator('#from-inline .check-fail .arithmetic').textContent(), /off by 1|69/);
    assert.ok(event.detail.suspects.length > 0);
    assert.equal(await page.locator('#from-inline .suspect').count(), Math.min(3, event.detail.suspects.length), 'compact: the likeliest three');
    // Changing the inline JSON checks it again.
    await page.evaluate((text) => {
      document.querySelector('#from-inline script').textContent = text;
    }, reportText());
    assert.equal((await nthEvent(page, 'from-inline', 2)).detail.verdict, 'consistent');
    await page.close();
  });

  test('report property: text, object and bytes; lang and compact attributes', async () => {
    const page = await open('/host.html');
    const set = (value) => page.evaluate((v) => {
      document.getElementById('from-property').report = v.kind === 'bytes' ? new TextEncoder().encode(v.text) : v.kind === 'object' ? JSON.parse(v.text) : v.text;
    }, value);
    await set({ kind: 'text', text: reportText({ wrong: true }) });
    assert.equal((await nthEvent(page, 'from-property', 1)).detail.verdict, 'inconsistent');
    await set({ kind: 'object', text: reportText() });
    assert.equal((await nthEvent(page, 'from-property', 2)).detail.verdict, 'consistent');
    await set({ kind: 'bytes', text: '{"crossfoot": 1, "report": {"title": "x"},, }' });
    const invalid = await nthEvent(page, 'from-property', 3);
    assert.equal(invalid.detail.verdict, 'invalid');
    assert.equal(await page.locator('#from-property .finding').count() > 0, true, 'findings are shown');
    assert.equal(await page.evaluate(() => document.getElementById('from-property').verdict.verdict), 'invalid');

    await set({ kind: 'text', text: reportText({ wrong: true }) });
    await nthEvent(page, 'from-property', 4);
    await page.evaluate(() => document.getElementById('from-property').setAttribute('lang', 'zh'));
    const zh = await nthEvent(page, 'from-property', 5);
    assert.equal(zh.detail.language, 'zh');
    assert.match(await page.locator('#from-property .verdict-word').textContent(), /不一致/);

    // A report set on an element before the script defined it (a plain property then) is taken over.
    // (An own property on the instance stands for it: that is what such an assignment leaves.)
    await page.evaluate((text) => {
      const late = document.createElement('crossfoot-report');
      late.id = 'late';
      Object.defineProperty(late, 'report', { value: text, writable: true, configurable: true, enumerable: true });
      document.body.append(late);
    }, reportText({ wrong: true }));
    assert.equal((await nthEvent(page, 'late')).detail.verdict, 'inconsistent');

    await page.evaluate(() => document.getElementById('from-property').setAttribute('compact', 'false'));
    await page.waitForSelector('#from-property table.facts');
    assert.equal(await page.locator('#from-property table.facts tbody tr').count(), 6);
    await page.close();
  });

  test('the crossfoot-verdict event: the verdict as detail, bubbling out of the shadow root', async () => {
    const page = await open('/host.html');
    const event = await nthEvent(page, 'from-inline');
    assert.equal(event.bubbles, true);
    assert.equal(event.composed, true);
    for (const key of ['verdict', 'language', 'summary', 'counts', 'checks', 'suspects', 'findings', 'facts']) {
      assert.ok(key in event.detail, `detail has ${key}`);
    }
    assert.equal(event.detail.counts.failed, 1);
    const error = await nthEvent(page, 'missing', 1, 'crossfoot-error');
    assert.match(error.detail.message, /404/);
    assert.match(await page.locator('#missing .banner').getAttribute('class'), /banner-error/);
    assert.equal(await page.getAttribute('#missing', 'verdict'), null);
    await page.close();
  });

  test('shadow isolation: hostile host CSS does not break it, and its CSS does not leak out', async () => {
    const page = await open('/hostile.html');
    await nthEvent(page, 'themed');
    const inside = await page.evaluate(() => {
      const root = document.getElementById('themed').shadowRoot;
      const style = (selector) => {
        const node = root.querySelector(selector);
        const s = getComputedStyle(node);
        return { display: s.display, color: s.color, fontSize: s.fontSize, letterSpacing: s.letterSpacing, textDecoration: s.textDecorationLine, textTransform: s.textTransform, height: node.getBoundingClientRect().height };
      };
      return { word: style('.verdict-word'), check: style('.check-fail'), root: style('.root'), summary: style('.summary') };
    });
    assert.notEqual(inside.root.display, 'none');
    assert.ok(inside.word.height > 0 && inside.check.height > 0 && inside.summary.height > 0, 'the view is visible');
    assert.equal(inside.word.color, 'rgb(1, 2, 3)', 'the host themes with --crossfoot-bad');
    assert.equal(inside.word.textDecoration, 'underline', 'the host styles ::part(verdict-word)');
    assert.equal(inside.root.fontSize, '16px', "the host's font-size does not reach in");
    assert.equal(inside.root.letterSpacing, 'normal');
    assert.equal(inside.summary.textTransform, 'none');
    assert.notEqual(inside.summary.color, 'rgb(255, 0, 0)');

    const outside = await page.evaluate(() => {
      const s = (id) => getComputedStyle(document.getElementById(id));
      return { bannerBorder: s('host-banner').borderTopWidth, badgeTransform: s('host-badge').textTransform, badgeWeight: s('host-badge').fontWeight };
    });
    assert.equal(outside.bannerBorder, '9px', "the host's own .banner keeps the host's style");
    assert.equal(outside.badgeTransform, 'uppercase', 'from the hostile html rule, not from crossfoot');
    assert.equal(outside.badgeWeight, '400', "crossfoot's .badge weight does not leak out");
    await page.screenshot({ path: artifact('embed-hostile-css.png'), fullPage: true });
    await page.close();
  });

  test('hostile report text stays inert text', async () => {
    const page = await open('/hostile.html');
    await nthEvent(page, 'evil');
    await page.evaluate((text) => {
      const element = document.createElement('crossfoot-report');
      element.id = 'evil-property';
      element.setAttribute('compact', 'false');
      document.body.append(element);
      element.report = text;
    }, hostileReport());
    await nthEvent(page, 'evil-property');
    await page.waitForTimeout(300); // give an injected handler the chance to run, were there one
    const result = await page.evaluate(() => {
      const out = {};
      for (const id of ['evil', 'evil-property']) {
        const root = document.getElementById(id).shadowRoot;
        out[id] = {
          injected: root.querySelectorAll('img, script, iframe, b').length,
          text: root.textContent,
        };
      }
      return { out, pwned: window.__pwned };
    });
    assert.equal(result.pwned, undefined);
    for (const [id, { injected, text }] of Object.entries(result.out)) {
      assert.equal(injected, 0, `${id}: no element was made from report text`);
      assert.ok(text.includes('<img src=x onerror='), `${id}: the markup shows as text`);
    }
    assert.ok(result.out['evil-property'].text.includes('<iframe src="javascript:'), 'labels in the fact table are text');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("a host policy without 'wasm-unsafe-eval' gets a clear error, as the docs say", async () => {
    const page = await open('/no-wasm.html');
    const error = await nthEvent(page, 'blocked', 1, 'crossfoot-error');
    assert.match(error.detail.message, /must allow 'wasm-unsafe-eval' in script-src/);
    assert.match(await page.locator('#blocked .banner').getAttribute('class'), /banner-error/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('asks only for its own files', () => {
    const foreign = requests.filter((url) => !url.startsWith(server.origin));
    assert.deepEqual(foreign, []);
  });
});

describe('embed.html in an iframe, in Chromium', () => {
  let files; // crossfoot's files, 127.0.0.1
  let allowedHost; // a host the deployment allows, 127.0.0.2
  let otherHost; // a host it does not, 127.0.0.2 on another port
  let browser;
  const requests = [];
  const embedHtml = readFileSync(join(WWW, 'embed.html'), 'utf8');

  before(async () => {
    if (!embedHtml.includes('data-allowed-origins=""')) throw new Error('embed.html has no data-allowed-origins="" to configure');
    const hostPage = (frames) => ({
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>${frames}</body></html>`,
      headers: { 'Content-Security-Policy': `default-src 'none'; frame-src ${files.origin} 'self'` },
    });
    files = await serve({
      root: WWW,
      routes: {
        // This deployment allows only allowedHost.
        '/embed.html': () => ({ body: embedHtml.replace('data-allowed-origins=""', `data-allowed-origins="${allowedHost.origin}"`) }),
        // And this copy, for the control, allows anyone.
        '/embed-open.html': () => ({ body: embedHtml }),
      },
    });
    allowedHost = await serve({
      host: '127.0.0.2',
      routes: {
        '/host.html': () => hostPage(`<iframe name="crossfoot" src="${files.url('/embed.html')}"></iframe><iframe name="sibling" src="/sibling.html"></iframe>`),
        '/sibling.html': () => hostPage(''),
      },
    });
    otherHost = await serve({
      host: '127.0.0.2',
      routes: { '/host.html': () => hostPage(`<iframe name="crossfoot" src="${files.url('/embed.html')}"></iframe><iframe name="open-frame" src="${files.url('/embed-open.html?lang=zh&compact=false')}"></iframe>`) },
    });
    browser = await launchChromium();
    browser.context.on('request', (request) => {
      let frameUrl = '';
      try {
        frameUrl = request.frame().url();
      } catch { /* a worker's request */ }
      requests.push({ url: request.url(), frameUrl });
    });
  });

  after(async () => {
    await browser?.close();
    for (const server of [files, allowedHost, otherHost]) await server?.stop();
  });

  async function openHost(server) {
    const page = await browser.context.newPage();
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.goto(server.url('/host.html'));
    return page;
  }

  /** From the window of `context` (the page or one of its frames), posts a check to the frame
   *  named `to` and collects what comes back: until the first answer and 200 ms more, or, when
   *  `silence` is expected, for `silence` ms. */
  function ask(context, { to, report, lang, silence = 0, origin }) {
    return context.evaluate(async ({ to, report, lang, silence, origin }) => {
      const target = (window.frames[to] || window.parent.frames[to]);
      const received = [];
      const listener = (event) => received.push({ origin: event.origin, fromTarget: event.source === target, data: event.data });
      window.addEventListener('message', listener);
      target.postMessage({ type: 'crossfoot:check', id: 'q1', report, lang }, origin);
      const started = Date.now();
      while (received.length === 0 && Date.now() - started < (silence || 20000)) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
      window.removeEventListener('message', listener);
      return received;
    }, { to, report, lang, silence, origin });
  }

  test('answers its parent, at the allowed origin, with the verdict', async () => {
    const page = await openHost(allowedHost);
    const answers = await ask(page, { to: 'crossfoot', report: reportText({ wrong: true }), origin: files.origin });
    assert.equal(answers.length, 1, JSON.stringify(answers));
    const [answer] = answers;
    assert.equal(answer.origin, files.origin);
    assert.equal(answer.fromTarget, true);
    assert.equal(answer.data.type, 'crossfoot:verdict');
    assert.equal(answer.data.id, 'q1');
    assert.equal(answer.data.verdict.verdict, 'inconsistent');
    assert.ok(answer.data.height > 0, 'the frame says how tall it is');
    // An object report, in Chinese.
    const [zh] = await ask(page, { to: 'crossfoot', report: JSON.parse(reportText()), lang: 'zh', origin: files.origin });
    assert.equal(zh.data.verdict.verdict, 'consistent');
    assert.equal(zh.data.verdict.language, 'zh');
    // The frame shows the verdict too.
    const frame = page.frame({ name: 'crossfoot' });
    assert.match(await frame.locator('crossfoot-report .verdict-word').textContent(), /一致/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('ignores a window that is not its parent, even of an allowed origin', async () => {
    const page = await openHost(allowedHost);
    const sibling = page.frame({ name: 'sibling' });
    const answers = await ask(sibling, { to: 'crossfoot', report: reportText(), origin: files.origin, silence: 2500 });
    assert.deepEqual(answers, []);
    await page.close();
  });

  test('ignores an origin the deployment does not allow', async () => {
    const page = await openHost(otherHost);
    // The control: a frame with no allow-list answers this host, so the module works here...
    const control = await ask(page, { to: 'open-frame', report: reportText(), origin: files.origin });
    assert.equal(control.length, 1);
    assert.equal(control[0].data.verdict.verdict, 'consistent');
    assert.equal(control[0].data.verdict.language, 'zh', 'embed.html?lang=zh');
    assert.ok((await page.frame({ name: 'open-frame' }).locator('crossfoot-report table.facts').count()) === 1, 'embed.html?compact=false');
    // ...and the frame that allows only another origin stays silent.
    const answers = await ask(page, { to: 'crossfoot', report: reportText(), origin: files.origin, silence: 2500 });
    assert.deepEqual(answers, []);
    const shown = await page.frame({ name: 'crossfoot' }).evaluate(() => document.querySelector('crossfoot-report').verdict);
    assert.equal(shown, null, 'the refused report was not even checked');
    await page.close();
  });

  test('the frame reaches nothing but its own files, and never posts to "*"', () => {
    const fromFrame = requests.filter((r) => r.frameUrl.startsWith(files.origin));
    assert.ok(fromFrame.length > 0);
    assert.deepEqual(fromFrame.filter((r) => !r.url.startsWith(files.origin)), []);
    for (const file of ['embed.js', 'crossfoot-element.js']) {
      const source = readFileSync(join(WWW, file), 'utf8');
      assert.doesNotMatch(source, /postMessage\([^)]*['"`]\*['"`]/, `${file} posts to "*"`);
    }
    const csp = embedHtml.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/);
    assert.ok(csp, 'embed.html has a CSP');
    assert.match(csp[1], /default-src 'none'/);
    assert.doesNotMatch(csp[1], /https?:|\*/, 'no host other than its own');
  });
});

describe('embed-example.html in Chromium', () => {
  let server;
  let browser;

  before(async () => {
    server = await serve({ root: WWW });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['en', 'zh']) {
    for (const width of [1280, 390]) {
      test(`all three ways work, ${lang}, ${width}px wide`, async () => {
        const page = await browser.context.newPage();
        await instrument(page);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(server.url('/embed-example.html'));
        for (const id of ['from-src', 'from-inline', 'from-property']) await nthEvent(page, id);
        await page.waitForFunction(() => document.getElementById('frame-answer').textContent.includes(':'));
        await page.waitForFunction(() => document.getElementById('module-answer').textContent !== '…');
        if (lang === 'zh') {
          await page.click('button[data-lang="zh"]');
          await page.frameLocator('#frame').locator('crossfoot-report .verdict-word', { hasText: '不一致' }).waitFor();
          for (const id of ['from-src', 'from-inline', 'from-property']) await nthEvent(page, id, 2);
        }
        const verdicts = await page.evaluate(() => Object.fromEntries(['from-src', 'from-inline', 'from-property'].map((id) => [id, document.getElementById(id).verdict.verdict])));
        assert.deepEqual(verdicts, { 'from-src': 'consistent', 'from-inline': 'inconsistent', 'from-property': 'consistent' });
        assert.match(await page.textContent('#frame-answer'), /^crossfoot:verdict, id "example", verdict\.verdict = "inconsistent", height \d+px$/);
        const moduleAnswer = await page.textContent('#module-answer');
        if (existsSync(join(WWW, 'crossfoot-api.js'))) assert.match(moduleAnswer, /crossfoot \d+\.\d+\.\d+: inconsistent/);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'no sideways scrolling');
        assert.deepEqual(page.errors, []);
        assert.deepEqual(await page.evaluate(() => window.__violations), []);
        await page.waitForTimeout(200);
        await page.screenshot({ path: artifact(`embed-example-${lang}-${width}.png`), fullPage: true });
        await page.close();
      });
    }
  }
});

describe('the snippets of docs/embedding.md, as written, in Chromium', () => {
  const DIST = join(WWW, '..', 'dist', 'embed');
  const docs = readFileSync(join(WWW, '..', 'docs', 'embedding.md'), 'utf8');
  const blocks = [...docs.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  const componentSnippet = blocks.find((b) => b.includes('<crossfoot-report'));
  const allowLine = blocks.find((b) => b.includes('data-allowed-origins=')).trim();
  const iframeSnippet = blocks.find((b) => b.includes('crossfoot:check'));
  const report = readFileSync(join(WWW, '..', 'examples', 'qingpu-2017.json'));
  const built = existsSync(join(DIST, 'crossfoot-element.js'));
  let site; // crossfoot's files as a site deploys them: /crossfoot/ on their own origin
  let host; // the host page, on another origin
  let browser;

  before(async () => {
    if (!built) return;
    const page = (snippet) => ({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>\n${snippet}\n</body></html>` });
    site = await serve({
      root: DIST,
      mount: '/crossfoot/',
      routes: {
        '/crossfoot/embed.html': () => ({ body: readFileSync(join(DIST, 'embed.html'), 'utf8').replace('<html lang="en" data-allowed-origins="">', allowLine.replace('https://news.example', host.origin)) }),
        '/host.html': () => page(componentSnippet),
        '/reports/2017.json': { body: report, type: 'application/json' },
      },
    });
    host = await serve({
      host: '127.0.0.2',
      routes: {
        '/host.html': () => page(iframeSnippet.replace("'https://crossfoot.example'", `'${site.origin}'`)),
        '/reports/2017.json': { body: report, type: 'application/json' },
      },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
    await host?.stop();
  });

  const skip = !built && 'dist/embed is missing: run scripts/build-embed.sh';

  test('the component snippet: src, inline (zh) and property', { skip }, async () => {
    assert.ok(componentSnippet && allowLine && iframeSnippet, 'docs/embedding.md has the three snippets');
    const page = await browser.context.newPage();
    await instrument(page);
    const logs = [];
    page.on('console', (message) => logs.push(message.text()));
    await page.goto(site.url('/host.html'));
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'crossfoot-verdict').length >= 3, null, { timeout: 30000 });
    const verdicts = await page.evaluate(() => [...document.querySelectorAll('crossfoot-report')].map((e) => [e.verdict.verdict, e.verdict.language]));
    assert.deepEqual(verdicts, [['consistent', 'en'], ['inconsistent', 'zh'], ['consistent', 'en']]);
    assert.ok(logs.includes('consistent'), `the event listener logged the verdict: ${logs}`);
    assert.ok((await page.locator('#live table.facts tbody tr').count()) > 0, 'compact="false" shows the facts');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the iframe snippet: an allowed host gets the verdict and sizes the frame', { skip }, async () => {
    const page = await browser.context.newPage();
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    const logs = [];
    page.on('console', (message) => logs.push(message.text()));
    await page.goto(host.url('/host.html'));
    await page.waitForFunction(() => parseFloat(document.querySelector('#verdict iframe').style.height) > 100 && !document.querySelector('#verdict iframe').style.height.endsWith('rem'), null, { timeout: 30000 });
    assert.ok(logs.some((line) => line.startsWith('consistent consistent:')), `logged: ${logs}`);
    const frame = page.frames().find((f) => f.url().startsWith(site.origin));
    assert.match(await frame.locator('crossfoot-report .verdict-word').textContent(), /Consistent/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('the component and the iframe in Firefox ESR', { skip: !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}` }, () => {
  let files;
  let host;
  let browser;

  before(async () => {
    files = await serve({
      root: WWW,
      routes: {
        '/host.html': () => ({
          body: wrapHost(`<crossfoot-report id="a" src="/example.json"></crossfoot-report>
            <crossfoot-report id="b" lang="zh"><script type="application/json">${reportText({ wrong: true })}</script></crossfoot-report>`),
          headers: { 'Content-Security-Policy': HOST_CSP },
        }),
        '/embed.html': () => ({ body: readFileSync(join(WWW, 'embed.html'), 'utf8').replace('data-allowed-origins=""', `data-allowed-origins="${host.origin}"`) }),
      },
    });
    host = await serve({
      host: '127.0.0.2',
      routes: { '/host.html': () => ({ body: `<!doctype html><meta charset="utf-8"><title>host</title><iframe name="crossfoot" src="${files.url('/embed.html')}"></iframe>` }) },
    });
    browser = await launchFirefox();
  });

  after(async () => {
    await browser?.close();
    await files?.stop();
    await host?.stop();
  });

  test('the component: src and inline, in its shadow root', async () => {
    const page = await browser.browser.newPage();
    await page.goto(files.url('/host.html'));
    await page.waitForFunction(() => [...document.querySelectorAll('crossfoot-report')].every((e) => e.verdict), { timeout: 30000 });
    const shown = await page.evaluate(() => [...document.querySelectorAll('crossfoot-report')].map((e) => [e.verdict.verdict, e.shadowRoot.querySelector('.verdict-word').textContent]));
    assert.equal(shown[0][0], 'consistent');
    assert.match(shown[0][1], /Consistent/);
    assert.equal(shown[1][0], 'inconsistent');
    assert.match(shown[1][1], /不一致/);
    await page.close();
  });

  test('the iframe answers its allowed parent', async () => {
    const page = await browser.browser.newPage();
    await page.goto(host.url('/host.html'));
    const answer = await page.evaluate(async ({ origin, report }) => {
      const frame = window.frames.crossfoot;
      const reply = new Promise((resolve) => window.addEventListener('message', (e) => resolve({ origin: e.origin, type: e.data.type, verdict: e.data.verdict.verdict })));
      frame.postMessage({ type: 'crossfoot:check', report }, origin);
      return reply;
    }, { origin: files.origin, report: reportText({ wrong: true }) });
    assert.deepEqual(answer, { origin: files.origin, type: 'crossfoot:verdict', verdict: 'inconsistent' });
    await page.close();
  });
});
