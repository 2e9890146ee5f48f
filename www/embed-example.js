// The script of embed-example.html: a host page using the three ways in. Everything here is what a
// host would write itself; nothing in it is needed by crossfoot.

const STRINGS = {
  en: {
    kicker: 'A host page',
    title: 'crossfoot in your own page: three ways',
    lede: "Each box below is this site's own page putting a crossfoot verdict next to its content. Nothing is sent to a server: the check runs in this browser.",
    componentTitle: 'A web component',
    componentText: 'One script line, then the element wherever the verdict should appear. The report can come from a URL, from JSON written inside the element, or from JavaScript.',
    srcCaption: 'a published report, fetched',
    inlineCaption: 'the report written inside the element',
    themedNote: 'This one is themed by the host: CSS custom properties and ::part().',
    propertyCaption: 'set from JavaScript; edit and check',
    editLabel: 'Report (JSON)',
    checkButton: 'Check',
    event: 'crossfoot-verdict event: {verdict}, {failed} failing of {checks}',
    iframeTitle: 'An iframe with a message API',
    iframeText: "The frame is crossfoot's own page. The host posts a report; the frame shows the verdict and posts it back, to this page's origin only.",
    iframeLabel: 'crossfoot verdict',
    answerLabel: 'Answer from the frame:',
    moduleTitle: 'A JavaScript module (npm package)',
    moduleText: 'For build tools, servers and scripts: the same module as a promise-based API, in browsers and in Node.js 20.',
    moduleLabel: 'Run on this page:',
    moduleMissing: 'crossfoot-api.js is not here: run scripts/build-embed.sh',
    footer: 'The three ways share one WebAssembly module; see docs/embedding.md.',
  },
  zh: {
    kicker: '宿主网页示例',
    title: '在自己的网页中使用 crossfoot:三种方式',
    lede: '下面每一块都是本网站自己的页面在其内容旁显示 crossfoot 的核对结论。不向任何服务器发送数据:核对在本浏览器中完成。',
    componentTitle: 'Web 组件',
    componentText: '一行脚本,再把元素放在要显示结论的地方。报告可以来自一个网址、写在元素里的 JSON,或由 JavaScript 设置。',
    srcCaption: '已发布的报告,按网址读取',
    inlineCaption: '报告直接写在元素内',
    themedNote: '这一块由宿主网页设定样式:CSS 自定义属性和 ::part()。',
    propertyCaption: '由 JavaScript 设置;可编辑后核对',
    editLabel: '报告(JSON)',
    checkButton: '核对',
    event: 'crossfoot-verdict 事件:{verdict},{checks} 项核对中 {failed} 项不符',
    iframeTitle: '带消息接口的 iframe',
    iframeText: '框架内是 crossfoot 自己的页面。宿主发送报告;框架显示结论并把结论发回,且只发给本页的来源。',
    iframeLabel: 'crossfoot 核对结论',
    answerLabel: '框架的答复:',
    moduleTitle: 'JavaScript 模块(npm 包)',
    moduleText: '供构建工具、服务器和脚本使用:同一个模块,基于 Promise 的接口,可在浏览器和 Node.js 20 中运行。',
    moduleLabel: '在本页运行:',
    moduleMissing: '缺少 crossfoot-api.js:请运行 scripts/build-embed.sh',
    footer: '三种方式共用同一个 WebAssembly 模块;详见 docs/embedding.md。',
  },
};

const PROPERTY_REPORT = {
  crossfoot: 1,
  report: { title: 'People\'s mediation, 2017', period: '2017' },
  sections: [
    {
      id: 'mediation',
      title: 'Mediation',
      facts: [
        { id: 'cases', label: 'disputes mediated', value: 10876, unit: '件' },
        { id: 'settled', label: 'settled', value: 10388, unit: '件' },
        { id: 'rate', label: 'success rate', value: '95.5', unit: '%' },
      ],
      checks: [
        { id: 'rate_matches', label: 'success rate = settled ÷ disputes', expect: 'rate == settled / cases' },
        { id: 'settled_le_cases', expect: 'settled <= cases' },
      ],
    },
  ],
};

// Sent to the iframe: one figure has two digits swapped (1.05% printed as 1.50%).
const FRAME_REPORT = {
  crossfoot: 1,
  report: { title: 'Mediation, year on year (example with one wrong figure)', period: '2017' },
  sections: [
    {
      id: 'mediation',
      title: 'Mediation',
      facts: [
        { id: 'cases_2017', label: 'disputes 2017', value: 10876, unit: '件' },
        { id: 'cases_2016', label: 'disputes 2016', value: 10763, unit: '件' },
        { id: 'growth', label: 'growth', value: '1.50', unit: '%', quote: '同比增长1.50%' },
      ],
      checks: [{ id: 'growth_matches', label: 'growth = change(2016 → 2017)', expect: 'growth == change(cases_2017, cases_2016)' }],
    },
  ],
};

let lang = document.documentElement.lang === 'zh' ? 'zh' : 'en';
const t = (key, vars = {}) => (STRINGS[lang][key] ?? STRINGS.en[key]).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
const $ = (id) => document.getElementById(id);

function translatePage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  // The elements follow the page's lang= on their own when first shown; a change needs telling.
  for (const element of document.querySelectorAll('crossfoot-report')) element.setAttribute('lang', lang);
}

// ---- 1. the component, report set as a property ----

const fromProperty = $('from-property');
$('report-text').value = JSON.stringify(PROPERTY_REPORT, null, 2);
fromProperty.addEventListener('crossfoot-verdict', (event) => {
  const { verdict, counts } = event.detail;
  $('event-log').textContent = t('event', { verdict, failed: counts.failed, checks: counts.checks });
});
$('check-text').addEventListener('click', () => {
  fromProperty.report = $('report-text').value;
});
fromProperty.report = $('report-text').value;

// ---- 2. the iframe ----

// The src is set only once the load listener is in place, so that the first load is never missed.
const frame = $('frame');
const frameOrigin = new URL(frame.dataset.src, location.href).origin;

function askFrame() {
  // Text rather than the object, so that the verdict's line numbers point into readable lines.
  const report = JSON.stringify(FRAME_REPORT, null, 2);
  frame.contentWindow.postMessage({ type: 'crossfoot:check', id: 'example', lang, report }, frameOrigin);
}

window.addEventListener('message', (event) => {
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const data = event.data || {};
  if (data.type === 'crossfoot:verdict') {
    $('frame-answer').textContent = `${data.type}, id ${JSON.stringify(data.id)}, verdict.verdict = "${data.verdict.verdict}", height ${data.height}px`;
    if (data.height > 0) frame.style.height = `${data.height}px`;
  } else if (data.type === 'crossfoot:error') {
    $('frame-answer').textContent = data.message;
  }
});
frame.addEventListener('load', askFrame);
frame.src = frame.dataset.src;

// ---- 3. the module ----

async function runModule() {
  let api;
  try {
    api = await import('./crossfoot-api.js');
  } catch {
    $('module-answer').textContent = t('moduleMissing');
    return;
  }
  const verdict = await api.check(FRAME_REPORT, { lang });
  $('module-answer').textContent = `crossfoot ${await api.version()}: ${verdict.verdict}, ${verdict.suspects[0]?.message ?? verdict.summary}`;
}

// ---- the language switch ----

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    lang = button.dataset.lang;
    translatePage();
    askFrame();
    runModule();
    if (fromProperty.verdict) $('event-log').textContent = '';
  });
}

translatePage();
runModule();
