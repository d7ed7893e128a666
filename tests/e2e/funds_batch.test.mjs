// S11 batch adjustment end to end against the sandbox (tier-1 distributor hz_distributor): a
// pasted list with bad lines explained line by line and kept, nothing sent before the
// confirmation; 200 customers sent with faults injected into A1 (answers lost after the commit,
// a timeout, plain 500s, a dropped connection) — each customer adjusted exactly once and the A3
// records adding up to what left the partner's account; a reload in the middle resumed by
// checking the records first; a CSV file for a reseller's customers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, goInApp, openBrowser, screenshot, signIn, startSandbox, toEnglish } from './lib/harness.mjs';

const C1 = '/v2/partners/sub-customers/query';
const R2 = '/v2/accounts/partner-accounts/balances';
const A1 = '/v2/accounts/partner-accounts/adjust-amount';
const A3 = '/v3/accounts/partner-accounts/adjust-records';
const A4 = '/v2/accounts/customer-accounts/balances/batch-query';
const ALLOCATE = 'SOURCE_OPERATION_BEADJUST';
const RECLAIM = 'SOURCE_OPERATION_BERETRIEVE';
const BATCH = '/sales/customer-funds/batch';

let sandbox;
let browser;
let token;
let resale = [];

before(async () => {
  // A short client timeout keeps the "answer later than the timeout" fault cheap.
  sandbox = await startSandbox({ customers: 900, extraArgs: ['--app-config', 'request_timeout_ms=4000'] });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
  for (let offset = 0; resale.length < 300; offset += 100) {
    const r = await api('POST', C1, { association_type: '2', offset, limit: 100 });
    if (r.customer_infos.length === 0) break;
    resale.push(...r.customer_infos.map((c) => c.customer_id));
  }
  assert.ok(resale.length >= 260, `enough resale customers (${resale.length})`);
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);
const cents = (x) => Math.round(Number(x) * 100);

async function balances(ids, indirect) {
  const out = new Map();
  for (let i = 0; i < ids.length; i += 100) {
    const body = { customer_infos: ids.slice(i, i + 100).map((customer_id) => ({ customer_id })) };
    if (indirect) body.indirect_partner_id = indirect;
    for (const b of (await api('POST', A4, body)).customer_balances) out.set(b.customer_id, cents(b.amount));
  }
  return out;
}

async function allocatable() {
  const cash = (await api('GET', R2)).account_balances.find((a) => a.account_type === 1);
  return cents(cash.amount) - cents(cash.designated_amount ?? 0);
}

/** The sandbox's business clock: A3 records of a test are at or after it. */
const clock = async () => (await sandbox.control('GET', '/__sandbox/voucher-clock')).now;

async function recordsSince(customerId, operation, since, indirect) {
  let q = `${A3}?customer_id=${customerId}&operation_type=${operation}&operation_time_begin=${since}&limit=100`;
  if (indirect) q += `&indirect_partner_id=${indirect}`;
  return (await api('GET', q)).records;
}

async function a1Calls() {
  const r = await sandbox.control('GET', '/__sandbox/requests');
  return r.by_route[`POST ${A1}`] ?? 0;
}

async function openBatch(page) {
  await goInApp(page, BATCH);
  await page.locator('[data-testid=page-funds-batch]').waitFor({ timeout: 15_000 });
}

async function sendAll(page, expected, timeout = 120_000) {
  await page.click('[data-testid=batch-review]');
  const card = page.locator('[data-testid=batch-review-card]');
  await card.waitFor({ timeout: 20_000 });
  assert.equal(await card.getAttribute('data-send'), String(expected));
  await page.click('[data-testid=batch-confirm]');
  await page.waitForSelector('[data-testid=batch-progress][data-state=done]', { timeout });
}

const progress = async (page, name) => Number(await page.getAttribute('[data-testid=batch-progress]', `data-${name}`));

test('bad lines are explained line by line and kept; nothing is sent before the confirmation', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-customer-funds]');
  await page.click('[data-testid=tab-funds-batch]');
  await page.locator('[data-testid=page-funds-batch]').waitFor({ timeout: 15_000 });

  const referral = (await api('POST', C1, { association_type: '1', limit: 1 })).customer_infos[0].customer_id;
  const pool = resale.slice(240, 260);
  const held = await balances(pool);
  const rich = pool.filter((id) => (held.get(id) ?? 0) >= 100);
  assert.ok(rich.length >= 2, 'two resale customers with a balance');
  const [a, b, c, d] = pool.filter((id) => !rich.slice(0, 2).includes(id));
  const [over, back] = rich;
  const text = [
    '客户ID\t金额',
    `${a}\t10`,
    `${a}\t5`,
    `${referral}\t10`,
    `${b}\t12.345`,
    `${c}\tabc`,
    `${over}\t${(held.get(over) + 100) / 100}\t回收`,
    `${d}\t3\tsideways`,
    `${back}\t0.01\t-`,
  ].join('\n');
  await page.click('[data-testid=batch-review]');
  await page.locator('[data-testid=batch-empty]').waitFor();
  await page.fill('[data-testid=batch-text]', text);
  const calls0 = await a1Calls();
  await page.click('[data-testid=batch-review]');
  const card = page.locator('[data-testid=batch-review-card]');
  await card.waitFor({ timeout: 20_000 });
  assert.equal(await card.getAttribute('data-send'), '2');
  assert.equal(await card.getAttribute('data-refused'), '6');
  const results = await page.$$eval('[data-testid=batch-review-table] [data-testid=review-result]', (els) =>
    els.map((e) => e.dataset.result),
  );
  assert.deepEqual(results, ['send', 'duplicate', 'no-account', 'bad-amount', 'bad-amount', 'over-balance', 'bad-direction', 'send']);
  await screenshot(page, 'funds-batch-review-zh');
  await page.click('[data-testid=batch-back]');
  assert.equal(await page.inputValue('[data-testid=batch-text]'), text, 'the list is kept');
  assert.equal(await a1Calls(), calls0, 'nothing was sent');

  await toEnglish(page);
  await page.click('[data-testid=batch-review]');
  await card.waitFor({ timeout: 20_000 });
  await screenshot(page, 'funds-batch-review-en');
  await page.click('[data-testid=batch-confirm]');
  await page.waitForSelector('[data-testid=batch-progress][data-state=done]', { timeout: 30_000 });
  assert.equal(await progress(page, 'done'), 2);
  const after = await balances([a, back]);
  assert.equal(after.get(a), (held.get(a) ?? 0) + 1000);
  assert.equal(after.get(back), held.get(back) - 1);
  await screenshot(page, 'funds-batch-done-en');
  assertNoPageErrors(page);
  await page.close();
});

test('200 customers with faults injected into A1: each adjusted once, and the A3 records add up', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await signIn(page, sandbox.appUrl);
  await openBatch(page);
  const customers = resale.slice(0, 200);
  const amountOf = (i) => 100 + i; // cents: 1.00, 1.01, … 2.99
  await page.fill('[data-testid=batch-text]', customers.map((id, i) => `${id},${(amountOf(i) / 100).toFixed(2)}`).join('\n'));
  const since = await clock();
  const [free0, held0] = [await allocatable(), await balances(customers)];
  await sandbox.faults({
    fail_next: [
      { kind: 'commit_then_fail', method: 'POST', path_prefix: A1, skip: 10 },
      { kind: 'commit_then_delay', method: 'POST', path_prefix: A1, skip: 40, delay_ms: 6000 },
      { kind: 'server_error', method: 'POST', path_prefix: A1, skip: 80 },
      { kind: 'commit_then_drop', method: 'POST', path_prefix: A1, skip: 120 },
      { kind: 'drop', method: 'POST', path_prefix: A1, skip: 160 },
      { kind: 'commit_then_fail', method: 'POST', path_prefix: A1, skip: 199 },
    ],
  });
  await sandbox.control('DELETE', '/__sandbox/requests');
  try {
    await sendAll(page, 200, 240_000);
  } finally {
    await sandbox.clearFaults();
  }
  assert.equal(await progress(page, 'done'), 200);
  assert.equal(await progress(page, 'failed'), 0);
  assert.equal(await progress(page, 'extra'), 0);
  const calls = await a1Calls();
  // One call a customer, plus a resend for each fault that did not commit (500, drop).
  assert.ok(calls >= 200 && calls <= 202, `A1 calls: ${calls}`);

  let total = 0;
  const held = await balances(customers);
  for (const [i, id] of customers.entries()) {
    const recs = await recordsSince(id, ALLOCATE, since);
    assert.equal(recs.length, 1, `${id}: one allocation record`);
    assert.equal(cents(recs[0].amount), amountOf(i), `${id}: its amount`);
    assert.equal(held.get(id), (held0.get(id) ?? 0) + amountOf(i), `${id}: its balance`);
    total += cents(recs[0].amount);
  }
  const expected = customers.reduce((s, _, i) => s + amountOf(i), 0);
  assert.equal(total, expected, 'the A3 records add up to the list');
  assert.equal(await allocatable(), free0 - expected, 'what left the partner account');
  await screenshot(page, 'funds-batch-faults-zh');
  assertNoPageErrors(page);
  await page.close();
});

test('a reload in the middle is resumed by checking the records first, never by another tab: nobody adjusted twice', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { stay: true });
  await openBatch(page);
  const customers = resale.slice(200, 230);
  await page.fill('[data-testid=batch-text]', customers.map((id) => `${id}\t2.50`).join('\n'));
  const since = await clock();
  await sandbox.faults({ latency_ms: 300 });
  try {
    await page.click('[data-testid=batch-review]');
    await page.locator('[data-testid=batch-review-card]').waitFor({ timeout: 20_000 });
    await page.click('[data-testid=batch-confirm]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=batch-progress]')?.dataset.done) >= 5, null, { timeout: 60_000 });
    // Another tab of the same browser sees the saved plan but must not offer to run it too.
    const other = await page.context().newPage();
    other.consoleErrors = [];
    other.pageErrors = [];
    other.on('pageerror', (e) => other.pageErrors.push(e.stack || String(e)));
    await signIn(other, sandbox.appUrl);
    await openBatch(other);
    await other.locator('[data-testid=batch-entry]').waitFor();
    assert.equal(await other.locator('[data-testid=batch-resume-notice]').count(), 0, 'not offered in another tab');
    await other.close();
    await page.reload();
    await page.locator('[data-testid=batch-resume-notice]').waitFor({ timeout: 20_000 });
    await screenshot(page, 'funds-batch-resume-zh');
    await page.click('[data-testid=batch-resume]');
    await page.waitForSelector('[data-testid=batch-progress][data-state=done]', { timeout: 120_000 });
  } finally {
    await sandbox.clearFaults();
  }
  assert.equal(await progress(page, 'done'), 30);
  for (const id of customers) {
    const recs = await recordsSince(id, ALLOCATE, since);
    assert.equal(recs.length, 1, `${id}: allocated once`);
    assert.equal(recs[0].amount, '2.50');
  }
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pc.funds-batch.')).length);
  assert.equal(left, 0, 'a finished plan is forgotten');
  await page.close();
});

test('a CSV file for one of the reseller\'s customers: allocating and reclaiming for them', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openBatch(page);
  const profile = await api('GET', '/v2/partners/profile');
  const reseller = profile.indirect_partners[0];
  const theirs = (await api('POST', C1, { association_type: '2', indirect_partner_id: reseller.indirect_partner_id, limit: 3 })).customer_infos.map((c) => c.customer_id);
  assert.equal(theirs.length, 3);
  const held = await balances(theirs, reseller.indirect_partner_id);
  const reclaimFrom = theirs.find((id) => (held.get(id) ?? 0) >= 100);
  const since = await clock();
  const lines = ['客户ID,金额,方向', `${theirs[0]},"1,000.00",拨款`, `${theirs[1]},20,allocate`];
  if (reclaimFrom && reclaimFrom !== theirs[0] && reclaimFrom !== theirs[1]) lines.push(`${reclaimFrom},0.50,回收`);
  const csv = Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
  await page.selectOption('[data-testid=batch-reseller]', reseller.indirect_partner_id);
  await page.setInputFiles('[data-testid=batch-file]', { name: 'adjust.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForSelector('[data-testid=batch-file-note][data-result=file-read]');
  assert.match(await page.inputValue('[data-testid=batch-text]'), new RegExp(theirs[0]));
  await sendAll(page, lines.length - 1, 30_000);
  assert.equal(await progress(page, 'done'), lines.length - 1);
  const first = await recordsSince(theirs[0], ALLOCATE, since, reseller.indirect_partner_id);
  assert.deepEqual(first.map((r) => r.amount), ['1000.00']);
  if (lines.length === 4) {
    const back = await recordsSince(reclaimFrom, RECLAIM, since, reseller.indirect_partner_id);
    assert.deepEqual(back.map((r) => r.amount), ['0.50']);
  }
  // Not a file at all: refused with the reason, the list left as it was.
  await page.click('[data-testid=batch-new]');
  await page.fill('[data-testid=batch-text]', 'kept');
  await page.setInputFiles('[data-testid=batch-file]', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await page.waitForSelector('[data-testid=batch-file-note][data-result=not-text]');
  assert.equal(await page.inputValue('[data-testid=batch-text]'), 'kept');
  assertNoPageErrors(page);
  await page.close();
});
