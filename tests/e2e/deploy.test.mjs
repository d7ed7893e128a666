// Static hosting: the release dist/ served unchanged under a sub-path by a plain static host with
// an index.html fallback and the strict Content-Security-Policy; deep links and reloads work.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const BASE = '/partner-center/';
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

/** Console messages that report a blocked resource or a CSP violation. */
function cspViolations(page) {
  return page.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e));
}

test('served under a sub-path with a strict CSP: sign in, load customers, reload deep links', async () => {
  assert.ok(sandbox.appUrl.endsWith(BASE), sandbox.appUrl);
  const page = await browser.newPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  const res = await page.goto(sandbox.appUrl);
  const csp = res.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /style-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(res.headers()['cache-control'], 'no-cache');

  await signIn(page, sandbox.appUrl, { stay: true });
  const nav = page.locator('[data-testid=nav-customers]');
  assert.equal(await nav.getAttribute('href'), `${BASE}sales/customers`);
  await nav.click();
  await page.waitForURL((u) => u.pathname === `${BASE}sales/customers`);
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();

  // A deep link with filters, reloaded: the loader copy in the route directory finds the base.
  await page.goto(new URL(`${BASE}sales/customers?stage=WON&page=2`, sandbox.appUrl).href);
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
  assert.match(await page.textContent('[data-testid=page-current]'), /^2 \//);

  // A parameterised deep link (customer detail), reloaded.
  const href = await page.getAttribute('[data-testid=customer-link]', 'href');
  assert.ok(href.startsWith(`${BASE}sales/customers/`), href);
  await page.goto(new URL(href, sandbox.appUrl).href);
  await page.locator('[data-testid=opportunities-table]').waitFor();
  await page.click('[data-testid=back-to-list]');
  await page.waitForURL((u) => u.pathname === `${BASE}sales/customers` && u.search.includes('stage=WON'));
  await screenshot(page, 'deploy-subpath-customers');

  assert.deepEqual(violations, [], 'no CSP violation events');
  assert.deepEqual(cspViolations(page), [], 'no CSP errors in the console');
  assertNoPageErrors(page);
});

test('hashed assets are immutable; entry points are revalidated; nothing outside the sub-path', async () => {
  const index = await fetch(sandbox.appUrl).then((r) => r.text());
  const boot = index.match(/src="\.\/(boot-[0-9a-f]+\.js)"/);
  assert.ok(boot, 'index.html loads a hashed loader through a relative URL');
  assert.doesNotMatch(index, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
  const asset = await fetch(new URL(boot[1], sandbox.appUrl));
  assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const deepCopy = await fetch(new URL(`sales/customers/${boot[1]}`, sandbox.appUrl));
  assert.equal(deepCopy.status, 200);
  assert.match(await deepCopy.text(), /new URL\('\.\.\/\.\.\/', import\.meta\.url\)/);
  for (const entry of ['config.json', 'version.json']) {
    const r = await fetch(new URL(entry, sandbox.appUrl));
    assert.equal(r.status, 200, entry);
    assert.equal(r.headers.get('cache-control'), 'no-cache', entry);
  }
  const outside = await fetch(new URL('/', sandbox.appUrl));
  assert.equal(outside.status, 404);
});
