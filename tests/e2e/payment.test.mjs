// X2 acting for a customer and S10 余额支付, end to end against the sandbox (tier-1 distributor
// hz_distributor): the pending orders and the partner's accounts; acting for a customer
// (granted, refused with each reason, ended mid-task); paying with the total confirmed and the
// balance taken once; a cut answer read back (paid once) and a failed one (not applied, paid
// again); two tabs paying one order pay it once; a reseller is told the page is not theirs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, goInApp, openBrowser, screenshot, signIn, startSandbox, toEnglish } from './lib/harness.mjs';

const O1 = '/v2/orders/customer-orders';
const C1 = '/v2/partners/sub-customers/query';
const R2 = '/v2/accounts/partner-accounts/balances';
const PAY = '/v3/orders/customer-orders/pay';

let sandbox;
let browser;
let token;
/** Pending orders of resale customers without a price adjustment, and of referral customers. */
let plain = [];
let referral = [];
/** A plain order whose customer holds a usable coupon for it (O5). */
let withCoupon;

before(async () => {
  sandbox = await startSandbox({ customers: 900 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
  const pending = await api('GET', `${O1}?status=6&limit=100`);
  for (const o of pending.order_infos) {
    const c = (await api('POST', C1, { customer_id: o.customer_id })).customer_infos[0];
    if (c.association_type === '1') {
      referral.push({ order: o.order_id, customer: c });
      continue;
    }
    const ct = await customerToken(c);
    const d = await apiCall(sandbox.apiUrl, ct, 'GET', `/v2/orders/customer-orders/order-discounts?order_id=${o.order_id}`);
    if (d.discounts.length !== 0) continue;
    const entry = { order: o.order_id, customer: c, amount: Number(o.amount_after_discount) };
    const cs = await apiCall(sandbox.apiUrl, ct, 'GET', `/v2/orders/customer-orders/order-coupons?order_id=${o.order_id}`);
    const usable = cs.user_coupons.find((x) => x.status === 1 && Number(x.balance) > 0);
    if (usable && !withCoupon) withCoupon = { ...entry, coupon: usable };
    else plain.push(entry);
  }
  assert.ok(plain.length >= 7, `enough plain pending orders (${plain.length})`);
  assert.ok(referral.length >= 1, 'a referral customer with a pending order');
  assert.ok(withCoupon, 'a pending order whose customer has a usable coupon');
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);

async function customerToken(c) {
  const res = await fetch(new URL('/v3/auth/tokens?nocatalog=true', sandbox.apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: JSON.stringify({ auth: { identity: { methods: ['assume_role'], assume_role: { domain_name: c.account_name, agency_name: c.xaccount_type } } } }),
  });
  assert.equal(res.status, 201, await res.text());
  return res.headers.get('x-subject-token');
}

async function cash() {
  const r = await api('GET', R2);
  return Number(r.account_balances.find((a) => a.account_type === 1).amount);
}

async function orderStatus(id) {
  return (await api('GET', `${O1}/details/${id}`)).order_info.status;
}

const setAuthorisation = (customerId, state) => sandbox.control('POST', '/__sandbox/act-for', { customer_id: customerId, state });

const rows = (page) => page.locator('[data-testid=pending-orders-table] tbody tr[data-testid=row]');

/** From the pending list, filtered to the order, its "Pay" action. */
async function openPay(page, orderId) {
  await goInApp(page, `/sales/balance-payment?order=${orderId}`);
  await page.locator('[data-testid=page-balance-payment]').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '1', null, { timeout: 15_000 });
  await rows(page).first().locator('[data-testid=action-pay]').click();
  await page.locator('[data-testid=page-pay-order]').waitFor();
  await page.locator('[data-testid=fact-order]', { hasText: orderId }).waitFor({ timeout: 15_000 });
}

async function actAndChoose(page) {
  await page.locator('[data-testid=acting-start]').click();
  await page.locator('[data-testid=pay-choose]').waitFor({ timeout: 15_000 });
}

async function confirmPay(page) {
  await page.locator('[data-testid=pay-submit]:not([disabled])').click();
  await page.locator('[data-testid=pay-confirm-dialog]').waitFor();
  await page.locator('[data-testid=pay-confirm]').click();
}

test('pending orders, acting for the customer, and paying with the total confirmed; the balance is taken once', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-balance-payment]');
  await page.locator('[data-testid=page-balance-payment]').waitFor();
  await rows(page).first().waitFor({ timeout: 15_000 });
  const all = await api('GET', `${O1}?status=6&limit=1`);
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), all.total_count);
  await page.locator('[data-testid=funds-total]').waitFor();
  await screenshot(page, 'payment-list-zh');

  const o = plain[0];
  const before = await cash();
  await openPay(page, o.order);
  assert.equal(await page.locator('[data-testid=acting-bar]').count(), 0, 'not acting before asked');
  await page.locator('[data-testid=pay-needs-agency]').waitFor();
  await actAndChoose(page);
  const bar = page.locator('[data-testid=acting-bar]');
  await bar.waitFor();
  assert.equal(await bar.getAttribute('data-customer'), o.customer.customer_id);
  assert.match(await page.textContent('[data-testid=acting-who]'), new RegExp(o.customer.account_name));
  // No coupon chosen, no discount: the partner pays the whole amount.
  const due = await page.getAttribute('[data-testid=pay-summary]', 'data-to-pay');
  assert.equal(Number(due), o.amount);
  await page.locator('[data-testid=sum-funds-after]').waitFor();
  await screenshot(page, 'payment-choose-zh');
  // The token never reaches storage or the URL.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  assert.doesNotMatch(stored, /MIIs/);

  await page.locator('[data-testid=pay-submit]').click();
  const dialog = page.locator('[data-testid=pay-confirm-dialog]');
  await dialog.waitFor();
  assert.equal(Number(await dialog.getAttribute('data-to-pay')), o.amount);
  assert.match(await page.textContent('[data-testid=pay-confirm-text]'), new RegExp(o.order));
  await screenshot(page, 'payment-confirm-zh');
  await page.locator('[data-testid=pay-confirm]').click();
  await page.locator('[data-testid=pay-done]').waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('[data-testid=pay-done]', 'data-reconciled'), 'false');
  assert.equal(await orderStatus(o.order), 5);
  assert.equal(Math.round((before - (await cash())) * 100), Math.round(o.amount * 100));

  // Stopping drops the token: the bar goes, and the next order asks again.
  await page.locator('[data-testid=acting-stop]').click();
  await page.locator('[data-testid=acting-bar]').waitFor({ state: 'detached' });
  await toEnglish(page);
  await openPay(page, plain[1].order);
  await page.locator('[data-testid=pay-needs-agency]').waitFor();
  await actAndChoose(page);
  await page.locator('[data-testid=sum-funds-after]').waitFor();
  await screenshot(page, 'payment-choose-en');
  // Stopping while choosing: paying is held until the authorisation is asked again.
  await page.locator('[data-testid=acting-stop]').click();
  await page.locator('[data-testid=pay-acting-stopped]').waitFor();
  assert.equal(await page.locator('[data-testid=pay-submit]').isDisabled(), true);
  await page.locator('[data-testid=acting-again]').click();
  await page.locator('[data-testid=acting-bar]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=pay-submit]:not([disabled])').waitFor({ timeout: 15_000 });
  await goInApp(page, '/sales/balance-payment');
  await rows(page).first().waitFor({ timeout: 15_000 });
  await screenshot(page, 'payment-list-en');
  assertNoPageErrors(page);
  await page.close();
});

test('a coupon lowers what the partner pays, and is drawn down by the payment', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signIn(page, sandbox.appUrl);
  const o = withCoupon;
  const before = await cash();
  await openPay(page, o.order);
  await actAndChoose(page);
  const row = page.locator(`[data-testid=pay-coupon][data-coupon="${o.coupon.coupon_id}"]`);
  await row.locator('[data-testid=pay-coupon-check]').check();
  const take = Math.min(Number(o.coupon.balance), o.amount);
  const expected = Math.round((o.amount - take) * 100);
  await page.waitForFunction(
    (cents) => Math.round(Number(document.querySelector('[data-testid=pay-summary]')?.dataset.toPay) * 100) === cents,
    expected,
    { timeout: 10_000 },
  );
  await screenshot(page, 'payment-coupon-zh');
  if (expected === 0) {
    // Fully covered: nothing is taken from the partner's accounts.
    await page.locator('[data-testid=pay-submit]:not([disabled])').waitFor();
  }
  await confirmPay(page);
  await page.locator('[data-testid=pay-done]').waitFor({ timeout: 15_000 });
  assert.equal(await orderStatus(o.order), 5);
  assert.equal(Math.round((before - (await cash())) * 100), expected, 'the partner paid the rest only');
  const ct = await customerToken(o.customer);
  const left = await apiCall(sandbox.apiUrl, ct, 'GET', `/v2/orders/customer-orders/order-coupons?order_id=${o.order}`);
  const same = left.user_coupons.find((x) => x.coupon_id === o.coupon.coupon_id);
  const remaining = same ? Number(same.balance) : 0;
  assert.equal(Math.round(remaining * 100), Math.round((Number(o.coupon.balance) - take) * 100), 'the coupon was drawn down');
  await page.close();
});

test('acting is refused with its reason: no agency (referral), not authorised (then granted)', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, sandbox.appUrl);
  await openPay(page, referral[0].order);
  await page.locator('[data-testid=acting-start]').click();
  const refused = page.locator('[data-testid=pay-agency-refused]');
  await refused.waitFor({ timeout: 15_000 });
  assert.equal(await refused.getAttribute('data-code'), 'IAM.1101');
  assert.equal(await page.locator('[data-testid=acting-again]').count(), 0, 'asking again cannot help');
  assert.match(await page.textContent('[data-testid=error-detail]'), /推荐关系客户/);
  await screenshot(page, 'payment-no-agency-zh');

  const o = plain[2];
  await setAuthorisation(o.customer.customer_id, 'not_authorized');
  await openPay(page, o.order);
  await page.locator('[data-testid=acting-start]').click();
  await refused.waitFor({ timeout: 15_000 });
  assert.equal(await refused.getAttribute('data-code'), 'IAM.1102');
  assert.match(await page.textContent('[data-testid=error-detail]'), /代客授权/);
  assert.equal(await page.locator('[data-testid=acting-bar]').count(), 0);
  await setAuthorisation(o.customer.customer_id, 'granted');
  await page.locator('[data-testid=acting-again]').click();
  await page.locator('[data-testid=pay-choose]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=acting-bar]').waitFor();
  await page.close();
});

test('the authorisation ends mid-task: the payment is refused, acting stops, nothing is paid', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  const o = plain[3];
  await openPay(page, o.order);
  await actAndChoose(page);
  const before = await cash();
  // The customer withdraws it: IAM drops the customer's tokens.
  await setAuthorisation(o.customer.customer_id, 'expired');
  await confirmPay(page);
  const refused = page.locator('[data-testid=pay-refused]');
  await refused.waitFor({ timeout: 15_000 });
  assert.equal(await refused.getAttribute('data-code'), 'CUSTOMER_TOKEN_EXPIRED');
  await page.locator('[data-testid=acting-ended]').waitFor();
  assert.equal(await page.locator('[data-testid=acting-bar]').count(), 0);
  // The partner's own session is untouched: no re-sign-in dialog.
  assert.equal(await page.locator('[data-testid=reauth-dialog]').count(), 0);
  assert.equal(await orderStatus(o.order), 6);
  assert.equal(await cash(), before);
  await screenshot(page, 'payment-token-ended-zh');
  // Asking again tells why it cannot be had now.
  await page.locator('[data-testid=acting-again]').click();
  await page.locator('[data-testid=pay-agency-refused][data-code="IAM.1103"]').waitFor({ timeout: 15_000 });
  await setAuthorisation(o.customer.customer_id, 'granted');
  await page.close();
});

test('a cut answer is read back (paid once); a failed one is not applied and paid again', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  const o = plain[4];
  let before = await cash();
  await openPay(page, o.order);
  await actAndChoose(page);
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_drop', method: 'POST', path_prefix: PAY }] });
  await confirmPay(page);
  await page.locator('[data-testid=pay-done]').waitFor({ timeout: 20_000 });
  assert.equal(await page.getAttribute('[data-testid=pay-done]', 'data-reconciled'), 'true');
  assert.equal(await orderStatus(o.order), 5);
  assert.equal(Math.round((before - (await cash())) * 100), Math.round(o.amount * 100), 'taken once');
  await screenshot(page, 'payment-reconciled-zh');

  // A 5xx before anything happened: the order is read back as still pending, then paid again.
  const p = plain[5];
  before = await cash();
  await openPay(page, p.order);
  await actAndChoose(page);
  await sandbox.faults({ fail_next: [{ kind: 'server_error', method: 'POST', path_prefix: PAY }] });
  await confirmPay(page);
  await page.locator('[data-testid=pay-not-applied]').waitFor({ timeout: 20_000 });
  assert.equal(await orderStatus(p.order), 6);
  assert.equal(await cash(), before);
  await confirmPay(page);
  await page.locator('[data-testid=pay-done]').waitFor({ timeout: 15_000 });
  assert.equal(await orderStatus(p.order), 5);
  assert.equal(Math.round((before - (await cash())) * 100), Math.round(p.amount * 100));
  await page.close();
});

test('two tabs paying one order pay it once', async () => {
  const o = plain[6];
  assert.equal(await orderStatus(o.order), 6);
  const [a, b] = [await browser.newPage(), await browser.newPage()];
  for (const page of [a, b]) {
    await signIn(page, sandbox.appUrl);
    await openPay(page, o.order);
    await actAndChoose(page);
    await page.locator('[data-testid=pay-submit]:not([disabled])').click();
    await page.locator('[data-testid=pay-confirm-dialog]').waitFor();
  }
  const before = await cash();
  await Promise.all([a.click('[data-testid=pay-confirm]'), b.click('[data-testid=pay-confirm]')]);
  const outcome = async (page) => {
    await page.locator('[data-testid=pay-done], [data-testid=pay-paid-elsewhere]').first().waitFor({ timeout: 20_000 });
    return (await page.locator('[data-testid=pay-done]').count()) ? 'done' : 'elsewhere';
  };
  const outcomes = [await outcome(a), await outcome(b)].sort();
  assert.deepEqual(outcomes, ['done', 'elsewhere']);
  assert.equal(Math.round((before - (await cash())) * 100), Math.round(o.amount * 100), 'paid once');
  await screenshot(outcomes[0] === 'done' ? b : a, 'payment-paid-elsewhere-zh');
  await a.close();
  await b.close();
});

test('a reseller is told balance payment is not theirs, and has no entry for it', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'cloudbridge_it' });
  assert.equal(await page.locator('[data-testid=nav-balance-payment]').count(), 0);
  await goInApp(page, '/sales/balance-payment');
  await page.locator('[data-testid=pay-not-available]').waitFor({ timeout: 15_000 });
  await page.close();
});
