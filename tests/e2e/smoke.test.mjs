// Smoke test: the sandbox serves the release build, the app boots to its sign-in form, and deep
// links fall back to the app.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, startSandbox } from './lib/harness.mjs';

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
