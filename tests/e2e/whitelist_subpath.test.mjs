// The whitelist import worker deployed under a sub-path behind the strict CSP: a deep link to the
// import page (reloaded), a CSV and an XLSX read in the worker, whose hashed files come from the
// deployment base, and no CSP violation (the worker is a same-origin classic script + wasm).
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const BASE = '/partner-center/';
const FIXTURES = new URL('../../crates/api/tests/fixtures/whitelist/', import.meta.url).pathname;
let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ extraArgs: ['--app-base', BASE] });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('under a sub-path with the strict CSP, the import worker loads from the base and reads CSV and XLSX', async () => {
  const page = await browser.newPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const workerUrls = [];
  page.on('worker', (w) => workerUrls.push(w.url()));
  await signIn(page, sandbox.appUrl, { stay: true });
  // A deep link to the import page, reloaded: served by the index.html fallback.
  await page.goto(`${sandbox.appUrl}sales/whitelist/import`);
  await page.locator('[data-testid=page-whitelist-import]').waitFor({ timeout: 15_000 });
  const dir = mkdtempSync(join(tmpdir(), 'pc-wl-sub-'));
  const csv = join(dir, 'sub.csv');
  writeFileSync(csv, '\ufeffCustomer ID,Remark\r\n5f0e1c2d3b4a59687766554433221100,a\r\na1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6,\r\n');
  await page.setInputFiles('[data-testid=wl-file]', csv);
  await page.locator('[data-testid=wl-read-summary][data-valid="2"]').waitFor({ timeout: 15_000 });
  await page.setInputFiles('[data-testid=wl-file]', join(FIXTURES, 'instructions-first.xlsx'));
  await page.locator('[data-testid=wl-read-summary][data-valid="2"]').waitFor({ timeout: 15_000 });
  assert.ok(workerUrls.length >= 2, 'one worker per file');
  for (const u of workerUrls) assert.match(new URL(u).pathname, /^\/partner-center\/whitelist-worker-[0-9a-f]{16}_loader\.js$/);
  const res = await page.request.get(workerUrls[0]);
  assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(res.headers()['cache-control'], /immutable/, 'hashed, so cacheable for good');
  assert.deepEqual(violations, []);
  await screenshot(page, 'whitelist-import-subpath-zh-CN');
  assertNoPageErrors(page);
  await page.context().close();
});
