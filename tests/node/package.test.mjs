// The npm package (npm/) in Node.js 20: imported from the folder and installed from its packed
// tarball into a fresh project, checking the example and broken reports; its verdicts equal the
// CLI's `--format json`; its type unions match the codes in the Rust source.
// Needs npm/pkg (scripts/build-embed.sh). Run: scripts/test-embed.sh, or node --test tests/node/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NPM = join(ROOT, 'npm');
const EXAMPLE = join(ROOT, 'examples', 'qingpu-2017.json');
const BROKEN = '{\n  "crossfoot": 1,\n  "report": {"title": "broken",, "period": "2017"},\n  "sections": []\n}\n';
const CLI = process.env.CROSSFOOT_BIN || join(ROOT, 'target', 'debug', 'crossfoot');

if (!existsSync(join(NPM, 'pkg', 'crossfoot_bg.wasm'))) throw new Error('npm/pkg is missing: run scripts/build-embed.sh first');

const crossfoot = await import(pathToFileURL(join(NPM, 'index.js')).href);

test('the example report is consistent: as bytes, as text and as an object', async () => {
  const bytes = readFileSync(EXAMPLE);
  const fromBytes = await crossfoot.check(bytes);
  assert.equal(fromBytes.verdict, 'consistent');
  assert.equal(fromBytes.counts.failed, 0);
  assert.ok(fromBytes.counts.checks > 0 && fromBytes.counts.facts > 0);
  assert.deepEqual(await crossfoot.check(bytes.toString('utf8')), fromBytes);
  const fromObject = await crossfoot.check(JSON.parse(bytes.toString('utf8')));
  assert.equal(fromObject.verdict, 'consistent');
  assert.equal(fromObject.counts.checks, fromBytes.counts.checks);
});

test('check() parses checks and facts when first read, and is otherwise the eager verdict key for key', async () => {
  // The glue's own check() (the module npm/index.js loaded) builds every object at once.
  const glue = await import(pathToFileURL(join(NPM, 'pkg', 'crossfoot.js')).href);
  const files = [EXAMPLE, join(ROOT, 'examples', 'mistakes', 'sum-off-by-one.json')];
  for (const [file, lang] of files.flatMap((f) => [[f, 'en'], [f, 'zh']])) {
    const text = readFileSync(file, 'utf8');
    const lazy = await crossfoot.check(text, { lang, source: 'r.json' });
    assert.equal(typeof Object.getOwnPropertyDescriptor(lazy, 'facts').get, 'function', 'facts not parsed yet');
    assert.equal(typeof Object.getOwnPropertyDescriptor(lazy, 'checks').get, 'function', 'checks not parsed yet');
    const eager = glue.check(text, { lang, source: 'r.json' });
    assert.deepEqual(Object.keys(lazy), Object.keys(eager));
    assert.equal(JSON.stringify(lazy), JSON.stringify(eager), file);
    // Read once, the arrays are plain data: the same array every time, and assignable.
    assert.equal(Object.getOwnPropertyDescriptor(lazy, 'facts').value, lazy.facts);
    assert.ok(Array.isArray(lazy.checks) && lazy.checks.length === eager.checks.length);
    assert.deepEqual(structuredClone(lazy), eager);
    lazy.checks = [];
    assert.deepEqual(lazy.checks, []);
  }
  // Unread arrays can be replaced before they are ever parsed.
  const unread = await crossfoot.check(readFileSync(EXAMPLE));
  unread.facts = 'replaced';
  assert.equal(unread.facts, 'replaced');
});

test('a broken report is invalid (a verdict, not an exception), with the place of the error', async () => {
  const verdict = await crossfoot.check(BROKEN, { source: 'broken.json' });
  assert.equal(verdict.verdict, 'invalid');
  assert.equal(verdict.source, 'broken.json');
  const syntax = verdict.findings.find((f) => f.code === 'json-syntax');
  assert.ok(syntax, JSON.stringify(verdict.findings));
  assert.equal(syntax.line, 3);
  assert.equal((await crossfoot.check(new Uint8Array([0xff, 0xfe, 0x00]))).verdict, 'invalid');
  assert.equal((await crossfoot.check([1, 2])).verdict, 'invalid');
});

test('a wrong figure is inconsistent, with a suspect; Chinese messages on request', async () => {
  const text = readFileSync(join(ROOT, 'examples', 'mistakes', 'sum-off-by-one.json'));
  const verdict = await crossfoot.check(text, { lang: 'zh' });
  assert.equal(verdict.verdict, 'inconsistent');
  assert.equal(verdict.language, 'zh');
  assert.ok(verdict.suspects.length > 0);
  assert.match(verdict.summary, /不一致/);
});

test('version() and schema()', async () => {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  const pkg = JSON.parse(readFileSync(join(NPM, 'package.json'), 'utf8'));
  assert.equal(await crossfoot.version(), cargo);
  assert.equal(pkg.version, cargo);
  assert.equal(pkg.name, 'crossfoot');
  const schema = await crossfoot.schema();
  assert.deepEqual(schema, JSON.parse(readFileSync(join(ROOT, 'schema', 'crossfoot-v1.schema.json'), 'utf8')));
  assert.match(schema.$schema, /json-schema\.org/);
  schema.title = 'changed by a caller';
  assert.notEqual((await crossfoot.schema()).title, 'changed by a caller', 'each call gets its own copy');
});

test("a caller's mistakes reject with a clear message", async () => {
  await assert.rejects(crossfoot.check(undefined), /report must be/);
  await assert.rejects(crossfoot.check('{}', { language: 'zh' }), /unknown option "language"/);
  await assert.rejects(crossfoot.check('{}', { lang: 'fr' }), /unknown language/);
  // And the module still works after them.
  assert.equal((await crossfoot.check(readFileSync(EXAMPLE))).verdict, 'consistent');
});

test('extract() reads the seed text (its own module) and its draft report checks consistent', async () => {
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'text', 'qingpu-2017-rule-of-law-report.txt'), 'utf8');
  const extraction = await crossfoot.extract(text, { source: 'qingpu.txt' });
  const chars = [...text];
  assert.ok(extraction.figures.length >= 30, `only ${extraction.figures.length} figures`);
  for (const figure of extraction.figures) {
    assert.equal(chars.slice(figure.start, figure.end).join(''), figure.printed);
  }
  assert.ok(extraction.relations.some((r) => r.kind === 'total' && r.confidence === 'sure'));
  const verdict = await crossfoot.check(extraction.report);
  assert.equal(verdict.verdict, 'consistent');
  assert.ok(verdict.counts.passed > 0);
  await assert.rejects(crossfoot.extract(text, { htm: true }), /unknown option "htm"/);
});

test('extract() recognises a disclosure report on its template: a template report with at, and warnings', async () => {
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'disclosure', 'pingtan-2021.txt'), 'utf8');
  const extraction = await crossfoot.extract(text);
  assert.equal(extraction.template, 'cn-gov-info-disclosure-2021');
  assert.deepEqual(extraction.warnings, []);
  const report = JSON.parse(extraction.report);
  const t3 = report.tables.find((t) => t.id === 't3');
  const row = t3.rows.find((r) => r.id === 'new');
  assert.deepEqual(row.cells, [64, 0, 0, 2, 0, 4, 70]);
  const chars = [...text];
  assert.equal(chars.slice(row.at[6].start, row.at[6].end).join(''), '70');
  const verdict = await crossfoot.check(extraction.report);
  assert.equal(verdict.verdict, 'consistent');
  assert.deepEqual(verdict.tables.find((t) => t.id === 't3').rows[0].cells[6].at, row.at[6]);
  const broken = await crossfoot.extract(text.replace('（一）予以公开\t27\t0\t0\t2\t0\t1\t30', '（一）予以公开\t27'));
  assert.equal(broken.warnings[0].code, 'row-not-placed');
});

test('loads once, and many checks at once work', async () => {
  assert.equal(crossfoot.load(), crossfoot.load());
  const reports = Array.from({ length: 20 }, (_, i) => (i % 2 ? BROKEN : readFileSync(EXAMPLE)));
  const verdicts = await Promise.all(reports.map((r) => crossfoot.check(r)));
  assert.deepEqual(verdicts.map((v) => v.verdict), reports.map((_, i) => (i % 2 ? 'invalid' : 'consistent')));
});

test('the same verdicts as the CLI (--format json), field for field', { skip: !existsSync(CLI) && `no CLI at ${CLI}` }, async () => {
  const files = ['examples/qingpu-2017.json', 'examples/mistakes/transposed-digits.json', 'tests/fixtures/invalid/trailing-comma.json', 'tests/fixtures/valid/unit-mismatch.json'].filter((f) => existsSync(join(ROOT, f)));
  for (const lang of ['en', 'zh']) {
    const run = spawnSync(CLI, ['check', '--format', 'json', '--lang', lang, ...files], { cwd: ROOT, encoding: 'utf8' });
    const fromCli = JSON.parse(run.stdout);
    for (const [i, file] of files.entries()) {
      const fromWasm = await crossfoot.check(readFileSync(join(ROOT, file)), { lang, source: file });
      assert.deepEqual(fromWasm, fromCli[i], `${file} (${lang})`);
    }
  }
});

test("the types' code lists match the Rust source", () => {
  const types = readFileSync(join(NPM, 'index.d.ts'), 'utf8');
  const union = (name) => new Set([...types.match(new RegExp(`export type ${name} =([^;]*);`))[1].matchAll(/'([^']+)'/g)].map((m) => m[1]));
  const rust = (file) => readFileSync(join(ROOT, 'src', file), 'utf8');
  const between = (text, start, end) => text.slice(text.indexOf(start), text.indexOf(end, text.indexOf(start)));
  const quoted = (text) => [...text.matchAll(/=> "([a-z][a-z0-9-]*)"/g)].map((m) => m[1]);

  const codes = new Set([
    ...quoted(between(rust('messages.rs'), 'pub fn code(&self)', 'pub fn severity')),
    ...quoted(between(rust('json.rs'), 'pub fn code(&self)', '\n    }\n')),
  ]);
  assert.deepEqual([...union('FindingCode')].sort(), [...codes].sort());

  const reasons = new Set([...rust('suspects.rs').matchAll(/^const [A-Z_]+: &str = "([a-z-]+)";/gm)].map((m) => m[1]));
  assert.deepEqual([...union('SuspectReason')].sort(), [...reasons].sort());

  const verdictRs = rust('verdict.rs');
  const variants = (name) => new Set([...between(verdictRs, `pub enum ${name} {`, '}').matchAll(/^\s+([A-Z][a-z]+),/gm)].map((m) => m[1].toLowerCase()));
  assert.deepEqual(union('Status'), variants('Status'));
  assert.deepEqual(union('Severity'), variants('Severity'));
  assert.deepEqual(union('CheckStatus'), variants('CheckStatus'));
});

test('installed from its packed tarball into a fresh project, `import "crossfoot"` works', () => {
  const work = mkdtempSync(join(tmpdir(), 'crossfoot-npm-'));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: NPM, encoding: 'utf8' }));
    const files = packed[0].files.map((f) => f.path).sort();
    assert.deepEqual(files, ['README.md', 'index.d.ts', 'index.js', 'lazy-verdict.js', 'package.json', 'pkg-extract/crossfoot.js', 'pkg-extract/crossfoot_bg.wasm', 'pkg/crossfoot.js', 'pkg/crossfoot_bg.wasm', 'schema.js']);
    const project = join(work, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(work, packed[0].filename)], { cwd: project, encoding: 'utf8' });
    // The docs' Node snippet, as written, on the example and on a report with a wrong figure.
    const docs = readFileSync(join(ROOT, 'docs', 'embedding.md'), 'utf8');
    const snippet = [...docs.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('check-report.mjs'));
    assert.ok(snippet, 'docs/embedding.md has the Node snippet');
    writeFileSync(join(project, 'check-report.mjs'), snippet);
    writeFileSync(join(project, 'report.json'), readFileSync(EXAMPLE));
    writeFileSync(join(project, 'wrong.json'), readFileSync(join(ROOT, 'examples', 'mistakes', 'sum-off-by-one.json')));
    const good = spawnSync(process.execPath, ['check-report.mjs', 'report.json'], { cwd: project, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /^consistent: /);
    const bad = spawnSync(process.execPath, ['check-report.mjs', 'wrong.json'], { cwd: project, encoding: 'utf8' });
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /^inconsistent: [\s\S]*off by 1[\s\S]*(likely|may be) wrong/);

    writeFileSync(join(project, 'main.js'), [
      "import { readFile } from 'node:fs/promises';",
      "import { check, version } from 'crossfoot';",
      `const verdict = await check(await readFile(${JSON.stringify(EXAMPLE)}));`,
      "console.log(JSON.stringify({ verdict: verdict.verdict, version: await version() }));",
    ].join('\n'));
    const out = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' }));
    assert.equal(out.verdict, 'consistent');
    assert.match(out.version, /^\d+\.\d+\.\d+/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('npm/README.md carries the section of docs/embedding.md word for word', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'embedding.md'), 'utf8');
  const readme = readFileSync(join(NPM, 'README.md'), 'utf8');
  const section = (text) => text.slice(text.indexOf('\n## Embedding crossfoot\n'));
  assert.ok(section(docs).length > 1000);
  assert.equal(section(readme), section(docs));
});
