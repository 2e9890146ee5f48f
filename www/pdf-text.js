// A PDF's text, for extraction: Mozilla's pdf.js (npm pdfjs-dist, copied into vendor/pdfjs by
// scripts/build-web.sh) reads each page's text items with their positions, and the rows are rebuilt
// the way the CLI does it (src/pdf.rs): lines by baseline, top to bottom; a wide gap between two
// items is a column's gutter (a tab), a small one a space; a row whose label wraps over two lines
// is one line. The page loads this module, and pdf.js with it, only when a PDF arrives.
//
// In the single file (dist/crossfoot.html) pdf.js travels inside the page as two non-executing
// <script type="application/octet-stream"> blocks (base64), turned into module URLs only here; its
// worker then runs on the page's thread ("fake worker"), since a module worker cannot start from a
// blob: URL on a file:// page.

/** Throws an Error with `.code` 'pdf-no-text' (a scan) or 'pdf-unreadable'. */
export async function pdfToText(bytes) {
  const pdfjs = await loadPdfjs();
  let doc;
  let task;
  try {
    task = pdfjs.getDocument({
      data: bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      cMapUrl: cMapUrl(),
      cMapPacked: true,
      ...(inlineMaps() ? { CMapReaderFactory: InlineCMapReader } : {}),
    });
    doc = await task.promise;
  } catch (error) {
    if (task) task.destroy().catch(() => {});
    throw pdfError('pdf-unreadable', error && error.message ? error.message : String(error));
  }
  const lines = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      let content;
      try {
        const page = await doc.getPage(n);
        content = await page.getTextContent();
        page.cleanup();
      } catch {
        continue; // a broken page: the others still count
      }
      lines.push(...pageLines(content.items));
    }
  } finally {
    task.destroy().catch(() => {});
  }
  const text = lines.map((line) => `${line}\n`).join('');
  if (!text.trim()) throw pdfError('pdf-no-text', 'no text');
  return text;
}

function pdfError(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

// ---- loading pdf.js ----

let loading = null;

function loadPdfjs() {
  if (!loading) {
    loading = (async () => {
      const inline = document.getElementById('crossfoot-pdfjs');
      if (inline) {
        const worker = await import(await moduleUrl('crossfoot-pdfjs-worker'));
        globalThis.pdfjsWorker = worker; // pdf.js's fake worker takes its handler from here
        const pdfjs = await import(await moduleUrl('crossfoot-pdfjs'));
        pdfjs.GlobalWorkerOptions.workerSrc = 'data:,'; // never loaded: pdfjsWorker is there
        return pdfjs;
      }
      const pdfjs = await import('./vendor/pdfjs/pdf.min.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
      return pdfjs;
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}

function pdfBase64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function moduleUrl(id) {
  const node = document.getElementById(id);
  let blob = new Blob([pdfBase64Bytes(node.textContent.trim())]);
  if (node.dataset.encoding === 'gzip') blob = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
  return URL.createObjectURL(new Blob([blob], { type: 'text/javascript' }));
}

/** The CMaps for Chinese fonts that a PDF names without embedding (served: vendor/pdfjs/cmaps). */
function cMapUrl() {
  return inlineMaps() ? undefined : new URL('./vendor/pdfjs/cmaps/', import.meta.url).href;
}

function inlineMaps() {
  return document.getElementById('crossfoot-pdfjs-cmaps');
}

/** The single file carries the CMaps of Chinese (Adobe-GB1) fonts, as JSON {name: base64}. */
class InlineCMapReader {
  constructor() {
    this.maps = JSON.parse(inlineMaps().textContent);
  }

  async fetch({ name }) {
    const data = this.maps[name];
    if (!data) throw new Error(`no CMap ${name}`);
    return { cMapData: pdfBase64Bytes(data), isCompressed: true };
  }
}

// ---- rows by position (as src/pdf.rs) ----

const isDigitAt = (text, i) => /[0-9]/.test(text.charAt(i));
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const isCjk = (c) => c !== '' && CJK.test(c);
const lastChar = (text) => Array.from(text).pop() || '';
const firstChar = (text) => Array.from(text)[0] || '';
const FIGURE = /^[0-9.,%\-—–+ ]*[0-9][0-9.,%\-—–+ ]*$/;

/** pdf.js text items as lines, top to bottom, cells separated by tabs. */
export function pageLines(items) {
  const glyphs = [];
  for (const item of items) {
    if (!item || typeof item.str !== 'string' || item.str === '' || !item.transform) continue;
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.sqrt(Math.abs((a + c) * (b + d))) || Math.hypot(c, d) || 10;
    if (![e, f, size].every(Number.isFinite)) continue;
    // A space the PDF draws stays a space (as src/pdf.rs keeps it).
    const text = item.str.trim() ? unifyRadicals(item.str.trim()) : ' ';
    glyphs.push({ text, x: e, y: -f, width: Math.max(0, item.width || 0), size: size > 0.1 ? size : 10 });
  }
  glyphs.sort((p, q) => p.y - q.y || p.x - q.x);
  const lines = [];
  for (const glyph of glyphs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(glyph.y - line[0].y) <= 0.5 * Math.min(line[0].size, glyph.size)) line.push(glyph);
    else lines.push([glyph]);
  }
  const built = lines.map((line) => {
    line.sort((p, q) => p.x - q.x);
    return { y: Math.max(...line.map((g) => g.y)), size: line[0].size, cells: cellsByGaps(line) };
  });
  const out = mergeWrapped(built).map((line) => line.cells.map((cell) => cell.text).join('\t')).filter((line) => line.trim());
  if (out.length && isPageNumber(out[out.length - 1])) out.pop();
  return out;
}

function cellsByGaps(glyphs) {
  const cells = [];
  let end = -Infinity;
  let lastText = null;
  let lastX = -Infinity;
  let space = false;
  for (const { text, x, width, size } of glyphs) {
    if (text === ' ') {
      space = cells.length > 0;
      continue;
    }
    const spaced = space;
    space = false;
    const cell = cells[cells.length - 1];
    if (cell) {
      if (lastText === text && Math.abs(x - lastX) < 0.2 * size) continue; // drawn twice (fake bold)
      const gap = x - end;
      const out = cell.text;
      const tight = (isDigitAt(out, out.length - 1) || isCjk(lastChar(out))) && (isDigitAt(text, 0) || isCjk(firstChar(text)));
      if (gap > 1.5 * size || (tight && gap > 0.6 * size)) {
        cells.push({ text, x0: x, x1: x + width });
      } else {
        if (spaced || (gap > 0.2 * size && !(isCjk(lastChar(out)) && isCjk(firstChar(text))))) cell.text += ' ';
        cell.text += text;
        cell.x1 = Math.max(cell.x1, x + width);
      }
    } else {
      cells.push({ text, x0: x, x1: x + width });
    }
    end = Math.max(end, x + width);
    lastText = text;
    lastX = x;
  }
  return cells;
}

const isFigure = (cell) => FIGURE.test(cell.text);
const overlaps = (p, q) => p.x0 + 1 < q.x1 && q.x0 + 1 < p.x1; // more than a point in common
const joinText = (above, below) => (isCjk(lastChar(above)) && isCjk(firstChar(below)) ? above + below : `${above} ${below}`);

function mergeWrapped(lines) {
  const out = [];
  let joined = false;
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last) {
      const near = Math.abs(line.y - last.y) <= 1.1 * Math.min(last.size, line.size);
      const hasFigures = (l) => l.cells.some(isFigure);
      const clash = last.cells.some((p) => line.cells.some((q) => overlaps(p, q) && (isFigure(q) || line.cells.length <= Math.max(1, last.cells.length))));
      if (near && !hasFigures(last) && hasFigures(line) && !clash) {
        const cells = line.cells;
        for (const above of last.cells) {
          const below = cells.find((q) => overlaps(q, above));
          if (below) {
            below.text = joinText(above.text, below.text);
            below.x0 = Math.min(below.x0, above.x0);
            below.x1 = Math.max(below.x1, above.x1);
          } else {
            cells.push(above);
          }
        }
        cells.sort((p, q) => p.x0 - q.x0);
        last.cells = cells;
        last.y = line.y;
        joined = true;
        continue;
      }
      if (near && joined && !hasFigures(line)) {
        const targets = line.cells.map((c) => last.cells.findIndex((t) => !isFigure(t) && overlaps(t, c)));
        if (targets.every((i) => i >= 0)) {
          line.cells.forEach((cell, k) => {
            const target = last.cells[targets[k]];
            target.text = joinText(target.text, cell.text);
            target.x1 = Math.max(target.x1, cell.x1);
          });
          joined = false;
          continue;
        }
      }
    }
    joined = false;
    out.push(line);
  }
  return out;
}

function isPageNumber(line) {
  const t = line.replace(/\s/g, '');
  const digits = (t.match(/[0-9]/g) || []).length;
  if (digits === 0 || digits > 6 || (digits === t.length && digits > 3)) return false;
  return /^[0-9\-—–/第页共Page]+$/.test(t) && !t.includes('--') && (t.match(/\//g) || []).length <= 1;
}

// Kangxi radicals (U+2F00…) decompose to the ideograph; the CJK radicals supplement (U+2E80…) that
// fonts use for simplified ideographs does not: the same table as src/pdf.rs.
const RADICALS = '⺀冫⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇几⺈刀⺉刂⺋㔾⺌小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彐⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮竹⺯糸⺰纟⺱网⺲罒⺳网⺴网⺵网⺶羊⺷羊⺸羊⺹耂⺺聿⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃西⻄西⻅见⻆角⻇角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐金⻑長⻒镸⻓长⻔门⻕阝⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞食⻟食⻠饣⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';
const RADICAL_MAP = new Map();
for (let i = 0; i + 1 < RADICALS.length; i += 2) RADICAL_MAP.set(RADICALS[i], RADICALS[i + 1]);

function unifyRadicals(text) {
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => {
    if (c >= '\u2f00') {
      const n = c.normalize('NFKC');
      return n.length === 1 ? n : c;
    }
    return RADICAL_MAP.get(c) || c;
  });
}
