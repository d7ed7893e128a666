// S4 issuance robustness, end to end: 250 whitelisted customers with faults injected into the
// V2 calls (commit then 5xx, commit then an answer later than the client's timeout, a plain
// failure, commit then a cut after the headers) → exactly one new voucher per customer, checked
// through the API (V3/V5) and on the sandbox's request counter, and the UI's result table agrees;
// a reload while a batch is in flight resumes without duplicates; a POST that Chromium resent by
// itself (connection closed before any answer byte) is found by "Check for duplicates" and the
// extra coupon is reclaimed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const QUOTA = 'QT260105000001';
const COUPONS = '/v2/promotions/benefits/partner-coupons';
const RECORDS = `${COUPONS}/records/query`;
// The client gives up after this long; commit_then_delay answers later than that.
const TIMEOUT_MS = 1500;

let sandbox;
let browser;
let token;
const whitelist = [];
const used = new Set();

before(async () => {
  sandbox = await startSandbox({ customers: 2000, extraArgs: ['--app-config', `request_timeout_ms=${TIMEOUT_MS}`] });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
  for (let offset = 0; ; offset += 100) {
    const r = await api('GET', `/v2/partners/coupon-whitelist/entries?offset=${offset}&limit=100`);
    whitelist.push(...r.entries);
    if (r.entries.length === 0 || whitelist.length >= r.total_count) break;
  }
  assert.ok(whitelist.length >= 420, `whitelist has ${whitelist.length} entries`);
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);

function fresh(n) {
  const out = whitelist.filter((e) => !used.has(e.customer_id)).slice(0, n);
  assert.equal(out.length, n, 'enough whitelisted customers');
  out.forEach((e) => used.add(e.customer_id));
  return out;
}

const balance = async () => Number((await api('POST', '/v2/partners/coupon-quotas/query', { quota_ids: [QUOTA] })).quotas[0].balance);

/** V2 POSTs the sandbox received (a browser's own resends included). */
async function v2Posts() {
  const c = await sandbox.control('GET', '/__sandbox/requests');
  return c.by_route[`POST ${COUPONS}`] || 0;
}

/** Successful issue records (V5) of the quota with this face value, all pages: customer → coupon ids. */
async function issuedByRecords(face) {
  const out = new Map();
  for (let offset = 0; ; offset += 100) {
    const r = await api('GET', `${RECORDS}?quota_id=${QUOTA}&operation_types=1&result=0&offset=${offset}&limit=100`);
    for (const rec of r.records) {
      if (Number(rec.operation_amount) !== face) continue;
      out.set(rec.customer_id, [...(out.get(rec.customer_id) || []), rec.coupon_id]);
    }
    if (r.records.length === 0 || offset + r.records.length >= r.total_count) return out;
  }
}

/** Coupons of one customer with this face value (V3). */
async function couponsOf(customerId, face) {
  const r = await api('GET', `${COUPONS}?customer_id=${encodeURIComponent(customerId)}&limit=100&offset=0`);
  return r.user_coupons.filter((c) => Number(c.face_value) === face);
}

/** Opens the issue page, picks the quota and face value, and adds the customers through the paste box. */
async function prepare(page, face, customers) {
  await page.click('[data-testid=nav-issue-vouchers]');
  await page.locator(`[data-testid=quota-option][data-quota=${QUOTA}]`).waitFor({ timeout: 15_000 });
  await page.click(`[data-testid=quota-option][data-quota=${QUOTA}]`);
  await page.fill('[data-testid=face-value]', String(face));
  await page.fill('[data-testid=paste-input]', customers.map((e) => e.account_name).join('\n'));
  await page.click('[data-testid=paste-check]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=paste-result][data-outcome=found]').length === n, customers.length, { timeout: 60_000 });
  assert.equal(await page.getAttribute('[data-testid=chosen-customers]', 'data-count'), String(customers.length));
}

async function waitDone(page, timeout = 60_000) {
  await page.waitForFunction(() => document.querySelector('[data-testid=issue-progress]')?.dataset.state === 'done', null, { timeout });
}

async function results(page) {
  return page.$$eval('[data-testid=result-row]', (rows) =>
    rows.map((r) => ({ customer: r.dataset.customer, state: r.dataset.state, detail: r.querySelector('[data-testid=result-detail]').textContent.trim() })),
  );
}

test('250 customers, faults in the V2 calls: exactly one voucher each (V3/V5), the result table agrees', async () => {
  const face = 21.37;
  const customers = fresh(250);
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await prepare(page, face, customers);
  const before = await balance();
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === COUPONS) posts.push(r.postDataJSON().customer_ids.length);
  });
  // Batches of 100, 100, 50. The V2 POSTs in order: batch 1 is issued and answered 500;
  // batch 2 is issued and answered after the client gave up; batch 3 fails without issuing
  // anything (500); its resend is issued and the connection is cut after the headers.
  const post = (kind, extra = {}) => ({ kind, count: 1, method: 'POST', path_prefix: COUPONS, ...extra });
  await sandbox.faults({
    fail_next: [post('commit_then_fail'), post('commit_then_delay', { delay_ms: TIMEOUT_MS + 2500 }), post('server_error'), post('commit_then_drop')],
  });
  await sandbox.control('DELETE', '/__sandbox/requests');
  await page.click('[data-testid=issue-submit]');
  await page.click('[data-testid=review-confirm]');
  await waitDone(page);

  // The sandbox: one coupon per customer, each in the V5 records and in V3, and no more.
  const byCustomer = await issuedByRecords(face);
  assert.equal(byCustomer.size, 250);
  for (const e of customers) assert.deepEqual(byCustomer.get(e.customer_id)?.length, 1, e.account_name);
  assert.equal((await balance()).toFixed(2), (before - 250 * face).toFixed(2));
  for (const e of customers) assert.equal((await couponsOf(e.customer_id, face)).length, 1, e.account_name);
  // Four POSTs and no more: nothing was resent, by the app or by the browser.
  assert.deepEqual(posts, [100, 100, 50, 50]);
  assert.equal(await v2Posts(), 4);
  const faults = await sandbox.control('GET', '/__sandbox/faults');
  assert.deepEqual(faults.fail_next, [], 'every injected fault was used');

  // The UI: 250 issued, none failed or unknown, no extra; rows name the coupon the server holds.
  const progress = page.locator('[data-testid=issue-progress]');
  assert.deepEqual(
    await progress.evaluate((el) => [el.dataset.issued, el.dataset.failed, el.dataset.unknown, el.dataset.pending, el.dataset.extra]),
    ['250', '0', '0', '0', '0'],
  );
  const rows = await results(page);
  assert.equal(rows.length, 250);
  assert.ok(rows.every((r) => r.state === 'issued'));
  for (const i of [0, 57, 99, 100, 150, 199, 200, 230, 249]) {
    const r = rows[i];
    assert.equal(r.customer, customers[i].customer_id);
    assert.equal(r.detail, byCustomer.get(r.customer)[0], `row ${i}`);
  }
  assert.match(await page.textContent('[data-testid=progress-text]'), /250 \/ 250/);
  await screenshot(page, 'issuance-250-faults-zh');
  // Nothing to retry; checking the records finds no extra coupon.
  assert.ok(await page.isDisabled('[data-testid=retry-failed]'));
  await page.click('[data-testid=check-duplicates]');
  await page.locator('[data-testid=duplicates-none]').waitFor();
  assertNoPageErrors(page);
  await page.context().close();
});

test('a reload while a batch is in flight resumes by reconciling: no duplicates, nothing resent', async () => {
  const face = 22.48;
  const customers = fresh(150);
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, sandbox.appUrl, { stay: true });
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await prepare(page, face, customers);
  await sandbox.control('DELETE', '/__sandbox/requests');
  // Batch 1 is issued at once but answered only after 8 s; the page is reloaded meanwhile.
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_delay', count: 1, method: 'POST', path_prefix: COUPONS, delay_ms: 8000 }] });
  await page.click('[data-testid=issue-submit]');
  await page.click('[data-testid=review-confirm]');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-row][data-state=sending]'));
  for (let i = 0; i < 50 && (await v2Posts()) < 1; i++) await page.waitForTimeout(50);
  assert.equal(await v2Posts(), 1);
  await page.reload();
  await page.locator('[data-testid=resume-notice]').waitFor({ timeout: 15_000 });
  assert.match(await page.textContent('[data-testid=resume-notice]'), /150 customers/);
  await screenshot(page, 'issuance-resume-en');
  await page.click('[data-testid=resume-plan]');
  await waitDone(page);
  const rows = await results(page);
  assert.equal(rows.filter((r) => r.state === 'issued').length, 150);
  // Batch 1 was reconciled (found issued), only batch 2 was sent: two POSTs in all.
  assert.equal(await v2Posts(), 2);
  const byCustomer = await issuedByRecords(face);
  assert.equal(byCustomer.size, 150);
  for (const e of customers) assert.equal(byCustomer.get(e.customer_id)?.length, 1, e.account_name);
  assertNoPageErrors(page);
  await page.context().close();
});

test('Chromium resends a POST whose reused connection closed before any answer byte: the extra coupon is found and reclaimed', async () => {
  const face = 23.59;
  const customers = fresh(3);
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, sandbox.appUrl);
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await prepare(page, face, customers);
  await sandbox.control('DELETE', '/__sandbox/requests');
  const before = await balance();
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_reset', count: 1, method: 'POST', path_prefix: COUPONS }] });
  await page.click('[data-testid=issue-submit]');
  await page.click('[data-testid=review-confirm]');
  await waitDone(page);
  // The page got a clean answer, but the server received the POST twice (the connection was
  // reused from the paste-box reads, so Chromium resent it without telling the page).
  assert.equal(await v2Posts(), 2, 'Chromium resent the POST');
  assert.deepEqual((await results(page)).map((r) => r.state), ['issued', 'issued', 'issued']);
  assert.equal(await page.getAttribute('[data-testid=issue-progress]', 'data-extra'), '0', 'nothing seen yet');
  for (const e of customers) assert.equal((await couponsOf(e.customer_id, face)).length, 2, 'issued twice');

  // "Check for duplicates" reads the records back and shows each extra coupon on its row.
  await page.click('[data-testid=check-duplicates]');
  await page.locator('[data-testid=extra-found]').waitFor();
  assert.match(await page.textContent('[data-testid=extra-found]'), /3 extra coupons/);
  const extras = page.locator('[data-testid=extra-coupon][data-reclaimed=false]');
  assert.equal(await extras.count(), 3);
  await screenshot(page, 'issuance-extra-found-en');
  for (const e of customers) {
    const kept = await page.textContent(`[data-testid=result-row][data-customer="${e.customer_id}"] [data-testid=result-main]`);
    const extra = await page.getAttribute(`[data-testid=result-row][data-customer="${e.customer_id}"] [data-testid=extra-coupon]`, 'data-coupon');
    assert.notEqual(kept, extra);
    const both = (await couponsOf(e.customer_id, face)).map((c) => c.coupon_id).sort();
    assert.deepEqual(both, [kept, extra].sort());
  }
  // Reclaim them one by one (V4): each row says so and the quota gets the money back.
  for (let i = 0; i < 3; i++) {
    await page.locator('[data-testid=reclaim-extra]').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=extra-coupon][data-reclaimed=true]').length === n, i + 1);
  }
  assert.equal(await page.locator('[data-testid=extra-found]').count(), 0, 'nothing left to review');
  for (const e of customers) {
    const cs = await couponsOf(e.customer_id, face);
    assert.deepEqual(cs.map((c) => c.status).sort(), [2, 5], e.account_name);
  }
  assert.equal((await balance()).toFixed(2), (before - 3 * face).toFixed(2));
  await screenshot(page, 'issuance-extra-reclaimed-en');
  await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.match(await page.textContent('[data-testid=extra-coupon]'), /多发的券/);
  await screenshot(page, 'issuance-extra-reclaimed-zh');
  assertNoPageErrors(page);
  await page.context().close();
});
