// #18: on a narrow window the navigation is a drawer the top bar's menu button opens (closed by
// a link, Esc — focus back on the button — or a click beside it); wide windows always show it;
// at phone width the top bar keeps one line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox, toEnglish } from './lib/harness.mjs';

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ customers: 60 });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const nav = '[data-testid=side-nav]';
const toggle = '[data-testid=nav-toggle]';

test('1024 px: the navigation is a drawer; a link, Esc and a click beside it close it', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await signIn(page, sandbox.appUrl);
  assert.equal(await page.locator(nav).isVisible(), false, 'closed at first');
  assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'false');
  // The content has the whole width.
  const content = await page.locator('main.content').boundingBox();
  assert.ok(content.x < 10, `content starts at the left edge: ${content.x}`);

  await page.click(toggle);
  await page.locator(nav).waitFor({ state: 'visible' });
  assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'true');
  await page.waitForTimeout(200); // the slide-in
  await screenshot(page, 'nav-drawer-open-zh-1024');
  await page.click('[data-testid=nav-orders]');
  await page.locator('[data-testid=orders-table]').waitFor({ timeout: 15_000 });
  await page.locator(nav).waitFor({ state: 'hidden' });

  await page.click(toggle);
  await page.locator(nav).waitFor({ state: 'visible' });
  await page.focus('[data-testid=nav-customers]');
  await page.keyboard.press('Escape');
  await page.locator(nav).waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-toggle', 'focus back on the button');

  await page.click(toggle);
  await page.locator(nav).waitFor({ state: 'visible' });
  await page.mouse.click(900, 400);
  await page.locator(nav).waitFor({ state: 'hidden' });
  assertNoPageErrors(page);
  await page.close();
});

test('1366 px: the navigation is always shown and there is no menu button', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await signIn(page, sandbox.appUrl);
  assert.equal(await page.locator(nav).isVisible(), true);
  assert.equal(await page.locator(toggle).isVisible(), false);
  await page.close();
});

test('phone width: the top bar keeps one line and the drawer still opens', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(page, sandbox.appUrl);
  await toEnglish(page);
  const bar = await page.evaluate(() => {
    const b = document.querySelector('.top-bar');
    return { height: b.getBoundingClientRect().height, overflow: b.scrollWidth - b.clientWidth };
  });
  assert.equal(bar.height, 48, 'one line');
  assert.ok(bar.overflow <= 0, `nothing sticks out: ${bar.overflow} px`);
  assert.equal(await page.locator('[data-testid=sign-out]').isVisible(), true);
  await page.click(toggle);
  await page.locator(nav).waitFor({ state: 'visible' });
  await page.waitForTimeout(200);
  await screenshot(page, 'nav-drawer-open-en-390');
  assertNoPageErrors(page);
  await page.close();
});
