#!/usr/bin/env node
// Measures, in Debian's Chromium (not a test; prints figures):
//  - time from navigation to the example's verdict on screen, served page and single file (median of runs);
//  - time to check a 10 MB report: in the worker (the module's check() alone), and from the file
//    input's change event to the verdict on screen.
// Usage: node tests/browser/measure.mjs [runs]   (after scripts/build-web.sh)

import { launchChromium, largeReportText, requireBuild, SINGLE_FILE_URL, startServer } from './helpers.mjs';

const runs = Number(process.argv[2] || 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Records, in the page, when the banner first shows a verdict (ms since navigation start).
const WATCH = () => {
  new MutationObserver((_, observer) => {
    const banner = document.getElementById('banner');
    if (banner && /banner-(consistent|inconsistent|invalid)/.test(banner.className)) {
      window.__verdictAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
};

requireBuild();
const server = await startServer();
const { context, close } = await launchChromium();
try {
  for (const [name, url] of [['served page', server.url], ['single file (file://)', SINGLE_FILE_URL]]) {
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await context.newPage();
      await page.addInitScript(WATCH);
      await page.goto(url);
      await page.waitForFunction(() => window.__verdictAt !== undefined, null, { timeout: 30000 });
      times.push(await page.evaluate(() => window.__verdictAt));
      await page.close();
    }
    console.log(`navigation to the example's verdict, ${name}: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }

  const text = largeReportText(10);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.busy === 'false' && document.documentElement.dataset.renders);
  const checkTimes = [];
  const totalTimes = [];
  for (let i = 0; i < Math.min(runs, 3); i += 1) {
    await page.evaluate(() => {
      window.__before = Number(document.documentElement.dataset.renders);
      document.getElementById('file-input').addEventListener('change', () => { window.__changeAt = performance.now(); }, { once: true, capture: true });
    });
    await page.setInputFiles('#file-input', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => Number(document.documentElement.dataset.renders) > window.__before && document.documentElement.dataset.busy === 'false', null, { timeout: 300000 });
    const { total, check, verdict } = await page.evaluate(() => ({
      total: performance.now() - window.__changeAt,
      check: Number(document.documentElement.dataset.lastCheckMs),
      verdict: document.documentElement.dataset.verdict,
    }));
    checkTimes.push(check);
    totalTimes.push(total);
    if (i === 0) console.log(`10 MB report (${(text.length / 1e6).toFixed(1)} MB, verdict ${verdict}):`);
  }
  console.log(`  check() in the worker: median ${median(checkTimes).toFixed(0)} ms (${checkTimes.map((t) => t.toFixed(0)).join(', ')}), ${(text.length / 1e6 / (median(checkTimes) / 1000)).toFixed(1)} MB/s`);
  console.log(`  file chosen to verdict on screen: median ${median(totalTimes).toFixed(0)} ms (${totalTimes.map((t) => t.toFixed(0)).join(', ')})`);
} finally {
  await close();
  server.stop();
}
