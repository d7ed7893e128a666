// Table benchmark: our shared table (the release app's /dev/table page) against AG Grid
// Community (its default client-side row model, bench/table/aggrid.html) on the same generated
// rows, in the same headless Chromium run. 5 repetitions per figure, median reported.
//
//   node bench/table/run.mjs            (after `cargo xtask build --release` and building the sandbox)
//
// Figures (milliseconds, measured inside the page with performance.now() until the DOM shows
// the result): first rows after mounting, sort by a text column, a text filter, scroll to the
// last row — at 10,000 and 100,000 rows — and the JS heap after 5 mount/unmount cycles
// relative to before (after a forced GC). Written to bench/results/table.json.
//
// Fairness: both sides mount rows generated before the timer starts (AG Grid: `prepare` then
// `mount`; ours: `/dev/table?prepared=1`, visited once untimed). `first_rows_generated` is
// ours with the demo page's simulated 100 ms load and the generation inside the timer (the
// earlier figure). AG Grid's column text filter runs with `debounceMs: 0` (its default
// debounce would be timed otherwise); `filter_quick` is its quick filter for comparison.
// AG Grid animates rows by default (the old rows stay in the DOM while they fade), so
// `sort_text_no_animation` / `filter_text_no_animation` repeat those steps with
// `animateRows: false`; the ratios use the default grid.
// A benchmark reports; it never fails on the numbers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { signIn, startSandbox, startStatic } from '../../tests/e2e/lib/harness.mjs';
import { generate } from './data.js';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(here, '../results/table.json');
const SIZES = [10_000, 100_000];
const REPS = Number(process.env.BENCH_REPS || 5);
const FILTER = 'Harbor';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

/** What both grids must show, from the shared data, so each step waits for the same result. */
function expectations(n) {
  const rows = generate(n);
  const byName = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
  const filtered = rows.filter((r) => r.name.toLowerCase().includes(FILTER.toLowerCase()));
  return { firstByName: byName[0].name, firstFiltered: filtered[0].name, lastId: rows[rows.length - 1].id, filteredCount: filtered.length };
}

const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc', '--enable-precise-memory-info'];

// In-page helpers shared by both sides (installed with addInitScript).
const PAGE_HELPERS = () => {
  window.__until = async (pred, timeout = 120000) => {
    const t0 = performance.now();
    while (!pred()) {
      if (performance.now() - t0 > timeout) throw new Error('timed out waiting');
      await new Promise((r) => requestAnimationFrame(r));
    }
  };
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail.wasm;
  });
  window.__heap = () => {
    window.gc?.();
    window.gc?.();
    return performance.memory.usedJSHeapSize;
  };
};

async function ours(browser, sandbox) {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  page.pageErrors = [];
  page.consoleErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(String(e)));
  await page.addInitScript(PAGE_HELPERS);
  await signIn(page, sandbox.appUrl, { stay: true });
  const go = (href) =>
    page.evaluate(async (h) => {
      const a = document.createElement('a');
      a.href = h;
      document.body.append(a);
      const t0 = performance.now();
      a.click();
      a.remove();
      await window.__until(() => document.querySelector('[data-testid=dev-table] [data-testid=row]'));
      return performance.now() - t0;
    }, href);
  const home = () => page.evaluate(() => document.querySelector('[data-testid=nav-home]').click());
  const out = {};
  for (const n of SIZES) {
    const exp = expectations(n);
    const runs = { first_rows: [], first_rows_generated: [], sort_text: [], filter_text: [], scroll_to_last: [] };
    // Untimed: generate and keep the rows (AG Grid's `prepare`).
    await home();
    await page.locator('[data-testid=page-home]').waitFor();
    await go(`/dev/table?rows=${n}&prepared=1`);
    for (let rep = 0; rep < REPS; rep++) {
      await home();
      await page.locator('[data-testid=page-home]').waitFor();
      runs.first_rows_generated.push(await go(`/dev/table?rows=${n}`));
      await home();
      await page.locator('[data-testid=page-home]').waitFor();
      runs.first_rows.push(await go(`/dev/table?rows=${n}&prepared=1`));
      runs.sort_text.push(
        await page.evaluate(async (first) => {
          const t0 = performance.now();
          document.querySelector('[data-testid=sort-name]').click();
          await window.__until(() => document.querySelector('[data-testid=dev-table] [data-testid=row] [data-col=name]')?.textContent.includes(first));
          return performance.now() - t0;
        }, exp.firstByName),
      );
      runs.filter_text.push(
        await page.evaluate(async ({ text, first }) => {
          const input = document.querySelector('[data-testid=filter-keyword]');
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const t0 = performance.now();
          document.querySelector('[data-testid=filter-search]').click();
          await window.__until(() => document.querySelector('[data-testid=dev-table] [data-testid=row] [data-col=name]')?.textContent.includes(first));
          return performance.now() - t0;
        }, { text: FILTER, first: exp.firstFiltered }),
      );
      await page.evaluate(() => document.querySelector('[data-testid=filter-reset]').click());
      await page.waitForTimeout(50);
      runs.scroll_to_last.push(
        await page.evaluate(async (n) => {
          const row = document.querySelector('[data-testid=dev-table] [data-testid=row]');
          let box = row.parentElement;
          while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
          const t0 = performance.now();
          box.scrollTop = box.scrollHeight;
          // The id cells are masked (X6), so the last row is found by its ARIA row index
          // (the header row is 1).
          await window.__until(() => document.querySelector(`[data-testid=dev-table] [data-testid=row][aria-rowindex="${n + 1}"]`));
          return performance.now() - t0;
        }, n),
      );
    }
    out[n] = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, { median_ms: median(v), runs_ms: v.map((x) => Math.round(x * 10) / 10) }]));
    out[n].rows_in_dom = await page.evaluate(() => document.querySelectorAll('[data-testid=dev-table] [data-testid=row]').length);
  }
  // Heap: 5 mount/unmount cycles of the 100,000-row page.
  await home();
  await page.locator('[data-testid=page-home]').waitFor();
  const before = await page.evaluate(() => window.__heap());
  for (let i = 0; i < 5; i++) {
    await go('/dev/table?rows=100000');
    await home();
    await page.locator('[data-testid=page-home]').waitFor();
  }
  const after = await page.evaluate(() => window.__heap());
  out.heap = { before_bytes: before, after_5_cycles_bytes: after, growth_ratio: after / before };
  // Our rows live in wasm linear memory, which is not JS heap and never shrinks: report it too.
  out.wasm_memory_bytes = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? null);
  await page.context().close();
  return out;
}

async function agGrid(browser, site) {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(site.url('aggrid.html'));
  await page.waitForFunction(() => window.bench && window.agGrid);
  const out = {};
  for (const n of SIZES) {
    const exp = expectations(n);
    await page.evaluate((k) => window.bench.prepare(k), n);
    const runs = { first_rows: [], sort_text: [], filter_text: [], filter_quick: [], scroll_to_last: [] };
    for (let rep = 0; rep < REPS; rep++) {
      runs.first_rows.push(await page.evaluate(() => window.bench.mount()));
      runs.sort_text.push(await page.evaluate((f) => window.bench.sortByName(f), exp.firstByName));
      runs.filter_text.push(await page.evaluate(({ t, f }) => window.bench.filterName(t, f), { t: FILTER, f: exp.firstFiltered }));
      await page.evaluate(() => window.bench.clearSortFilter());
      await page.evaluate((f) => window.bench.sortByName(f), exp.firstByName);
      runs.filter_quick.push(await page.evaluate(({ t, f }) => window.bench.quickFilter(t, f), { t: FILTER, f: exp.firstFiltered }));
      await page.evaluate(() => window.bench.clearSortFilter());
      runs.scroll_to_last.push(await page.evaluate((id) => window.bench.scrollToEnd(id), exp.lastId));
      await page.evaluate(() => window.bench.unmount());
    }
    runs.sort_text_no_animation = [];
    runs.filter_text_no_animation = [];
    for (let rep = 0; rep < REPS; rep++) {
      await page.evaluate(() => window.bench.mount({ animateRows: false }));
      runs.sort_text_no_animation.push(await page.evaluate((f) => window.bench.sortByName(f), exp.firstByName));
      runs.filter_text_no_animation.push(await page.evaluate(({ t, f }) => window.bench.filterName(t, f), { t: FILTER, f: exp.firstFiltered }));
      await page.evaluate(() => window.bench.unmount());
    }
    out[n] = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, { median_ms: median(v), runs_ms: v.map((x) => Math.round(x * 10) / 10) }]));
  }
  await page.evaluate(() => window.bench.prepare(100000));
  const before = await page.evaluate(() => window.__heap());
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => window.bench.mount());
    await page.evaluate(() => window.bench.unmount());
  }
  const after = await page.evaluate(() => window.__heap());
  out.heap = { before_bytes: before, after_5_cycles_bytes: after, growth_ratio: after / before };
  await page.context().close();
  return out;
}

// The developer table page is switched on (config.json `dev_pages`).
const sandbox = await startSandbox({ customers: 200, extraArgs: ['--app-config', 'dev_pages=true'] });
const site = await startStatic(here);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: browserArgs });
try {
  // The machine's load (other builds share it) explains noisy runs.
  const result = { measured_at: new Date().toISOString(), repetitions: REPS, filter: FILTER, cpus: cpus().length, load_average_at_start: loadavg(), ours: await ours(browser, sandbox), ag_grid: await agGrid(browser, site) };
  result.load_average_at_end = loadavg();
  result.ratios = {};
  for (const n of SIZES) {
    result.ratios[n] = Object.fromEntries(
      ['first_rows', 'sort_text', 'filter_text', 'scroll_to_last'].map((k) => [`ag_grid_over_ours_${k}`, +(result.ag_grid[n][k].median_ms / result.ours[n][k].median_ms).toFixed(2)]),
    );
    const r = (a, o) => +(result.ag_grid[n][a].median_ms / result.ours[n][o].median_ms).toFixed(2);
    result.ratios[n].ag_grid_quick_filter_over_ours_filter_text = r('filter_quick', 'filter_text');
    result.ratios[n].ag_grid_no_animation_over_ours_sort_text = r('sort_text_no_animation', 'sort_text');
    result.ratios[n].ag_grid_no_animation_over_ours_filter_text = r('filter_text_no_animation', 'filter_text');
  }
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result.ratios, null, 2));
  console.log(`heap growth after 5 cycles: ours ${result.ours.heap.growth_ratio.toFixed(3)}, AG Grid ${result.ag_grid.heap.growth_ratio.toFixed(3)}`);
  console.log(`written to ${RESULTS}`);
} finally {
  await browser.close();
  await site.stop();
  await sandbox.stop();
}
