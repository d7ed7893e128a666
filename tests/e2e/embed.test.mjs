// Embedding into a portal on another origin (tests/e2e/host/portal.html): token handoff by
// postMessage, height and route messages, a wrong origin ignored, session expiry reported to the
// portal and resumed with a new token; and the new-version notice after a redeploy.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { DIST, apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox, startStatic } from './lib/harness.mjs';

const HOST_DIR = join(dirname(fileURLToPath(import.meta.url)), 'host');
let portal;
let intruder;
let sandbox;
let browser;

before(async () => {
  portal = await startStatic(HOST_DIR);
  intruder = await startStatic(HOST_DIR);
  sandbox = await startSandbox({ extraArgs: ['--frame-ancestor', portal.origin] });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
  await portal?.stop();
  await intruder?.stop();
});

const token = () => apiSignIn(sandbox.apiUrl);

/** Waits for the portal to have received a message of `type` (and matching `pred`). */
async function portalGot(page, type, pred = '() => true') {
  const handle = await page.waitForFunction(
    ([t, p]) => window.portalMessages.find((m) => m.type === t && new Function(`return (${p})`)()(m)),
    [type, pred],
  );
  return handle.jsonValue();
}

test('a portal on another origin embeds the app and hands over the token', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  const appConsole = [];
  page.on('console', (m) => appConsole.push(m.text()));
  await page.goto(`${portal.url('portal.html')}?app=${encodeURIComponent(sandbox.appUrl)}`);
  await portalGot(page, 'pc:ready');
  const app = page.frameLocator('#app');
  await app.locator('[data-testid=embed-waiting]').waitFor();

  // A page on a foreign origin posts a forged token: ignored, and logged without its content.
  await page.evaluate((url) => window.portal.showIntruder(url), intruder.url('intruder.html'));
  await page.frameLocator('#intruder').locator('body[data-sent=yes]').waitFor({ state: 'attached' });
  await app.locator('[data-testid=embed-waiting]').waitFor();
  assert.ok(
    appConsole.some((t) => t.includes(`ignored a message from ${intruder.origin}`)),
    `the app logs the foreign origin: ${appConsole.join(' | ')}`,
  );
  assert.ok(!appConsole.some((t) => t.includes('forged-token')), 'the foreign message content is not logged');

  // The real token from the portal.
  const t = await token();
  await page.evaluate(({ token, expires }) => window.portal.sendToken(token, expires, { locale: 'en' }), t);
  await app.locator('[data-testid=app-shell]').waitFor();
  assert.equal(await app.locator('.top-bar').count(), 0, 'no own top bar when embedded');
  assert.equal(await app.locator('.side-nav').count(), 0, 'no own navigation when embedded');

  // The portal drives navigation; the app reports its route and height.
  await page.evaluate(() => window.portal.navigate('/sales/customers?stage=WON'));
  await app.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
  await portalGot(page, 'pc:route', "(m) => m.path === '/sales/customers?stage=WON'");
  const height = await page.waitForFunction(() => {
    const last = window.portalMessages.filter((m) => m.type === 'pc:height').at(-1);
    return last && last.height > 600 && document.getElementById('app').style.height === `${last.height}px` && last.height;
  });
  assert.ok((await height.jsonValue()) > 600, 'the iframe was sized to the content');
  assert.equal(await app.locator('h1').textContent(), 'Customers & opportunities', 'the portal chose the locale');
  await screenshot(page, 'embed-portal-customers');

  // Token expiry: the app tells the portal instead of asking for a password, then resumes.
  await sandbox.expireTokens();
  await app.locator('[data-testid=page-next]').click();
  await portalGot(page, 'pc:session-expired');
  assert.equal(await app.locator('[data-testid=reauth-dialog]').count(), 0, 'no sign-in dialog inside the portal');
  const renewed = await token();
  await page.evaluate(({ token, expires }) => window.portal.sendToken(token, expires), renewed);
  await portalGot(page, 'pc:route', "(m) => m.path.includes('page=2')");
  await app.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor();
  assert.match(await app.locator('[data-testid=page-current]').textContent(), /^2 \//);
  assert.equal(await app.locator('[data-testid=error-notice]').count(), 0);
  assertNoPageErrors(page);
});

test('an open app offers a reload when a new version is deployed, keeping the page', async () => {
  // A deployment of our own, so it can be "redeployed" under the open page.
  const dir = mkdtempSync(join(tmpdir(), 'pc-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const site = await startSandbox({ appDir: dir });
  try {
    const page = await browser.newPage();
    await signIn(page, site.appUrl);
    await page.click('[data-testid=nav-customers]');
    await page.fill('[data-testid=filter-keyword]', 'half-typed');
    const notice = page.locator('[data-testid=version-notice]');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await page.waitForTimeout(500);
    assert.equal(await notice.count(), 0, 'no notice while the version is unchanged');

    writeFileSync(join(dir, 'version.json'), JSON.stringify({ build: 'redeployed-build' }));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await notice.waitFor();
    assert.equal(await page.inputValue('[data-testid=filter-keyword]'), 'half-typed', 'nothing reloaded by itself');
    await screenshot(page, 'version-notice-zh');
    assertNoPageErrors(page);
  } finally {
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
