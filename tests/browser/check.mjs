// Opens styrelserapport-YYYY.html in Debian's Chromium (never a downloaded
// browser) through playwright-core and checks it as a reader would meet it.
//
//   check.mjs axe PAGE                 axe-core, WCAG 2.0/2.1 A and AA: 0 violations
//   check.mjs reflow PAGE              at 320 px no horizontal scroll
//   check.mjs figures PAGE CSV YEAR    every figure of the CSV export for YEAR is in the page's text
//   check.mjs hostile PAGE TEXT...     each TEXT shown as text; no script ran, no element came of it
//   check.mjs shot PAGE WIDTH PNG [SEL] a screenshot of the window at SEL (for looking, not a test)
//
// Prints one line per check and "N passed, N failed".
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const [mode, pagePath, ...rest] = process.argv.slice(2);
let passed = 0, failed = 0;

function check(ok, what) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'uppfolj-chromium-'));
  // A fresh profile each run (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  return { browser, profile };
}

// Every request the page makes other than for itself is an outside resource.
async function open(browser, width, outside) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 800 });
  const self = pathToFileURL(pagePath).href;
  page.on('request', (r) => { if (r.url() !== self) outside.push(r.url()); });
  page.on('dialog', (d) => { outside.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(self, { waitUntil: 'load' });
  return page;
}

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  for (const v of result)
    console.log(`  ${v.id}: ${v.help} (${v.nodes.join(', ')})`);
  check(result.length === 0, `axe-core WCAG 2.0/2.1 A+AA: ${result.length} violations`);
}

async function reflow(page) {
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.tw')).slice(0, 5).map((e) => e.tagName + '.' + e.className),
  }));
  check(m.scroll <= m.client, `320 px: page ${m.scroll} px wide in a ${m.client} px window ${m.wide.join(' ')}`);
}

// The page formats as uppfolj does for people in Swedish: digits grouped by
// no-break spaces, decimal comma, minus U+2212. The CSV export has no
// grouping and a plain '-'.
function swedish(csvNumber) {
  let [whole, frac] = csvNumber.replace('-', '').split(',');
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return (csvNumber.startsWith('-') ? '\u2212' : '') + whole + (frac ? ',' + frac : '');
}

async function figures(page, csvPath, year) {
  const text = (await page.evaluate(() => document.body.innerText)).replace(/[\s\u00a0\u202f]+/g, ' ');
  const lines = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  const head = lines[0].split(';');
  const col = (n) => head.indexOf(n);
  let seen = 0, missing = [];
  for (const line of lines.slice(1)) {
    const f = line.split(';');
    if (f[col('år')] !== year) continue;
    for (const name of ['värde', 'målvärde', 'föregående']) {
      const v = f[col(name)];
      if (v === undefined || v === '') continue;
      seen++;
      if (!text.includes(swedish(v))) missing.push(`${f.slice(0, 4).join(';')} ${name}=${v}`);
    }
  }
  for (const m of missing.slice(0, 10)) console.log(`  missing: ${m}`);
  check(seen > 0 && missing.length === 0, `${seen} figures of the CSV export for ${year} in the page's text, ${missing.length} missing`);
}

async function hostile(page, texts, outside) {
  const text = await page.evaluate(() => document.body.innerText);
  for (const t of texts) check(text.includes(t), `shown as text: ${JSON.stringify(t)}`);
  const found = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    pwned: typeof window.uppfoljPwned !== 'undefined',
    injected: document.querySelectorAll('img, iframe, object, embed, b.injected').length,
  }));
  check(found.scripts === 0 && found.handlers === 0 && !found.pwned && found.injected === 0,
    `no script, handler or element came from the text (${JSON.stringify(found)})`);
  check(outside.length === 0, `no request or dialog: ${outside.join(' ')}`);
}

const { browser, profile } = await launch();
try {
  const outside = [];
  if (mode === 'axe') {
    // A control: axe must find the faults of a page known to be bad, or a
    // clean result would prove nothing.
    const bad = await browser.newPage();
    await bad.setContent('<html><body><p style="color:#bbb">x</p><input type="text"><table><tr><td>a</td></tr></table></body></html>');
    await bad.addScriptTag({ content: axeSource });
    const faults = await bad.evaluate(async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations.map((v) => v.id));
    check(faults.includes('html-has-lang') && faults.includes('document-title') && faults.includes('label'),
      `control: axe finds the faults of a bad page (${faults.join(', ')})`);
    await axe(await open(browser, 1280, outside));
    check(outside.length === 0, `no outside resources: ${outside.join(' ')}`);
  } else if (mode === 'reflow') {
    // A control: a page 600 px wide must be caught.
    const wide = await browser.newPage();
    await wide.setViewportSize({ width: 320, height: 800 });
    await wide.setContent('<!DOCTYPE html><html><body><div style="width:600px">x</div></body></html>');
    const w = await wide.evaluate(() => document.documentElement.scrollWidth);
    check(w > 320, `control: a 600 px page scrolls sideways at 320 px (${w} px)`);
    await reflow(await open(browser, 320, outside));
  } else if (mode === 'figures') {
    await figures(await open(browser, 1280, outside), rest[0], rest[1]);
  } else if (mode === 'hostile') {
    await hostile(await open(browser, 1280, outside), rest, outside);
  } else if (mode === 'shot') {
    // shot PAGE WIDTH PNG [SELECTOR]: the window scrolled to SELECTOR.
    const page = await open(browser, Number(rest[0]), outside);
    if (rest[2]) await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), rest[2]);
    await page.screenshot({ path: rest[1] });
    check(true, `screenshot ${rest[1]}`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
