// Import benchmark: our whitelist import worker (the release app's import page: Rust parser and
// checks in a Web Worker) against PapaParse (CSV) and SheetJS (XLSX) running the same checks in
// JS (validate.js), on the same generated 100,000 rows, in the same headless Chromium run.
// 5 repetitions, medians; then the JS heap and wasm memory after 5 import cycles.
//
//   cd bench/import && npm ci && PC_DIST=/path/to/release/dist node run.mjs
//
// Ours is timed inside the page from the file input's change event until the page shows the
// read summary: worker start, file transfer, parse, checks, chunking and the answer included.
// The JS sides are timed from bytes in memory to the same result on the main thread.
// A benchmark reports; it never fails on the numbers. Written to bench/results/import.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import XLSX from 'xlsx';
import { signIn, startSandbox, startStatic } from '../../tests/e2e/lib/harness.mjs';
import { csv, rows as makeRows } from './data.js';
import { validate } from './validate.js';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(here, '../results/import.json');
const N = Number(process.env.BENCH_ROWS || 100_000);
const REPS = Number(process.env.BENCH_REPS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

const rows = makeRows(N);
const csvBytes = Buffer.from(csv(rows), 'utf8');
const workbook = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'Whitelist');
const xlsxBytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true });
const expected = validate(rows);
const dir = join(tmpdir(), 'pc-import-bench');
mkdirSync(dir, { recursive: true });
const csvPath = join(dir, 'whitelist-100k.csv');
const xlsxPath = join(dir, 'whitelist-100k.xlsx');
writeFileSync(csvPath, csvBytes);
writeFileSync(xlsxPath, xlsxBytes);

const browser = await chromium.launch({
  executablePath: process.env.PC_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const sandbox = await startSandbox({ customers: 800 });
const js = await startStatic(here);
const out = { rows: N, reps: REPS, csv_bytes: csvBytes.length, xlsx_bytes: xlsxBytes.length, expected: { valid: expected.valid, invalid: expected.invalid, blank: expected.blank } };
try {
  // Ours, on the import page of the app (served by the sandbox under its strict CSP).
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  page.pageErrors = [];
  page.consoleErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.consoleErrors.push(m.text()));
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
    window.__heap = () => (window.gc?.(), window.gc?.(), performance.memory.usedJSHeapSize);
  });
  await signIn(page, sandbox.appUrl, { stay: true });
  await page.click('[data-testid=nav-whitelist]');
  await page.click('[data-testid=wl-import]');
  await page.locator('[data-testid=page-whitelist-import]').waitFor();
  const ours = async (path) => {
    await page.evaluate(() => {
      window.__t1 = null;
      document.querySelector('[data-testid=wl-file]').addEventListener('change', () => (window.__t0 = performance.now()), { once: true, capture: true });
      window.__done = new Promise((ok) => {
        const mo = new MutationObserver(() => {
          const s = document.querySelector('[data-testid=wl-read-summary]');
          if (s && window.__t0 !== undefined) { mo.disconnect(); ok({ ms: performance.now() - window.__t0, valid: Number(s.dataset.valid), invalid: Number(s.dataset.invalid), blank: Number(s.dataset.blank) }); }
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    });
    await page.setInputFiles('[data-testid=wl-file]', path);
    return page.evaluate(() => window.__done);
  };
  const baseline = { heap: await page.evaluate(() => window.__heap()), wasm: await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? null) };
  const runs = { csv: [], xlsx: [] };
  for (let i = 0; i < REPS; i++) {
    runs.csv.push(await ours(csvPath));
    runs.xlsx.push(await ours(xlsxPath));
  }
  out.ours = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, { median_ms: round(median(v.map((r) => r.ms))), runs_ms: v.map((r) => round(r.ms)), result: { valid: v[0].valid, invalid: v[0].invalid, blank: v[0].blank } }]));
  // Memory: 5 more import cycles (CSV then XLSX), then the page is left.
  for (let i = 0; i < 5; i++) await ours(i % 2 ? xlsxPath : csvPath);
  await page.click('[data-testid=wl-back]');
  await page.locator('[data-testid=page-whitelist]').waitFor();
  await page.waitForTimeout(500);
  const after = { heap: await page.evaluate(() => window.__heap()), wasm: await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? null) };
  out.memory = {
    js_heap_before_bytes: baseline.heap,
    js_heap_after_5_cycles_bytes: after.heap,
    js_heap_growth_ratio: round((after.heap / baseline.heap) * 1000) / 1000,
    main_wasm_memory_before_bytes: baseline.wasm,
    main_wasm_memory_after_5_cycles_bytes: after.wasm,
    note: 'parsing runs in a worker that is ended after each file, so its wasm memory is released; the main wasm memory never shrinks (linear memory)',
  };

  // PapaParse and SheetJS, same browser, their own page.
  const jp = await (await browser.newContext()).newPage();
  await jp.goto(js.url('js.html'));
  await jp.waitForFunction(() => window.__papa && window.__sheetjs && window.Papa && window.XLSX);
  const jsRuns = { papaparse_csv: [], sheetjs_xlsx: [] };
  for (let i = 0; i < REPS; i++) {
    jsRuns.papaparse_csv.push(await jp.evaluate((b) => window.__papa(new Uint8Array(b)), [...csvBytes]));
    jsRuns.sheetjs_xlsx.push(await jp.evaluate((b) => window.__sheetjs(new Uint8Array(b)), [...xlsxBytes]));
  }
  out.js = Object.fromEntries(Object.entries(jsRuns).map(([k, v]) => [k, { median_ms: round(median(v.map((r) => r.ms))), runs_ms: v.map((r) => round(r.ms)), result: { valid: v[0].valid, invalid: v[0].invalid, blank: v[0].blank } }]));
  out.ratios = {
    csv_papaparse_over_ours: round((out.js.papaparse_csv.median_ms / out.ours.csv.median_ms) * 100) / 100,
    xlsx_sheetjs_over_ours: round((out.js.sheetjs_xlsx.median_ms / out.ours.xlsx.median_ms) * 100) / 100,
    note: '> 1 means ours is faster; the goal is ≥ 2',
  };
  out.same_results = ['csv', 'xlsx'].every((k) => JSON.stringify(out.ours[k].result) === JSON.stringify(out.expected))
    && Object.values(out.js).every((r) => JSON.stringify(r.result) === JSON.stringify(out.expected));
} finally {
  await browser.close();
  await sandbox.stop();
  await js.stop();
}
out.measured_at = new Date().toISOString();
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
