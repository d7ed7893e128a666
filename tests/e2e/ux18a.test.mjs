// Issue 18, four defects end to end against the sandbox: a quota not yet in effect is shown as
// such (with its start day) and never offered for issuing, at the server's time; the orders and
// customers lists say what their empty reseller choice covers, and only those who can get rows
// for a reseller get the filter; multi-select filters close (Esc, a click outside, Search); and
// at 1280 and 1440 px the selection and row actions stay in view, the default columns fit and
// rows stay one line, in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const D1 = 'QT260105000001';
// Effective 2026-12-01 (docs/sandbox.md); the sandbox's clock starts at 2026-11-20.
const D4 = 'QT261110000004';
const STARTS = '2026-12-01';
const V2 = '/v2/promotions/benefits/partner-coupons';

let sandbox;
let browser;
let token;

before(async () => {
  sandbox = await startSandbox({ customers: 400 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

async function open(page, nav, testId) {
  await page.click(`[data-testid=${nav}]`);
  await page.locator(`[data-testid=${testId}]`).waitFor({ timeout: 15_000 });
}

async function waitForRows(page, table) {
  await page.locator(`[data-testid=${table}] tbody tr[data-testid=row]`).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction((t) => document.querySelector(`[data-testid=${t}]`)?.closest('.table-wrap')?.getAttribute('aria-busy') === 'false', table);
}

const rowOf = (page, table, text) => page.locator(`[data-testid=${table}] tbody tr[data-testid=row]`, { hasText: text });

test('a quota not yet in effect is shown as such with its start day and is never offered for issuing', async () => {
  // The sandbox refuses it, as documented.
  const customers = await apiCall(sandbox.apiUrl, token, 'POST', '/v2/partners/sub-customers/query', { offset: 0, limit: 1 });
  const customer = customers.customer_infos[0].customer_id;
  await assert.rejects(
    apiCall(sandbox.apiUrl, token, 'POST', V2, { quota_id: D4, customer_ids: [customer], face_value: 10 }),
    /400 .*CBC\.99000017/,
  );

  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  // The issue page's quota cards: shown, not selectable, saying from when.
  await open(page, 'nav-issue-vouchers', 'quota-list');
  const card = page.locator(`[data-testid=quota-option][data-quota=${D4}]`);
  await card.waitFor({ timeout: 15_000 });
  assert.equal(await card.getAttribute('data-usable'), 'false');
  assert.ok(await card.locator('input').isDisabled());
  const why = await card.locator('[data-testid=quota-why]').textContent();
  assert.match(why, /未生效/);
  assert.ok(why.includes(STARTS), why);
  assert.equal(await page.getAttribute(`[data-testid=quota-option][data-quota=${D1}]`, 'data-usable'), 'true');

  // The quotas page, own tab: the state says "not yet in effect" (start day in its title), and
  // neither issuing action is offered on that row (they are on a usable one).
  await open(page, 'nav-quotas', 'page-quotas');
  await page.click('[data-testid=tab-own]');
  await waitForRows(page, 'own-quotas-table');
  const row = rowOf(page, 'own-quotas-table', D4);
  const tag = row.locator('[data-testid=quota-status]');
  assert.equal(await tag.getAttribute('data-pending'), 'true');
  assert.equal((await tag.textContent()).trim(), '未生效');
  assert.ok((await tag.getAttribute('title')).includes(STARTS));
  assert.ok((await row.locator('td[data-col=validity]').textContent()).includes(STARTS));
  assert.equal(await row.locator('[data-testid=action-issue-vouchers]').count(), 0);
  assert.equal(await row.locator('[data-testid=action-issue-quota]').count(), 0);
  const usable = rowOf(page, 'own-quotas-table', D1);
  assert.equal(await usable.locator('[data-testid=action-issue-vouchers]').count(), 1);
  assert.equal(await usable.locator('[data-testid=quota-status]').getAttribute('data-pending'), null);
  await screenshot(page, 'ux18a-quotas-own-zh');

  // Issuing quota to resellers: not a usable source either.
  await page.click('[data-testid=open-issue-quota]');
  const source = page.locator(`[data-testid=source-quota][data-quota=${D4}]`);
  await source.waitFor({ timeout: 15_000 });
  assert.equal(await source.getAttribute('data-usable'), 'false');
  assert.ok((await source.locator('[data-testid=source-quota-why]').textContent()).includes(STARTS));
  await page.click('[data-testid=issue-quota-cancel]');
  await page.locator('[data-testid=issue-quota-dialog]').waitFor({ state: 'detached' });

  // The vouchers page's quota choice names the state and the start day.
  await open(page, 'nav-vouchers', 'page-vouchers');
  await page.waitForFunction((id) => document.querySelector(`[data-testid=filter-quota] option[value="${id}"]`), D4, { timeout: 15_000 });
  const option = await page.textContent(`[data-testid=filter-quota] option[value="${D4}"]`);
  assert.match(option, /未生效/);
  assert.ok(option.includes(STARTS), option);

  // English.
  await toEnglish(page);
  const optionEn = await page.textContent(`[data-testid=filter-quota] option[value="${D4}"]`);
  assert.match(optionEn, /Not yet in effect/);
  await open(page, 'nav-issue-vouchers', 'quota-list');
  await card.waitFor({ timeout: 15_000 });
  const whyEn = await card.locator('[data-testid=quota-why]').textContent();
  assert.match(whyEn, /Not yet in effect/);
  assert.ok(whyEn.includes(STARTS));
  await screenshot(page, 'ux18a-issue-quotas-en');

  // The console goes by the server's clock: once the sandbox's day is past the start, the
  // same quota is usable (the browser's clock never changed).
  await sandbox.control('POST', '/__sandbox/voucher-clock', { seconds: 12 * 86_400 });
  await open(page, 'nav-quotas', 'page-quotas');
  await open(page, 'nav-issue-vouchers', 'quota-list');
  await page.waitForFunction((id) => document.querySelector(`[data-testid=quota-option][data-quota=${id}]`)?.dataset.usable === 'true', D4, { timeout: 15_000 });
  assertNoPageErrors(page);
});

test('orders and customers say what the empty reseller choice covers; only an admin gets the filter', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await open(page, 'nav-orders', 'page-orders');
  await waitForRows(page, 'orders-table');
  // O1 without a reseller lists the partner's own customers' orders only: said so.
  const ordersAll = await page.textContent('[data-testid=filter-reseller] option[value=""]');
  assert.equal(ordersAll.trim(), '自有客户(不含二级经销商)');
  assert.ok((await page.$$('[data-testid=filter-reseller] option')).length > 1);
  // The customer list without a reseller includes the resellers' customers: said so too.
  await open(page, 'nav-customers', 'page-customers');
  await waitForRows(page, 'customers-table');
  assert.equal((await page.textContent('[data-testid=filter-reseller] option[value=""]')).trim(), '全部(含二级经销商的客户)');
  await toEnglish(page);
  assert.equal((await page.textContent('[data-testid=filter-reseller] option[value=""]')).trim(), "All (resellers' customers included)");
  await open(page, 'nav-orders', 'page-orders');
  await waitForRows(page, 'orders-table');
  assert.equal((await page.textContent('[data-testid=filter-reseller] option[value=""]')).trim(), "Own customers only (not resellers')");
  assertNoPageErrors(page);

  // A supervisor and an account manager get nothing for any reseller: no filter at all.
  for (const user of ['zhang.wei', 'li.na']) {
    const p = await browser.newPage();
    await signIn(p, sandbox.appUrl, { user });
    await open(p, 'nav-orders', 'page-orders');
    await waitForRows(p, 'orders-table');
    assert.equal(await p.locator('[data-testid=filter-reseller]').count(), 0, `${user}: orders`);
    await open(p, 'nav-customers', 'page-customers');
    await waitForRows(p, 'customers-table');
    assert.equal(await p.locator('[data-testid=filter-reseller]').count(), 0, `${user}: customers`);
    assertNoPageErrors(p);
  }
});

test('a multi-select filter closes on Esc, on a click outside and on Search, and leaves the table free', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await open(page, 'nav-customers', 'page-customers');
  await waitForRows(page, 'customers-table');
  const industry = page.locator('[data-testid=filter-industry]');
  const isOpen = (l) => l.evaluate((d) => d.open);

  await industry.locator('summary').click();
  assert.equal(await isOpen(industry), true);
  await industry.locator('input[type=checkbox]').first().focus();
  await page.keyboard.press('Escape');
  assert.equal(await isOpen(industry), false);
  // Focus back on its button.
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=filter-industry]') !== null && document.activeElement.tagName), 'SUMMARY');

  await industry.locator('summary').click();
  await page.click('h1');
  assert.equal(await isOpen(industry), false);

  // Pick a stage, Search: closed, and the table under it can be clicked.
  const stage = page.locator('[data-testid=filter-stage]');
  await stage.locator('summary').click();
  await stage.locator('input[type=checkbox]').first().check();
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/stage=/);
  assert.equal(await isOpen(stage), false);
  await waitForRows(page, 'customers-table');
  const covered = await page.evaluate(() => {
    const td = document.querySelector('[data-testid=customers-table] tbody tr[data-testid=row] td[data-col=customer]');
    const r = td.getBoundingClientRect();
    return !td.contains(document.elementFromPoint(r.left + 10, r.top + r.height / 2));
  });
  assert.equal(covered, false, 'nothing lies over the first row');

  // Enter in a text field sends the form: an open one closes too.
  await industry.locator('summary').click();
  await page.fill('[data-testid=filter-keyword]', 'x');
  await page.press('[data-testid=filter-keyword]', 'Enter');
  await page.waitForURL(/[?&]q=x/);
  assert.equal(await isOpen(industry), false);
  assertNoPageErrors(page);
});

/** Where the table's parts are, relative to its scrolling box (in the page). */
function layout(table) {
  const wrap = document.querySelector(`[data-testid=${table}]`).closest('.table-wrap');
  const w = wrap.getBoundingClientRect();
  const inside = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= w.left - 1 && r.right <= w.right + 1;
  };
  const rows = [...wrap.querySelectorAll('tbody tr[data-testid=row]')];
  const first = rows[0];
  const heights = rows.map((r) => r.getBoundingClientRect().height);
  return {
    fits: wrap.scrollWidth <= wrap.clientWidth + 1,
    overflow: wrap.scrollWidth - wrap.clientWidth,
    select: [...first.querySelectorAll('td.col-select input')].every(inside),
    actions: [...first.querySelectorAll('td.col-actions .row-action')].map(inside),
    columns: Object.fromEntries([...wrap.querySelectorAll('thead th[data-col]')].map((th) => [th.dataset.col, inside(th)])),
    // A value cut short (the cell, or the text inside it that ends in "…").
    clipped: [...first.querySelectorAll('td[data-col]')]
      .filter((td) => [td, ...td.querySelectorAll('.cell-text, .copy-cell > span:first-child')].some((e) => e.scrollWidth > e.clientWidth + 1))
      .map((td) => td.dataset.col),
    tallest: Math.max(...heights),
    shortest: Math.min(...heights),
  };
}

const PAGES = [
  // The page, its table, key columns that must be in view, those whose values must not be
  // cut, and whether it has row actions / a selection column.
  { nav: 'nav-vouchers', page: 'page-vouchers', table: 'vouchers-table', keys: ['coupon', 'customer', 'status', 'balance', 'expire'], whole: ['balance', 'expire'], actions: true, select: true },
  { nav: 'nav-quotas', page: 'page-quotas', table: 'issued-quotas-table', keys: ['quota', 'reseller', 'status', 'balance', 'expire'], whole: ['balance', 'effective', 'expire'], actions: true, select: true },
  { nav: 'nav-quotas', tab: 'tab-own', page: 'page-quotas', table: 'own-quotas-table', keys: ['quota', 'type', 'status', 'balance', 'validity'], whole: ['balance', 'validity'], actions: true, select: true },
  { nav: 'nav-customers', page: 'page-customers', table: 'customers-table', keys: ['customer', 'account-manager', 'reseller'], whole: ['account-manager', 'last-update'], actions: false, select: true },
  { nav: 'nav-orders', page: 'page-orders', table: 'orders-table', keys: ['order', 'customer', 'status', 'created'], whole: ['order', 'created'], actions: false, select: false },
];

for (const width of [1280, 1440]) {
  test(`at ${width} px the selection and row actions are in view, the default columns fit and rows stay one line`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await signIn(page, sandbox.appUrl);
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') await toEnglish(page);
      for (const p of PAGES) {
        await open(page, p.nav, p.page);
        if (p.tab) await page.click(`[data-testid=${p.tab}]`);
        await waitForRows(page, p.table);
        const at = `${p.table} ${lang} ${width}`;
        const l = await page.evaluate(layout, p.table);
        assert.ok(l.fits, `${at}: the default columns fit (${l.overflow} px too wide)`);
        for (const k of p.keys) assert.equal(l.columns[k], true, `${at}: ${k} in view`);
        if (p.select) assert.ok(l.select, `${at}: the selection box is in view`);
        if (p.actions) {
          assert.ok(l.actions.length > 0, `${at}: the first row has actions`);
          assert.ok(l.actions.every(Boolean), `${at}: every row action is in view`);
        }
        assert.deepEqual(l.clipped.filter((c) => p.whole.includes(c)), [], `${at}: key values not cut`);
        assert.ok(l.tallest - l.shortest <= 1 && l.tallest <= 48, `${at}: one line per row (${l.shortest}–${l.tallest} px)`);
        await screenshot(page, `ux18a-${p.table}-${lang}-${width}`);
        if (p.actions || p.select) {
          // On a narrower window the table scrolls sideways: the pinned columns stay in view
          // at either end.
          await page.setViewportSize({ width: 900, height: 900 });
          await page.waitForFunction((t) => {
            const w = document.querySelector(`[data-testid=${t}]`).closest('.table-wrap');
            return w.scrollWidth > w.clientWidth + 50;
          }, p.table);
          const left = await page.evaluate(layout, p.table);
          if (p.select) assert.ok(left.select, `${at}: the selection box in view, narrow window`);
          if (p.actions) assert.ok(left.actions.every(Boolean), `${at}: the row actions in view, narrow window`);
          await page.evaluate((t) => {
            const w = document.querySelector(`[data-testid=${t}]`).closest('.table-wrap');
            w.scrollLeft = w.scrollWidth;
          }, p.table);
          const right = await page.evaluate(layout, p.table);
          if (p.select) assert.ok(right.select, `${at}: the selection box stays in view, scrolled right`);
          if (p.actions) assert.ok(right.actions.every(Boolean), `${at}: the row actions stay in view, scrolled right`);
          await page.evaluate((t) => {
            document.querySelector(`[data-testid=${t}]`).closest('.table-wrap').scrollLeft = 0;
          }, p.table);
          await page.setViewportSize({ width, height: 900 });
        }
      }
    }
    assertNoPageErrors(page);
  });
}
