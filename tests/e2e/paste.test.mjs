// The "Add customers" paste box resolves pasted lines in bulk (POST .../coupon-whitelist/resolve,
// 1,000 keys a call): every line gets its own result (added / not whitelisted / not your
// customer / duplicate), the request counter shows two calls for ~1,100 distinct keys, and a
// failed call marks its lines "lookup failed" (nothing silently dropped) until checked again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const RESOLVE = '/v2/partners/coupon-whitelist/resolve';

let sandbox;
let browser;
let token;
const whitelist = [];
const outside = [];
const resellers = [];

before(async () => {
  sandbox = await startSandbox({ customers: 2000 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
  for (let offset = 0; ; offset += 100) {
    const r = await api('GET', `/v2/partners/coupon-whitelist/entries?offset=${offset}&limit=100`);
    whitelist.push(...r.entries);
    if (r.entries.length === 0 || whitelist.length >= r.total_count) break;
  }
  assert.ok(whitelist.length >= 300, `whitelist has ${whitelist.length} entries`);
  const wl = new Set(whitelist.map((e) => e.customer_id));
  for (let offset = 0; outside.length < 30 && offset < 2000; offset += 100) {
    const r = await api('POST', '/v2/partners/sub-customers/opportunities/query', { offset, limit: 100 });
    // A distributor's whitelist holds its direct customers; its resellers' customers are not its own.
    outside.push(...r.customer_opportunities.filter((c) => !wl.has(c.customer_id) && !c.indirect_partner_id));
    resellers.push(...r.customer_opportunities.filter((c) => c.indirect_partner_id));
  }
  assert.ok(outside.length >= 30, 'customers of the partner outside the whitelist');
  outside.length = 30;
  assert.ok(resellers.length >= 10, 'customers of resellers');
  resellers.length = 10;
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);

async function openIssue(page) {
  await page.click('[data-testid=nav-issue-vouchers]');
  await page.locator('[data-testid=paste-input]').waitFor({ timeout: 15_000 });
}

async function check(page, lines) {
  await page.fill('[data-testid=paste-input]', lines.join('\n'));
  await page.click('[data-testid=paste-check]');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=paste-result]').length === n && !document.querySelector('[data-testid=paste-check]').disabled,
    lines.length,
    { timeout: 30_000 },
  );
  return page.$$eval('[data-testid=paste-result]', (rows) => rows.map((r) => [r.dataset.line, r.dataset.outcome]));
}

test('a paste of ~1,200 lines: a result per line, in two resolve calls', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openIssue(page);
  const w = whitelist.slice(0, 300);
  const strangers = Array.from({ length: 800 }, (_, i) => `nobody-${String(i).padStart(3, '0')}`);
  const lines = [
    ...w.slice(0, 250).map((e) => e.account_name),
    ...w.slice(250).map((e) => e.customer_id),
    ...w.slice(0, 20).map((e) => e.account_name.toUpperCase()),
    ...w.slice(20, 30).map((e) => e.customer_id),
    ...outside.map((c) => c.account_name),
    ...resellers.map((c) => c.account_name),
    ...strangers,
    'x'.repeat(65),
  ];
  const expected = [
    ...Array(300).fill('found'),
    ...Array(30).fill('duplicate'),
    ...Array(30).fill('not-whitelisted'),
    ...Array(811).fill('not-yours'),
  ];
  await sandbox.control('DELETE', '/__sandbox/requests');
  const got = await check(page, lines);
  assert.deepEqual(got.map((r) => r[0]), lines);
  assert.deepEqual(got.map((r) => r[1]), expected);
  assert.equal(await page.getAttribute('[data-testid=chosen-customers]', 'data-count'), '300');
  assert.match(await page.textContent('[data-testid=paste-summary]'), /^300 × .* · 30 × .* · 811 × .* · 30 × /);
  for (const c of outside) assert.equal(await page.locator(`[data-testid=chosen][data-customer="${c.customer_id}"]`).count(), 0);

  // 1,150 distinct keys: two resolve calls (and their preflights), nothing else.
  const c = await sandbox.control('GET', '/__sandbox/requests');
  assert.equal(c.by_route[`POST ${RESOLVE}`], 2, JSON.stringify(c.by_route));
  for (const route of Object.keys(c.by_route)) assert.ok(route === `POST ${RESOLVE}` || route.startsWith('OPTIONS '), route);
  assert.ok(c.total <= 4, JSON.stringify(c));

  // Pasting the same again: everyone found is now already chosen.
  const again = await check(page, lines.slice(0, 5));
  assert.deepEqual(again.map((r) => r[1]), Array(5).fill('duplicate'));
  await screenshot(page, 'vouchers-paste-zh');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a failed resolve call: its lines say "lookup failed", the rest are added; checking again adds them', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await openIssue(page);
  const w = whitelist.slice(0, 10);
  const strangers = Array.from({ length: 1000 }, (_, i) => `stranger-${i}`);
  // Keys 1..1000 go in the first call, the last ten whitelisted ones in the second, which fails.
  const lines = [...strangers, ...w.map((e) => e.account_name)];
  await sandbox.faults({ fail_next: [{ kind: 'server_error', count: 1, method: 'POST', path_prefix: RESOLVE, skip: 1 }] });
  const got = await check(page, lines);
  assert.deepEqual(got.slice(0, 1000).map((r) => r[1]), Array(1000).fill('not-yours'));
  assert.deepEqual(got.slice(1000).map((r) => r[1]), Array(10).fill('failed'));
  assert.match(await page.textContent('[data-testid=paste-results] li[data-outcome=failed]'), /lookup failed; not added/);
  assert.equal(await page.textContent('[data-testid=paste-summary]'), '1000 × not your customer · 10 × lookup failed; not added — check again');
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 1);
  assert.equal(await page.getAttribute('[data-testid=chosen-customers]', 'data-count'), '0');
  // The pasted text is kept; checking again adds them.
  assert.equal((await page.inputValue('[data-testid=paste-input]')).split('\n').length, lines.length);
  await screenshot(page, 'vouchers-paste-failed-en');
  await page.click('[data-testid=paste-check]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=paste-result][data-outcome=found]').length === 10, null, { timeout: 30_000 });
  assert.equal(await page.getAttribute('[data-testid=chosen-customers]', 'data-count'), '10');
  await page.context().close();
});
