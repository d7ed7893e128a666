// Code splitting: pages are lazily loaded wasm modules (src/pages/lazy.rs, xtask/split-wasm.mjs).
// The first load fetches no page module; a page's module is fetched on the first visit only; a
// module that cannot be fetched leaves the app running with a clear reload notice, not a crash.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

let browser;
let sandbox;

before(async () => {
  sandbox = await startSandbox();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** The wasm files the page requested, by file name. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) seen.push(name);
  });
  return seen;
}

test('the first load fetches no page module; a page fetches its own module once, on first visit', async () => {
  const page = await browser.newPage();
  const wasm = wasmRequests(page);
  await signIn(page, sandbox.appUrl);
  await page.locator('[data-testid=app-shell]').waitFor();
  assert.deepEqual(
    wasm.filter((f) => f.startsWith('split_')),
    [],
    `sign-in and the overview need no page module: ${wasm}`,
  );
  assert.ok(wasm.includes('partner-center_bg.wasm'), `${wasm}`);

  await page.locator('[data-testid=nav-customers]').click();
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
  const customers = wasm.filter((f) => f.startsWith('split___customers_view'));
  assert.equal(customers.length, 1, `${wasm}`);
  assert.ok(!wasm.some((f) => f.startsWith('split___orders_view')), 'the orders page is not fetched before it is visited');

  await page.locator('[data-testid=nav-orders]').click();
  await page.waitForURL(/\/sales\/orders/);
  await page.locator('[data-testid=nav-customers]').click();
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
  assert.equal(wasm.filter((f) => f.startsWith('split___customers_view')).length, 1, 'fetched once');
  assert.equal(wasm.filter((f) => f.startsWith('split___orders_view')).length, 1);
  assertNoPageErrors(page);
  await page.close();
});

test('a page module that cannot be fetched (a newer deployment removed it) keeps the app alive and offers a reload', async () => {
  // A copy of the build without the orders page's module, as after a deployment that replaced it.
  const dir = mkdtempSync(join(tmpdir(), 'pc-lazy-'));
  cpSync(DIST, dir, { recursive: true });
  const app = readdirSync(dir).find((f) => f.startsWith('app-'));
  const orders = readdirSync(join(dir, app)).find((f) => f.startsWith('split___orders_view'));
  rmSync(join(dir, app, orders));
  const broken = await startSandbox({ appDir: dir });
  try {
    const page = await browser.newPage();
    await signIn(page, broken.appUrl);
    await page.locator('[data-testid=nav-customers]').click();
    await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();

    await page.locator('[data-testid=nav-orders]').click();
    const notice = page.locator('[data-testid=version-notice]');
    await notice.waitFor({ timeout: 15000 });
    assert.match(await notice.textContent(), /页面的程序未能下载|could not be downloaded/);
    await screenshot(page, 'lazy-module-missing');

    // The app still works: another page opens.
    await page.locator('[data-testid=nav-customers]').click();
    await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
    assert.ok(!page.pageErrors.some((e) => /unreachable|RuntimeError/i.test(e)), `no wasm abort: ${page.pageErrors}`);
    await page.close();
  } finally {
    await broken.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a page's first read is sent while its module downloads, and only once", async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.locator('[data-testid=app-shell]').waitFor();
  // The orders page's module arrives 1.5 s late (a slow network), so a read that waited for
  // the module would start after it.
  const events = [];
  await page.route(/split___orders_view/, async (route) => {
    events.push(['module-asked', Date.now()]);
    await new Promise((r) => setTimeout(r, 1500));
    events.push(['module-sent', Date.now()]);
    await route.continue();
  });
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/v2/orders/customer-orders') events.push(['read', Date.now(), r.url()]);
  });
  await page.locator('[data-testid=nav-orders]').click();
  await page.locator('[data-testid=orders-table] tbody tr[data-testid=row]').first().waitFor();
  const reads = events.filter((e) => e[0] === 'read');
  const sent = events.find((e) => e[0] === 'module-sent');
  assert.ok(sent, `the module was fetched: ${JSON.stringify(events)}`);
  assert.equal(reads.length, 1, `one O1 read, taken by the page: ${JSON.stringify(reads)}`);
  assert.ok(reads[0][1] < sent[1], `the read started before the module arrived: ${JSON.stringify(events)}`);
  assert.match(reads[0][2], /limit=20/);

  // A read sent as a POST (C1's query) is the same read only with the same body: still once.
  let queries = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/v2/partners/sub-customers/opportunities/query' && r.method() === 'POST') queries++;
  });
  await page.locator('[data-testid=nav-customers]').click();
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(queries, 1, 'one C1 query for the customers page');
  assertNoPageErrors(page);
  await page.close();
});
