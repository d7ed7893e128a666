// S12 为云商店商品订单调价 end to end against the sandbox: partners that are not 严选 are told why
// (not selected, international site, service partner); a 严选 distributor sees its customers'
// pending marketplace orders, bad prices and reasons are explained and kept, a change is
// confirmed old → new with the percent and applied once, into the records; a change made
// meanwhile by someone else is refused (never overwritten) and the form keeps what was typed; a
// lost answer is settled from the order read again (changed once) and a 5xx that did not apply
// is safe to send again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, goInApp, openBrowser, screenshot, signIn, startSandbox, toEnglish } from './lib/harness.mjs';

const ORDERS = '/v2/partners/koogallery/orders';
const ADJUST = '/v2/partners/koogallery/orders/price-adjust';
const RECORDS = '/v2/partners/koogallery/price-adjust-records';

let sandbox;
let browser;
let token;

before(async () => {
  sandbox = await startSandbox({ customers: 120 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);
const cents = (x) => Math.round(Number(x) * 100);
const yuan = (c) => (c / 100).toFixed(2);
const grouped = (c) => (c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function order(id) {
  return (await api('GET', `${ORDERS}?order_id=${id}`)).orders[0];
}

async function recordsOf(id) {
  return (await api('GET', `${RECORDS}?order_id=${id}&limit=100`)).records;
}

/** The pending orders, newest first, as the API answers them. */
async function pending() {
  return (await api('GET', `${ORDERS}?status=PENDING_PAYMENT&limit=100`)).orders;
}

const rows = (page) => page.locator('[data-testid=koogallery-orders-table] tbody tr[data-testid=row]');

async function openPage(page) {
  await page.click('[data-testid=nav-koogallery]');
  await page.locator('[data-testid=page-koogallery]').waitFor();
  await rows(page).first().waitFor({ timeout: 15_000 });
}

async function openFor(page, id) {
  await page.fill('[data-testid=filter-order]', id);
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '1', null, { timeout: 15_000 });
  await rows(page).first().locator('[data-testid=action-reprice]').click();
  await page.locator('[data-testid=price-dialog]').waitFor();
}

async function review(page, price, reason) {
  if (price !== undefined) await page.fill('[data-testid=price-new]', price);
  if (reason !== undefined) await page.fill('[data-testid=price-reason]', reason);
  await page.click('[data-testid=price-review]');
}

test('not 严选: told why and whom to ask; the international site and service partners too', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await signIn(page, sandbox.appUrl, { account: 'deepblue_data', user: 'admin' });
  await page.click('[data-testid=nav-koogallery]');
  const gate = page.locator('[data-testid=koogallery-not-selected]');
  await gate.waitFor({ timeout: 15_000 });
  assert.equal(await gate.getAttribute('data-reason'), 'NOT_SELECTED');
  assert.match(await page.textContent('[data-testid=koogallery-contact]'), /罗佳.*luo\.jia@koogallery\.example\.com/);
  assert.equal(await page.locator('[data-testid=koogallery-orders-table]').count(), 0, 'no list, no 403s');
  await screenshot(page, 'koogallery-not-selected-zh');
  await page.click('[data-testid=tab-koogallery-records]');
  await page.locator('[data-testid=page-koogallery-records] [data-testid=koogallery-not-selected]').waitFor();
  assertNoPageErrors(page);
  await page.close();

  const intl = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await signIn(intl, sandbox.appUrl, { account: 'nimbus_solutions', user: 'admin' });
  await toEnglish(intl);
  await intl.click('[data-testid=nav-koogallery]');
  await intl.locator('[data-testid=koogallery-not-selected][data-reason=INTL_SITE]').waitFor({ timeout: 15_000 });
  assert.match(await intl.textContent('[data-testid=koogallery-why]'), /China site only/);
  await screenshot(intl, 'koogallery-intl-en');
  await intl.close();

  const service = await browser.newPage();
  await signIn(service, sandbox.appUrl, { account: 'huitong_services', user: 'admin' });
  assert.equal(await service.locator('[data-testid=nav-koogallery]').count(), 0, 'not in the navigation');
  await goInApp(service, '/sales/koogallery');
  await service.locator('[data-testid=koogallery-not-available]').waitFor({ timeout: 15_000 });
  assertNoPageErrors(service);
  await service.close();
});

test('严选: pending orders; bad prices and reasons explained and kept; confirmed old → new, changed once, in the records', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await signIn(page, sandbox.appUrl);
  await openPage(page);
  await page.locator('[data-testid=koogallery-since]').waitFor();
  const all = await pending();
  assert.ok(all.length >= 5, `seeded pending orders: ${all.length}`);
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), all.length);
  const statuses = await page.$$eval('[data-testid=koogallery-orders-table] [data-testid=cell-status]', (c) => c.map((x) => x.dataset.status));
  assert.ok(statuses.every((s) => s === 'PENDING_PAYMENT'), `pending by default: ${statuses}`);
  await screenshot(page, 'koogallery-orders-zh');

  // Every status on request: a paid order offers no price change.
  await page.selectOption('[data-testid=filter-status]', 'ALL');
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=total-count]')?.dataset.total) > n, all.length, { timeout: 15_000 });
  const paidRow = rows(page).filter({ has: page.locator('[data-status=PAID]') }).first();
  await paidRow.waitFor();
  assert.equal(await paidRow.locator('[data-testid=action-reprice]').count(), 0, 'no price change on a paid order');
  await page.selectOption('[data-testid=filter-status]', '');

  const target = all.find((o) => o.adjusted_times === 0 && cents(o.amount) > 1000);
  const [original, current] = [cents(target.original_amount), cents(target.amount)];
  await openFor(page, target.order_id);
  assert.equal(await page.textContent('[data-testid=price-order]'), target.order_id);
  assert.match(await page.textContent('[data-testid=price-original]'), new RegExp(grouped(original).replace('.', '\\.')));

  await review(page, '', '');
  await page.locator('[data-testid=price-new-error]').waitFor();
  await page.locator('[data-testid=price-reason-error]').waitFor();
  for (const [bad, says] of [
    ['abc', /金额/],
    ['0', /大于 0/],
    ['12.345', /两位小数/],
    [yuan(original + 100), /不能高于原价/],
    [yuan(current), /当前价格相同/],
  ]) {
    await review(page, bad, '老客户续约优惠');
    await page.locator('[data-testid=price-new-error]').waitFor();
    assert.match(await page.textContent('[data-testid=price-new-error]'), says, bad);
    assert.equal(await page.inputValue('[data-testid=price-new]'), bad, 'what was typed is kept');
    assert.equal(await page.getAttribute('[data-testid=price-new]', 'aria-invalid'), 'true');
    assert.equal(await page.locator('[data-testid=price-confirmation]').count(), 0, 'nothing to confirm');
  }
  await review(page, yuan(current - 100), 'x'.repeat(201));
  await page.locator('[data-testid=price-reason-error]').waitFor();
  assert.equal((await page.inputValue('[data-testid=price-reason]')).length, 201);
  assert.equal(await page.locator('[data-testid=price-new-error]').count(), 0, 'the price is fine now');
  await screenshot(page, 'koogallery-errors-zh');

  const next = Math.round(current * 0.9);
  await page.fill('[data-testid=price-new]', yuan(next));
  const pct = (((next - original) * 100) / original).toFixed(1);
  assert.match(await page.textContent('[data-testid=price-preview]'), new RegExp(`${Math.abs(Number(pct))}%`));
  await review(page, undefined, '老客户续约优惠');
  await page.locator('[data-testid=price-confirmation]').waitFor();
  const fromTo = await page.textContent('[data-testid=price-from-to]');
  assert.ok(fromTo.includes(grouped(current)) && fromTo.includes(grouped(next)), fromTo);
  assert.match(await page.textContent('[data-testid=price-vs-original]'), /较原价 −\d/);
  await screenshot(page, 'koogallery-confirm-zh');
  assert.equal(cents((await order(target.order_id)).amount), current, 'nothing sent before the confirmation');
  // Back to edit keeps both fields.
  await page.click('[data-testid=price-edit]');
  assert.equal(await page.inputValue('[data-testid=price-new]'), yuan(next));
  await page.click('[data-testid=price-review]');
  await page.dblclick('[data-testid=price-confirm]');
  await page.locator('[data-testid=price-done]').waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('[data-testid=price-done]', 'data-reconciled'), 'false');
  const after = await order(target.order_id);
  assert.equal(cents(after.amount), next);
  assert.equal(after.adjusted_times, 1, 'changed once (a double click sends once)');
  const recs = await recordsOf(target.order_id);
  assert.equal(recs.length, 1);
  assert.equal(await page.getAttribute('[data-testid=price-done]', 'data-adjust'), recs[0].adjust_id);
  assert.equal(recs[0].reason, '老客户续约优惠');
  assert.deepEqual([cents(recs[0].old_amount), cents(recs[0].new_amount)], [current, next]);
  await page.click('[data-testid=price-close]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=koogallery-orders-table] tbody tr[data-testid=row]')?.textContent.includes(t), grouped(next), { timeout: 15_000 });

  // The row's records link opens the records of that order.
  await rows(page).first().locator('[data-testid=action-price-records]').click();
  await page.locator('[data-testid=page-koogallery-records]').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '1', null, { timeout: 15_000 });
  assert.match(page.url(), new RegExp(`order=${target.order_id}`));
  const row = page.locator('[data-testid=koogallery-records-table] tbody tr[data-testid=row]').first();
  assert.match(await row.textContent(), /老客户续约优惠/);
  assert.match(await row.textContent(), /王磊/);
  await toEnglish(page);
  await screenshot(page, 'koogallery-records-en');
  assertNoPageErrors(page);
  await page.close();
});

test('a change made meanwhile by someone else is refused, never overwritten; the form keeps what was typed', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, sandbox.appUrl);
  await openPage(page);
  const target = (await pending()).filter((o) => o.adjusted_times === 0 && cents(o.amount) > 1000)[1];
  const current = cents(target.amount);
  await openFor(page, target.order_id);
  await review(page, yuan(current - 300), '项目打包优惠');
  await page.locator('[data-testid=price-confirmation]').waitFor();

  // Someone else (another tab, a colleague) changes it first.
  const mine = await api('POST', ADJUST, {
    order_id: target.order_id,
    new_amount: Number(yuan(current - 100)),
    reason: '同事先调',
    expected_amount: Number(yuan(current)),
  });
  assert.ok(mine.adjust_id);
  await page.click('[data-testid=price-confirm]');
  await page.locator('[data-testid=price-order-changed]').waitFor({ timeout: 15_000 });
  assert.match(await page.textContent('[data-testid=price-order-changed]'), new RegExp(grouped(current - 100).replace('.', '\\.')));
  assert.match(await page.textContent('[data-testid=price-current]'), new RegExp(grouped(current - 100).replace('.', '\\.')));
  assert.equal(await page.inputValue('[data-testid=price-new]'), yuan(current - 300), 'the typed price is kept');
  assert.equal(await page.inputValue('[data-testid=price-reason]'), '项目打包优惠');
  assert.equal(cents((await order(target.order_id)).amount), current - 100, 'not overwritten');
  await screenshot(page, 'koogallery-stale-zh');

  await page.click('[data-testid=price-review]');
  await page.click('[data-testid=price-confirm]');
  await page.locator('[data-testid=price-done]').waitFor({ timeout: 15_000 });
  assert.equal(cents((await order(target.order_id)).amount), current - 300);
  assert.equal((await recordsOf(target.order_id)).length, 2);
  assertNoPageErrors(page);
  await page.close();
});

test('a lost answer is settled from the order (changed once); a 5xx that did not apply is sent again once', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openPage(page);
  const [first, second] = (await pending()).filter((o) => o.adjusted_times === 0 && cents(o.amount) > 1000).slice(2);

  await openFor(page, first.order_id);
  await review(page, yuan(cents(first.amount) - 500), '应答丢失测试');
  await page.locator('[data-testid=price-confirmation]').waitFor();
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_drop', method: 'POST', path_prefix: ADJUST }] });
  await page.click('[data-testid=price-confirm]');
  await page.locator('[data-testid=price-done]').waitFor({ timeout: 20_000 });
  assert.equal(await page.getAttribute('[data-testid=price-done]', 'data-reconciled'), 'true');
  const recs = await recordsOf(first.order_id);
  assert.equal(recs.length, 1, 'changed once');
  assert.equal(await page.getAttribute('[data-testid=price-done]', 'data-adjust'), recs[0].adjust_id);
  assert.equal(cents((await order(first.order_id)).amount), cents(first.amount) - 500);
  await screenshot(page, 'koogallery-reconciled-zh');
  await page.click('[data-testid=price-close]');

  await page.fill('[data-testid=filter-order]', second.order_id);
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction((id) => document.querySelector('[data-testid=koogallery-orders-table] tbody tr[data-testid=row]')?.textContent.includes(id), second.order_id, { timeout: 15_000 });
  await rows(page).first().locator('[data-testid=action-reprice]').click();
  await review(page, yuan(cents(second.amount) - 200), '服务端错误测试');
  await page.locator('[data-testid=price-confirmation]').waitFor();
  await sandbox.faults({ fail_next: [{ kind: 'server_error', method: 'POST', path_prefix: ADJUST }] });
  await page.click('[data-testid=price-confirm]');
  await page.locator('[data-testid=price-not-applied]').waitFor({ timeout: 20_000 });
  assert.equal((await recordsOf(second.order_id)).length, 0, 'nothing changed yet');
  await page.click('[data-testid=price-send-again]');
  await page.locator('[data-testid=price-done]').waitFor({ timeout: 15_000 });
  assert.equal((await recordsOf(second.order_id)).length, 1, 'changed once');
  assertNoPageErrors(page);
  await page.close();
});
