// Issue 18 (part): the browser's title per page in the person's language; an English browser
// opens in English on the first visit (a stored choice still wins); the pager's first/last
// buttons and page-number field; CSV amounts as numbers with a currency column; English
// wording (singular counts, empty pager, 已失效); a network failure worded in the person's
// language with a retry; the X4 banner's link to the international site; the developer table
// page kept out of a release build unless config.json enables it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ customers: 600 });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

async function toChinese(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'zh-CN') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
}

/** An in-app navigation (the router handles the click, so an in-memory session survives). */
async function go(page, href) {
  await page.evaluate((h) => {
    const a = document.createElement('a');
    a.href = h;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, href);
}

const titleIs = (page, title) => page.waitForFunction((t) => document.title === t, title, { timeout: 10_000 });

async function openCustomers(page) {
  await page.click('[data-testid=nav-customers]');
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
}

/** "3 / 30" → [3, 30]. */
async function pageOf(page) {
  const m = (await page.textContent('[data-testid=page-current]')).match(/^(\d+) \/ ([\d,]+)$/);
  assert.ok(m, 'page-current reads "n / pages"');
  return [Number(m[1]), Number(m[2].replace(/,/g, ''))];
}

async function waitPage(page, n) {
  await page.waitForFunction((n) => document.querySelector('[data-testid=page-current]')?.textContent.startsWith(`${n} /`), n);
}

test('document.title names the page in the person language, on navigation and on a language switch', async () => {
  const page = await browser.newPage();
  await page.goto(sandbox.appUrl);
  await page.locator('[data-testid=signin-form]').waitFor({ timeout: 15_000 });
  await titleIs(page, '登录 · 伙伴中心');
  await signIn(page, sandbox.appUrl);
  await titleIs(page, '概览 · 伙伴中心');
  await openCustomers(page);
  await titleIs(page, '客户与商机 · 伙伴中心');
  await toEnglish(page);
  await titleIs(page, 'Customers & opportunities · Partner Center');
  await page.click('[data-testid=nav-orders]');
  await titleIs(page, 'Customer orders · Partner Center');
  // A page outside the navigation has its registry name too.
  await go(page, '/sales/quotas/records');
  await titleIs(page, 'Operation records · Partner Center');
  await go(page, '/sales/no-such-page');
  await page.locator('[data-testid=not-found]').waitFor();
  await titleIs(page, 'Page not found · Partner Center');
  await toChinese(page);
  await titleIs(page, '页面不存在 · 伙伴中心');
  assertNoPageErrors(page);
});

test('an English browser opens in English on the first visit; a stored choice wins over it', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  assert.deepEqual(await page.evaluate(() => navigator.languages.slice(0, 1)), ['en-US']);
  await page.goto(sandbox.appUrl);
  await page.locator('[data-testid=signin-form]').waitFor({ timeout: 15_000 });
  // config.json says zh-CN; the person has not chosen, so the browser's language wins.
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('.signin-card h1'), 'Sign in to Partner Center');
  await screenshot(page, 'ux18b-first-visit-en');
  // Choosing Chinese is remembered over the browser's language.
  await signIn(page, sandbox.appUrl);
  await toChinese(page);
  await page.reload();
  await page.locator('[data-testid=signin-form], [data-testid=app-shell]').first().waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');

  const zh = await browser.newPage({ locale: 'zh-CN' });
  await zh.goto(sandbox.appUrl);
  await zh.locator('[data-testid=signin-form]').waitFor({ timeout: 15_000 });
  assert.equal(await zh.getAttribute('html', 'lang'), 'zh-CN');
  assertNoPageErrors(page);
  assertNoPageErrors(zh);
});

test('the pager: first and last, a page number (Enter or leaving the field), out-of-range numbers clamp; labelled in both languages', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, sandbox.appUrl);
  await openCustomers(page);
  const [, pages] = await pageOf(page);
  assert.ok(pages > 3, `${pages} pages`);
  assert.ok(await page.isDisabled('[data-testid=page-first]'));
  assert.equal(await page.getAttribute('[data-testid=page-first]', 'aria-label'), '第一页');
  assert.equal(await page.getAttribute('[data-testid=page-last]', 'aria-label'), '最后一页');
  assert.equal(await page.getAttribute('[data-testid=page-input]', 'aria-label'), `页码(共 ${pages} 页)`);

  await page.click('[data-testid=page-last]');
  await waitPage(page, pages);
  await page.waitForURL(new RegExp(`[?&]page=${pages}\\b`));
  assert.ok(await page.isDisabled('[data-testid=page-last]'));
  assert.ok(await page.isDisabled('[data-testid=page-next]'));
  assert.equal(await page.inputValue('[data-testid=page-input]'), String(pages));
  await page.click('[data-testid=page-first]');
  await waitPage(page, 1);

  // Enter goes to the typed page.
  await page.fill('[data-testid=page-input]', '3');
  await page.press('[data-testid=page-input]', 'Enter');
  await waitPage(page, 3);
  await page.waitForURL(/[?&]page=3\b/);
  // Leaving the field goes there too; too large clamps to the last page.
  await page.fill('[data-testid=page-input]', '9999');
  await page.press('[data-testid=page-input]', 'Tab');
  await waitPage(page, pages);
  assert.equal(await page.inputValue('[data-testid=page-input]'), String(pages));
  // Zero or negative clamps to the first; text that is no number puts the current page back.
  await page.fill('[data-testid=page-input]', '0');
  await page.press('[data-testid=page-input]', 'Enter');
  await waitPage(page, 1);
  await page.fill('[data-testid=page-input]', 'abc');
  await page.press('[data-testid=page-input]', 'Enter');
  assert.equal(await page.inputValue('[data-testid=page-input]'), '1');
  assert.equal((await pageOf(page))[0], 1);
  await screenshot(page, 'ux18b-pager-zh');

  await toEnglish(page);
  assert.equal(await page.getAttribute('[data-testid=page-first]', 'aria-label'), 'First page');
  assert.equal(await page.getAttribute('[data-testid=page-last]', 'aria-label'), 'Last page');
  assert.equal(await page.getAttribute('[data-testid=page-input]', 'aria-label'), `Page number (of ${pages})`);
  await screenshot(page, 'ux18b-pager-en');
  assertNoPageErrors(page);
});

/** Minimal RFC 4180 reader (quotes, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(f), (f = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(f), rows.push(row), (row = []), (f = ''), i++;
    else f += c;
  }
  return rows;
}

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  return parseCsv(readFileSync(await download.path(), 'utf8').slice(1));
}

test('CSV: amounts are plain numbers with a currency column, in both languages', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-quotas]');
  await page.locator('[data-testid=issued-quotas-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  const zh = await exportCsv(page);
  const i = zh[0].indexOf('剩余额度');
  assert.ok(i >= 0, zh[0].join());
  assert.equal(zh[0][i + 1], '剩余额度(币种)');
  const body = zh.slice(1);
  assert.ok(body.length > 0);
  for (const r of body) {
    assert.match(r[i], /^-?\d+\.\d{2}$/, `a plain number: ${r[i]}`);
    assert.equal(r[i + 1], 'CNY');
  }
  await toEnglish(page);
  const en = await exportCsv(page);
  const j = en[0].indexOf('Remaining');
  assert.ok(j >= 0, en[0].join());
  assert.equal(en[0][j + 1], 'Remaining (currency)');
  assert.deepEqual(en.slice(1).map((r) => r[j]), body.map((r) => r[i]));
  assertNoPageErrors(page);
});

test('English wording: one row is singular, an empty list says so, 已失效 is "No longer valid"', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, sandbox.appUrl);
  await toEnglish(page);
  await go(page, '/sales/quotas?view=own');
  const invalid = page.locator('[data-testid=own-quotas-table] tbody tr[data-testid=row]', { hasText: 'QT250701000005' });
  await invalid.waitFor({ timeout: 15_000 });
  assert.equal(await invalid.locator('[data-testid=quota-status]').textContent(), 'No longer valid');
  await screenshot(page, 'ux18b-quota-status-en');
  await toChinese(page);
  assert.equal(await invalid.locator('[data-testid=quota-status]').textContent(), '已失效');
  await screenshot(page, 'ux18b-quota-status-zh');
  await toEnglish(page);

  await go(page, '/sales/quotas?quota=QT260610100005');
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '1');
  assert.equal(await page.textContent('[data-testid=total-count]'), '1 quota');
  await go(page, '/sales/quotas?quota=QT000000000000');
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '0');
  const pager = page.locator('[data-testid=pager-summary]');
  if (await pager.count()) assert.equal(await pager.textContent(), 'No rows');
  assertNoPageErrors(page);
});

test('a network failure is worded in the person language with a retry that works', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.locator('[data-testid=page-home]').waitFor();
  await sandbox.faults({ drop_rate: 1.0 });
  try {
    await page.click('[data-testid=nav-orders]');
    const notice = page.locator('[data-testid=error-notice]');
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(await notice.getAttribute('data-kind'), 'Network');
    assert.equal(await page.textContent('[data-testid=error-detail]'), '无法连接到服务器。请检查网络连接后重试。');
    assert.doesNotMatch(await notice.textContent(), /TypeError|Failed to fetch/);
    await screenshot(page, 'ux18b-network-zh');
    await toEnglish(page);
    assert.equal(await page.textContent('[data-testid=error-detail]'), 'Cannot reach the server. Check your connection and retry.');
    await screenshot(page, 'ux18b-network-en');
  } finally {
    await sandbox.clearFaults();
  }
  await page.click('[data-testid=error-retry]');
  await page.locator('[data-testid=orders-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  assertNoPageErrors(page);
});

test('the international-site banner links to the international site, in both languages', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, sandbox.appUrl, { account: 'nimbus_solutions', user: 'admin' });
  await toChinese(page);
  const link = page.locator('[data-testid=site-banner] [data-testid=site-banner-link]');
  await link.waitFor();
  assert.equal(await link.textContent(), '前往国际站');
  assert.equal(await link.getAttribute('href'), 'https://www.huaweicloud.com/intl/zh-cn/');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  await screenshot(page, 'ux18b-banner-zh');
  await toEnglish(page);
  assert.equal(await link.textContent(), 'Go to the international site');
  assert.equal(await link.getAttribute('href'), 'https://www.huaweicloud.com/intl/en-us/');
  await screenshot(page, 'ux18b-banner-en');
  assertNoPageErrors(page);
});

test('the developer table page is Not Found in a release build unless config.json enables it', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { stay: true });
  const modules = [];
  page.on('request', (r) => r.url().includes('table_demo') && modules.push(r.url()));
  await go(page, '/dev/table?rows=50');
  await page.locator('[data-testid=app-shell] [data-testid=not-found]').waitFor();
  assert.equal(await page.locator('[data-testid=dev-table]').count(), 0);
  await titleIs(page, '页面不存在 · 伙伴中心');
  assert.deepEqual(modules, [], 'its code is not fetched');

  const dev = await startSandbox({ customers: 50, extraArgs: ['--app-config', 'dev_pages=true'] });
  try {
    const on = await browser.newPage();
    await signIn(on, dev.appUrl);
    await go(on, '/dev/table?rows=50');
    await on.locator('[data-testid=dev-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
    await titleIs(on, '表格演示(开发用) · 伙伴中心');
    assertNoPageErrors(on);
  } finally {
    await dev.stop();
  }
  assertNoPageErrors(page);
});

test('an unknown order says so once, without a Retry that cannot help; a server failure keeps its Retry', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.locator('[data-testid=page-home]').waitFor();
  await go(page, '/sales/orders/CS2611209999NOSUCH');
  await page.locator('[data-testid=page-order-detail] [data-testid=error-notice]').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 1, 'one notice, not one per card');
  assert.equal(await page.getAttribute('[data-testid=error-notice]', 'data-kind'), 'Invalid');
  assert.equal(await page.locator('[data-testid=error-retry]').count(), 0, 'a 4xx is not retried');
  assert.equal(await page.locator('[data-testid=order-items-table]').count(), 0);
  await screenshot(page, 'ux18b-unknown-order-zh');
  // The same page failing on the server's side offers a retry, which works.
  await sandbox.faults({ fail_next: [{ kind: 'server_error', count: 1, path_prefix: '/v2/orders/customer-orders/details/' }] });
  await go(page, '/sales/orders');
  const first = page.locator('[data-testid=order-link]').first();
  await first.waitFor({ timeout: 15_000 });
  await first.click();
  await page.locator('[data-testid=page-order-detail] [data-testid=error-retry]').waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('[data-testid=error-notice]', 'data-kind'), 'Server');
  await page.click('[data-testid=error-retry]');
  await page.locator('[data-testid=order-facts]').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  assertNoPageErrors(page);
});

/** Header labels with a word split across two lines (each word's text range has one line box). */
async function brokenHeaderWords(page) {
  return page.$$eval('.th-label', (labels) => {
    const out = [];
    for (const el of labels) {
      const node = el.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent;
      for (const m of text.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(`${text} (${m[0]})`);
      }
    }
    return out;
  });
}

test('English headers wrap between words, never inside one (orders, an order, customers at 1280 px)', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, sandbox.appUrl);
  await toEnglish(page);
  await go(page, '/sales/orders');
  await page.locator('[data-testid=order-link]').first().waitFor({ timeout: 15_000 });
  assert.deepEqual(await brokenHeaderWords(page), []);
  await page.locator('[data-testid=order-link]').first().click();
  await page.locator('[data-testid=order-resources-table] thead').waitFor({ timeout: 15_000 });
  assert.deepEqual(await brokenHeaderWords(page), []);
  await screenshot(page, 'ux18b-order-headers-en-1280');
  await openCustomers(page);
  assert.deepEqual(await brokenHeaderWords(page), []);
  assertNoPageErrors(page);
});
