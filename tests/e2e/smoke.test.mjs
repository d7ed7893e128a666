// Smoke test: the sandbox serves the release build, the app boots to its sign-in form, deep
// links fall back to the app, unknown paths at any depth show its Not Found page, and a page the
// partner type may not open shows the registry's not-available state.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('the app boots to the sign-in form', async () => {
  const page = await browser.newPage();
  const res = await page.goto(sandbox.appUrl);
  assert.equal(res.status(), 200);
  await page.locator('[data-testid=signin-form]').waitFor({ timeout: 15_000 });
  await screenshot(page, 'smoke-signin');
  assertNoPageErrors(page);
  const csp = page.consoleErrors.filter((e) => /Content Security Policy/i.test(e));
  assert.deepEqual(csp, [], 'no CSP violations');
});

test('an unknown deep path still serves the app', async () => {
  const page = await browser.newPage();
  const res = await page.goto(new URL('/sales/customers?page=2', sandbox.appUrl).href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /text\/html/);
  await page.locator('[data-testid=signin-form]').waitFor({ timeout: 15_000 });
  await screenshot(page, 'smoke-deep-link');
  assertNoPageErrors(page);
});

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

test('unknown paths at any depth show the Not Found page, in both languages', async () => {
  // A directory the build wrote no loader copy into: the host's SPA fallback must answer with a
  // loader reference that resolves from the base (crates/sandbox/src/static_app.rs).
  const deep = await fetch(new URL('/sales/nope/deeper/x', sandbox.appUrl)).then((r) => r.text());
  assert.doesNotMatch(deep, /src="\.\/boot-/, 'deep paths get a base-absolute loader reference');
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { stay: true });
  for (const path of ['/nope', '/sales/nope', '/sales/nope/deeper/x', '/sales/customers/42/more/parts']) {
    await page.goto(new URL(path, sandbox.appUrl).href);
    await page.locator('[data-testid=not-found]').waitFor({ timeout: 15_000 });
    assert.ok(await page.locator('[data-testid=app-shell]').isVisible(), `${path}: inside the signed-in frame`);
  }
  assert.match(await page.textContent('[data-testid=not-found]'), /不存在/);
  await screenshot(page, 'not-found-deep-zh-CN');
  await toEnglish(page);
  assert.match(await page.textContent('[data-testid=not-found]'), /does not exist/);
  await screenshot(page, 'not-found-deep-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a page the partner type may not open: hidden in the navigation, a clear state at its URL', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'huitong_services' });
  await page.locator('[data-testid=nav-customers]').waitFor();
  assert.equal(await page.locator('[data-testid=nav-whitelist]').isVisible(), false);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/sales/whitelist';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  await page.locator('[data-testid=not-available] [data-testid=wl-not-available]').waitFor();
  assert.equal(await page.locator('[data-testid=page-whitelist]').count(), 0, 'the page itself is not built');
  assert.match(await page.textContent('[data-testid=not-available]'), /服务伙伴/);
  await screenshot(page, 'not-available-zh-CN');
  await toEnglish(page);
  assert.match(await page.textContent('[data-testid=not-available]'), /service partners have none/);
  await screenshot(page, 'not-available-en');
  assertNoPageErrors(page);
  await page.context().close();
});
