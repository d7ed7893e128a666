// S11 为客户调账 end to end against the sandbox (tier-1 distributor hz_distributor): resale
// customers with their balances, allocating and reclaiming in the dialog (bad amounts kept and
// explained), lost answers settled from the A3 records (adjusted once), a failed one not applied
// and sent again, the records and account changes tabs; a reseller is told the page is not theirs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, goInApp, openBrowser, screenshot, signIn, startSandbox, toEnglish } from './lib/harness.mjs';

const C1 = '/v2/partners/sub-customers/query';
const R2 = '/v2/accounts/partner-accounts/balances';
const A1 = '/v2/accounts/partner-accounts/adjust-amount';
const A2 = '/v2/accounts/partner-accounts/reclaim';
const A3 = '/v3/accounts/partner-accounts/adjust-records';
const A4 = '/v2/accounts/customer-accounts/balances/batch-query';

let sandbox;
let browser;
let token;

before(async () => {
  sandbox = await startSandbox({ customers: 300 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);
const cents = (x) => Math.round(Number(x) * 100);

async function balanceOf(customerId) {
  const r = await api('POST', A4, { customer_infos: [{ customer_id: customerId }] });
  return cents(r.customer_balances[0]?.amount ?? 0);
}

async function allocatable() {
  const cash = (await api('GET', R2)).account_balances.find((a) => a.account_type === 1);
  return cents(cash.amount) - cents(cash.designated_amount ?? 0);
}

async function records(customerId, operation) {
  const r = await api('GET', `${A3}?customer_id=${customerId}&operation_type=${operation}&limit=100`);
  return r.records;
}

const rows = (page) => page.locator('[data-testid=customer-funds-table] tbody tr[data-testid=row]');

async function openFor(page, customerId, action) {
  await page.fill('[data-testid=filter-customer]', customerId);
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '1', null, { timeout: 15_000 });
  await rows(page).first().locator(`[data-testid=action-${action}]`).click();
  await page.locator('[data-testid=adjust-dialog]').waitFor();
}

async function send(page, amount) {
  await page.fill('[data-testid=adjust-amount]', amount);
  await page.click('[data-testid=adjust-submit]');
}

test('balances, allocating with bad amounts explained and kept, reclaiming; money moves once', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-customer-funds]');
  await page.locator('[data-testid=page-customer-funds]').waitFor();
  await rows(page).first().waitFor({ timeout: 15_000 });
  const resale = await api('POST', C1, { association_type: '2', limit: 1 });
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), resale.count);
  await page.locator('[data-testid=funds-allocatable]').waitFor();
  await screenshot(page, 'funds-balances-zh');

  const customer = resale.customer_infos[0].customer_id;
  const [balance0, free0] = [await balanceOf(customer), await allocatable()];
  await openFor(page, customer, 'allocate');
  for (const bad of ['abc', '12.345', '-5', String(free0 / 100 + 1)]) {
    await send(page, bad);
    await page.locator('[data-testid=adjust-amount-error]').waitFor();
    assert.equal(await page.inputValue('[data-testid=adjust-amount]'), bad, 'what was typed is kept');
    assert.equal(await page.getAttribute('[data-testid=adjust-amount]', 'aria-invalid'), 'true');
  }
  assert.equal(await balanceOf(customer), balance0, 'nothing sent for a bad amount');
  await page.fill('[data-testid=adjust-amount]', '123.45');
  await screenshot(page, 'funds-allocate-zh');
  await page.click('[data-testid=adjust-submit]');
  await page.locator('[data-testid=adjust-done]').waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('[data-testid=adjust-done]', 'data-reconciled'), 'false');
  assert.equal(await balanceOf(customer), balance0 + 12345);
  assert.equal(await allocatable(), free0 - 12345);
  const trans = await page.getAttribute('[data-testid=adjust-done]', 'data-trans');
  assert.ok((await records(customer, 'SOURCE_OPERATION_BEADJUST')).some((r) => r.trans_id === trans));
  await page.click('[data-testid=adjust-close]');
  await page.locator('[data-testid=adjust-dialog]').waitFor({ state: 'detached' });

  // Reclaiming more than the customer holds is refused before anything is sent.
  await rows(page).first().locator('[data-testid=action-reclaim]').click();
  await send(page, String((balance0 + 12345) / 100 + 1));
  await page.locator('[data-testid=adjust-amount-error]').waitFor();
  await send(page, '23.45');
  await page.locator('[data-testid=adjust-done]').waitFor({ timeout: 15_000 });
  assert.equal(await balanceOf(customer), balance0 + 12345 - 2345);
  assertNoPageErrors(page);
  await page.close();
});

test('a lost answer is settled from the records (adjusted once); a failed one is not applied and sent again', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-customer-funds]');
  await page.locator('[data-testid=page-customer-funds]').waitFor({ timeout: 15_000 });
  const resale = await api('POST', C1, { association_type: '2', offset: 1, limit: 1 });
  const customer = resale.customer_infos[0].customer_id;
  const before = await balanceOf(customer);
  const seen = (await records(customer, 'SOURCE_OPERATION_BEADJUST')).length;

  await openFor(page, customer, 'allocate');
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_drop', method: 'POST', path_prefix: A1 }] });
  await send(page, '50.00');
  await page.locator('[data-testid=adjust-done]').waitFor({ timeout: 20_000 });
  assert.equal(await page.getAttribute('[data-testid=adjust-done]', 'data-reconciled'), 'true');
  assert.equal(await balanceOf(customer), before + 5000, 'allocated once');
  assert.equal((await records(customer, 'SOURCE_OPERATION_BEADJUST')).length, seen + 1, 'one record');
  await screenshot(page, 'funds-reconciled-zh');
  await page.click('[data-testid=adjust-close]');

  const reclaims = (await records(customer, 'SOURCE_OPERATION_BERETRIEVE')).length;
  await rows(page).first().locator('[data-testid=action-reclaim]').click();
  await sandbox.faults({ fail_next: [{ kind: 'server_error', method: 'POST', path_prefix: A2 }] });
  await send(page, '10.00');
  await page.locator('[data-testid=adjust-not-applied]').waitFor({ timeout: 20_000 });
  assert.equal(await balanceOf(customer), before + 5000, 'nothing reclaimed yet');
  await page.click('[data-testid=adjust-submit]');
  await page.locator('[data-testid=adjust-done]').waitFor({ timeout: 15_000 });
  assert.equal(await balanceOf(customer), before + 4000);
  assert.equal((await records(customer, 'SOURCE_OPERATION_BERETRIEVE')).length, reclaims + 1, 'reclaimed once');
  await page.close();
});

test('the adjustment records and the account changes, in both languages', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-customer-funds]');
  await page.click('[data-testid=tab-funds-records]');
  await page.locator('[data-testid=page-funds-records]').waitFor();
  await page.locator('[data-testid=funds-records-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  const all = await api('GET', `${A3}?limit=1`);
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), all.total_count);
  await screenshot(page, 'funds-records-zh');
  await page.click('[data-testid=tab-funds-changes]');
  await page.locator('[data-testid=page-funds-changes]').waitFor();
  await page.locator('[data-testid=funds-changes-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  await toEnglish(page);
  await screenshot(page, 'funds-changes-en');
  await page.click('[data-testid=tab-funds-balances]');
  await page.locator('[data-testid=customer-funds-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  await screenshot(page, 'funds-balances-en');
  assertNoPageErrors(page);
  await page.close();
});

test('a reseller is told customer funds are not theirs, and has no entry for them', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'cloudbridge_it' });
  assert.equal(await page.locator('[data-testid=nav-customer-funds]').count(), 0);
  await goInApp(page, '/sales/customer-funds');
  await page.locator('[data-testid=funds-not-available]').waitFor({ timeout: 15_000 });
  await page.close();
});
