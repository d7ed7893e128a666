// S6 "filter by quota": V3 has no quota parameter, so the reclaim page lists the coupons of
// V5's successful issue records of the chosen quota, each with its current state from V3 (one
// V3 call per visible row, bounded). The quota is in the URL and the page says what it means.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const Q_VOUCHER = 'QT260105000001';
const Q_CASH = 'QT260301000003';
const COUPONS = '/v2/promotions/benefits/partner-coupons';
const RECORDS = `${COUPONS}/records/query`;

let sandbox;
let browser;
let token;
const whitelist = [];

before(async () => {
  sandbox = await startSandbox({ customers: 400 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
  const r = await api('GET', '/v2/partners/coupon-whitelist/entries?offset=0&limit=100');
  whitelist.push(...r.entries);
  assert.ok(whitelist.length >= 6);
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);

async function issue(quota, customers, face) {
  const r = await api('POST', COUPONS, { quota_id: quota, customer_ids: customers.map((e) => e.customer_id), face_value: face });
  assert.equal(r.coupon_infos.length, customers.length, JSON.stringify(r));
  return r.coupon_infos.map((c) => c.coupon_id);
}

const rowIds = (page) =>
  page.$$eval('[data-testid=vouchers-table] tbody tr[data-testid=row]', (rows) => rows.map((r) => r.querySelector('td[data-col=coupon]')?.textContent.trim() ?? r.textContent));

async function settled(page) {
  await page.waitForFunction(() => document.querySelector('.table-wrap')?.getAttribute('aria-busy') === 'false');
}

test('by quota: the rows are V5 issue records of the quota with V3 statuses; the filter is in the URL', async () => {
  const cash = await issue(Q_CASH, whitelist.slice(0, 3), 11.11);
  const voucher = await issue(Q_VOUCHER, whitelist.slice(3, 5), 12.12);
  const page = await browser.newPage();
  // Stay signed in across the reload below.
  await signIn(page, sandbox.appUrl, { stay: true });
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.click('[data-testid=nav-vouchers]');
  await page.locator(`[data-testid=filter-quota] option[value=${Q_CASH}]`).waitFor({ state: 'attached', timeout: 15_000 });
  assert.match(await page.textContent(`[data-testid=filter-quota] option[value=${Q_CASH}]`), /Cash coupon/);
  assert.match(await page.textContent(`[data-testid=filter-quota] option[value=${Q_VOUCHER}]`), /Voucher/);
  await page.selectOption('[data-testid=filter-quota]', Q_CASH);
  assert.ok(await page.isDisabled('[data-testid=filter-status]'));
  await page.click('[data-testid=filter-search]');
  await page.waitForURL((u) => new URL(u).searchParams.get('quota') === Q_CASH);
  await page.locator('[data-testid=quota-filter-note]').waitFor();
  assert.match(await page.textContent('[data-testid=quota-filter-note]'), /successfully issued from this quota/);
  await settled(page);

  // The first page is exactly V5's first page of this quota's successful issues.
  const v5 = await api('GET', `${RECORDS}?quota_id=${Q_CASH}&operation_types=1&result=0&offset=0&limit=20`);
  assert.equal(await page.getAttribute('[data-testid=total-count]', 'data-total'), String(v5.total_count));
  const shown = await rowIds(page);
  assert.deepEqual([...shown].sort(), v5.records.map((r) => r.coupon_id).sort());
  for (const id of voucher) assert.ok(!shown.includes(id), `voucher ${id} of another quota is not listed`);
  await screenshot(page, 'vouchers-by-quota-en');

  // A reclaimed coupon shows its current status (V3), narrowed to its customer (V5 customer_id).
  await api('POST', `${COUPONS}/reclaim`, { coupon_id: cash[0] });
  await page.fill('[data-testid=filter-customer]', whitelist[0].customer_id);
  await sandbox.control('DELETE', '/__sandbox/requests');
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=vouchers-table] tbody tr[data-testid=row]').length === 1);
  await settled(page);
  assert.deepEqual(await rowIds(page), [cash[0]]);
  await page.locator('[data-testid=vouchers-table] [data-testid=coupon-status][data-status="5"]').waitFor();
  const c = await sandbox.control('GET', '/__sandbox/requests');
  assert.equal(c.by_route[`GET ${RECORDS}`], 1, JSON.stringify(c.by_route));
  assert.equal(c.by_route[`GET ${COUPONS}`], 1, JSON.stringify(c.by_route));

  // Reload: the quota filter comes back from the URL.
  await page.reload();
  await page.locator('[data-testid=quota-filter-note]').waitFor({ timeout: 15_000 });
  assert.equal(await page.inputValue('[data-testid=filter-quota]'), Q_CASH);
  await settled(page);
  assert.equal(await page.getAttribute('[data-testid=total-count]', 'data-total'), String(v5.total_count));
  if ((await page.getAttribute('html', 'lang')) !== 'zh-CN') await page.click('[data-testid=switch-language]');
  await screenshot(page, 'vouchers-by-quota-zh');

  // Reset: every coupon again (V3 paging), no note, no quota in the URL.
  await page.click('[data-testid=filter-reset]');
  await page.waitForURL((u) => !new URL(u).searchParams.has('quota'));
  await page.locator('[data-testid=quota-filter-note]').waitFor({ state: 'detached' });
  await settled(page);
  const all = await api('GET', `${COUPONS}?offset=0&limit=1`);
  assert.equal(await page.getAttribute('[data-testid=total-count]', 'data-total'), String(all.total_count));
  assertNoPageErrors(page);
  await page.context().close();
});
