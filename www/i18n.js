// Every string of the page's own, in English and Chinese. The verdict's messages come from the
// module already in the chosen language; these are the words around them.

const STRINGS = {
  en: {
    title: 'crossfoot: do the figures of a report agree?',
    tagline: 'Checks that the figures of a published report add up, with exact, rounding-aware arithmetic. Your file never leaves this computer.',
    openFile: 'Open file…',
    dropHint: 'or drop report files anywhere on this page, or paste JSON',
    dropHere: 'Drop the report files to check them',
    pasteLabel: 'Paste a report (JSON)',
    pastePlaceholder: '{"crossfoot": 1, "report": {"title": "…"}, "sections": […]}',
    checkPasted: 'Check pasted text',
    pastedName: 'pasted text',
    language: 'Language',
    saveVerdict: 'Save verdict (JSON)',
    saveAll: 'Save all verdicts (JSON)',
    print: 'Print',
    loading: 'Loading the checker…',
    reading: 'Reading {name}…',
    checking: 'Checking {name}…',
    checkingMany: 'Checked {done} of {total} files',
    files: 'Files',
    fileCount: '{n} files: {consistent} consistent, {inconsistent} inconsistent, {invalid} invalid',
    pending: 'waiting',
    failed: 'error',
    verdict_consistent: 'Consistent',
    verdict_inconsistent: 'Inconsistent',
    verdict_invalid: 'Invalid',
    count_facts: '{n} facts',
    count_checks: '{n} checks',
    count_passed: '{n} pass',
    count_failed: '{n} fail',
    count_checkErrors: '{n} cannot be evaluated',
    count_errors: '{n} structure errors',
    count_warnings: '{n} warnings',
    count_warnings_one: '1 warning',
    count_errors_one: '1 structure error',
    count_facts_one: '1 fact',
    count_checks_one: '1 check',
    passingChecks_one: '1 passing check',
    report_issuer: 'Issuer',
    report_period: 'Period',
    report_published: 'Published',
    report_language: 'Language',
    report_source: 'Source',
    file: 'File',
    failingChecks: 'Failing checks',
    checkErrors: 'Checks that cannot be evaluated',
    suspects: 'Most likely wrong',
    findings: 'Structure findings',
    passingChecks: '{n} passing checks',
    facts: 'Facts',
    col_id: 'Id',
    col_label: 'Label',
    col_value: 'Value',
    col_unit: 'Unit',
    col_range: 'Stands for',
    col_quote: 'Quote',
    expect: 'Check',
    offBy: 'off by {n}',
    section: 'Section',
    at: 'line {line}, column {column}',
    pointer: 'at {pointer}',
    severity_error: 'error',
    severity_warning: 'warning',
    severity_info: 'note',
    status_pass: 'pass',
    status_fail: 'fail',
    status_error: 'error',
    noFacts: 'No facts.',
    trap: 'The checker stopped unexpectedly on {name} and was restarted; other files are not affected. ({message})',
    workerFailed: 'The checker could not start: {message}',
    readFailed: 'Could not read {name}: {message}',
    version: 'crossfoot {version}, running in this browser: no file is sent anywhere.',
    skip: 'Skip to the verdict',
  },
  zh: {
    title: 'crossfoot:报告中的数字是否一致?',
    tagline: '用精确、考虑四舍五入的算术核对公开报告中的数字是否相符。文件只在本机处理,不会上传。',
    openFile: '打开文件…',
    dropHint: '或将报告文件拖放到本页任意位置,或粘贴 JSON',
    dropHere: '松开即可核对这些报告文件',
    pasteLabel: '粘贴报告(JSON)',
    pastePlaceholder: '{"crossfoot": 1, "report": {"title": "…"}, "sections": […]}',
    checkPasted: '核对粘贴的文本',
    pastedName: '粘贴的文本',
    language: '语言',
    saveVerdict: '保存结论(JSON)',
    saveAll: '保存全部结论(JSON)',
    print: '打印',
    loading: '正在加载核对程序…',
    reading: '正在读取 {name}…',
    checking: '正在核对 {name}…',
    checkingMany: '已核对 {done} / {total} 个文件',
    files: '文件',
    fileCount: '{n} 个文件:{consistent} 个一致,{inconsistent} 个不一致,{invalid} 个无效',
    pending: '等待中',
    failed: '出错',
    verdict_consistent: '一致',
    verdict_inconsistent: '不一致',
    verdict_invalid: '无效',
    count_facts: '{n} 个数据',
    count_checks: '{n} 项校验',
    count_passed: '{n} 项成立',
    count_failed: '{n} 项不成立',
    count_checkErrors: '{n} 项无法计算',
    count_errors: '{n} 个结构错误',
    count_warnings: '{n} 个警告',
    report_issuer: '发布机关',
    report_period: '期间',
    report_published: '发布日期',
    report_language: '语言',
    report_source: '来源',
    file: '文件',
    failingChecks: '不成立的校验',
    checkErrors: '无法计算的校验',
    suspects: '最可能有误的数字',
    findings: '结构问题',
    passingChecks: '{n} 项成立的校验',
    facts: '数据',
    col_id: '标识',
    col_label: '名称',
    col_value: '数值',
    col_unit: '单位',
    col_range: '代表的范围',
    col_quote: '原文',
    expect: '校验式',
    offBy: '相差 {n}',
    section: '章节',
    at: '第 {line} 行第 {column} 列',
    pointer: '位置 {pointer}',
    severity_error: '错误',
    severity_warning: '警告',
    severity_info: '提示',
    status_pass: '成立',
    status_fail: '不成立',
    status_error: '出错',
    noFacts: '没有数据。',
    trap: '核对 {name} 时程序意外停止,已重新启动;其他文件不受影响。({message})',
    workerFailed: '核对程序无法启动:{message}',
    readFailed: '无法读取 {name}:{message}',
    version: 'crossfoot {version},在本浏览器中运行:文件不会发送到任何地方。',
    skip: '跳到结论',
  },
};

export const LANGS = ['en', 'zh'];
const STORAGE_KEY = 'crossfoot.lang';

/** The language remembered from the switch, else the browser's, else English. */
export function initialLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage may be refused (file://, privacy modes): fall through */ }
  const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const tag of tags) {
    const primary = String(tag).toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(primary)) return primary;
  }
  return 'en';
}

export function rememberLang(lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* not fatal */ }
}

/** A translator for one language: t('key', {name: 'x'}) fills {name}. */
export function translator(lang) {
  const table = STRINGS[lang] || STRINGS.en;
  return (key, vars) => {
    const plural = vars && vars.n === 1 && `${key}_one` in table ? `${key}_one` : key;
    const text = table[plural] ?? STRINGS.en[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  };
}

export function stringKeys(lang) {
  return Object.keys(STRINGS[lang] || {});
}
