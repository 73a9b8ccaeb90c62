// check.mjs: check briefgen's HTML pages the way a reader's browser
// sees them.  For every page given:
//   - html-validate (html-validate:recommended) reports no errors;
//   - axe-core, run inside Debian's headless Chromium (driven by
//     playwright-core), reports no violations, in the light and the dark
//     colour scheme, at phone (390 px) and desktop (1280 px) width;
//   - the request log shows no request leaving the page: a page that is
//     self-contained makes none at all, a page using an assets folder
//     only reads files below its own folder;
//   - no script runs (the page has none, and any error is reported);
//   - screenshots (phone, desktop, dark, print) are written to OUTDIR.
// Prints one "ok - ..." or "not ok - ..." line per check (tests/lib.sh).
//
// usage: node check.mjs OUTDIR [--assets] PAGE.html...

import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const WIDTHS = [['phone', 390, 844], ['desktop', 1280, 900]];

let failed = 0;
function ok(what) { console.log(`ok - ${what}`); }
function notok(what, detail) {
  failed++;
  console.log(`not ok - ${what}`);
  for (const line of (detail || '').split('\n').slice(0, 30))
    if (line) console.log(`#   ${line}`);
}

async function validate(files) {
  const loader = new FileSystemConfigLoader({ root: true,
    extends: ['html-validate:recommended'] });
  const hv = new HtmlValidate(loader);
  for (const f of files) {
    const report = await hv.validateFile(f);
    const msgs = report.results.flatMap((r) => r.messages)
      .filter((m) => m.severity >= 2);
    if (msgs.length === 0)
      ok(`html-validate: ${basename(f)}`);
    else
      notok(`html-validate: ${basename(f)}: ${msgs.length} errors`,
        msgs.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)
          .join('\n'));
  }
}

// Open one page in a fresh context; return what left and what axe says.
async function visit(browser, file, opts) {
  const url = pathToFileURL(file).href;
  const folder = pathToFileURL(dirname(file)).href + '/';
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    colorScheme: opts.scheme, javaScriptEnabled: true,
    serviceWorkers: 'block', offline: true });
  const page = await context.newPage();
  const leaving = [], errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url)
      return route.continue();
    leaving.push(u);
    // A page with assets may read its own folder; nothing else loads.
    if (opts.assets && u.startsWith(folder))
      return route.continue();
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  if (opts.media)
    await page.emulateMedia({ media: opts.media });
  let violations = [];
  if (opts.axe) {
    await page.evaluate(axeSource);
    const res = await page.evaluate(() => window.axe.run(document,
      { resultTypes: ['violations'] }));
    violations = res.violations;
  }
  if (opts.shot)
    await page.screenshot({ path: opts.shot, fullPage: true });
  await context.close();
  return { leaving, errors, violations };
}

function describe(v) {
  return v.map((x) => `${x.id} (${x.impact}): ${x.help}\n` +
    x.nodes.slice(0, 3).map((n) => `  ${n.target.join(' ')}: ` +
      (n.failureSummary || '').replace(/\n/g, ' ')).join('\n')).join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const outdir = resolve(args.shift());
  let assets = false;
  if (args[0] === '--assets') { assets = true; args.shift(); }
  const files = args.map((f) => resolve(f));
  mkdirSync(outdir, { recursive: true });
  await validate(files);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS });
  try {
    for (const f of files) {
      const name = basename(f, '.html');
      const runs = [];
      for (const [label, width, height] of WIDTHS)
        for (const scheme of ['light', 'dark'])
          runs.push({ label: `${label} ${scheme}`, width, height, scheme,
            axe: true, shot: `${outdir}/${name}-${label}-${scheme}.png` });
      runs.push({ label: 'print', width: 800, height: 1100,
        scheme: 'light', media: 'print', axe: false,
        shot: `${outdir}/${name}-print.png` });
      const left = new Set();
      for (const r of runs) {
        const res = await visit(browser, f, { ...r, assets });
        res.leaving.forEach((u) => left.add(u));
        if (res.errors.length)
          notok(`${name} ${r.label}: no script errors`, res.errors.join('\n'));
        if (!r.axe)
          continue;
        if (res.violations.length === 0)
          ok(`axe: ${name} at ${r.label}`);
        else
          notok(`axe: ${name} at ${r.label}: ${res.violations.length} ` +
            'violations', describe(res.violations));
      }
      const folder = pathToFileURL(dirname(f)).href + '/';
      const bad = [...left].filter((u) => !assets || !u.startsWith(folder));
      if (bad.length === 0)
        ok(`no request leaves ${name} (${left.size} local)`);
      else
        notok(`requests leave ${name}`, bad.join('\n'));
    }
  } finally {
    await browser.close();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { notok('browser checks ran', String(e.stack || e));
  process.exitCode = 1; });
