// S8 voucher quotas and S9 operation records, end to end against the sandbox: a tier-1 issues
// quota to resellers (one refused: partial success per row; a lost answer reconciled from Q4,
// never sent twice), reclaims with a confirmation stating the amount, reads every operation and
// one quota's log (filters in the URL, CSV export); a tier-2 reseller sees only its own quotas;
// a service partner sees no quota pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const D1 = 'QT260105000001';
const CLOUDBRIDGE = 'd6e50f10bc1f383f07731d885210b65e';
const DEEPBLUE = '119d45c8de3cf9065b611461032544f1';
const NIMBUS = 'c826384893b3711f37b5fa89dd5013cb';
const Q1 = '/v2/partners/coupon-quotas/indirect-partner-adjust';
const Q3 = '/v2/partners/issued-coupon-quotas';
const Q4 = '/v2/partners/coupon-quotas/records';

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

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);

/** Child quotas of D1 issued to one reseller with this amount (Q3). */
async function childQuotas(reseller, amount) {
  const r = await api('GET', `${Q3}?parent_quota_id=${D1}&indirect_partner_id=${reseller}&limit=100&offset=0`);
  return r.quotas.filter((q) => Number(q.quota_value) === amount);
}

async function ownBalance(id) {
  const r = await api('POST', '/v2/partners/coupon-quotas/query', { quota_ids: [id] });
  return Number(r.quotas[0].balance);
}

/** In-app navigation (keeps the session, which lives in memory). */
async function goInApp(page, path) {
  await page.evaluate((p) => {
    const a = document.createElement('a');
    a.href = p;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, path);
}

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

async function openQuotas(page) {
  await page.click('[data-testid=nav-quotas]');
  await page.locator('[data-testid=page-quotas]').waitFor();
}

async function openIssueDialog(page) {
  await page.click('[data-testid=open-issue-quota]');
  await page.locator(`[data-testid=source-quota][data-quota=${D1}]`).waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=reseller-option]').first().waitFor();
}

const rowOf = (page, table, text) => page.locator(`[data-testid=${table}] tbody tr[data-testid=row]`, { hasText: text });

test('tier-1 issues quota to two resellers: bad input is explained and kept, one reseller fails, each row shows its result', async () => {
  await sandbox.control('POST', '/__sandbox/exiting-resellers', { indirect_partner_ids: [DEEPBLUE] });
  const before = await ownBalance(D1);
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openQuotas(page);
  await rowOf(page, 'issued-quotas-table', 'QT260215100001').waitFor({ timeout: 15_000 });
  await screenshot(page, 'quotas-issued-zh');

  await openIssueDialog(page);
  // Nothing chosen: every field says what is missing, in Chinese.
  await page.click('[data-testid=issue-quota-submit]');
  assert.match(await page.textContent('[data-testid=source-error]'), /来源额度/);
  assert.match(await page.textContent('[data-testid=resellers-error]'), /至少选择一个经销商/);
  assert.match(await page.textContent('[data-testid=amount-error]'), /数字金额/);
  // Unusable sources are shown but cannot be picked.
  assert.equal(await page.getAttribute('[data-testid=source-quota][data-quota=QT260901000006]', 'data-usable'), 'false');
  await page.click(`[data-testid=source-quota][data-quota=${D1}]`);
  await page.click(`[data-testid=reseller-option][data-reseller="${CLOUDBRIDGE}"] input`);
  // Search narrows the list (R1 account_name); the choice is kept across searches.
  await page.fill('[data-testid=reseller-search]', 'deepblue');
  await page.click('[data-testid=reseller-search-go]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=reseller-option]').length === 1);
  await page.click(`[data-testid=reseller-option][data-reseller="${DEEPBLUE}"] input`);
  assert.match(await page.textContent('[data-testid=reseller-count]'), /2/);
  await page.fill('[data-testid=quota-amount]', '12.345');
  assert.match(await page.textContent('[data-testid=amount-error]'), /两位小数/);
  // More than the balance: prevented, with both amounts, and the input stays.
  await page.fill('[data-testid=quota-amount]', '400000');
  await page.click('[data-testid=issue-quota-submit]');
  assert.match(await page.textContent('[data-testid=over-balance-error]'), /超过了来源额度的余额/);
  assert.equal(await page.inputValue('[data-testid=quota-amount]'), '400000');
  await screenshot(page, 'quotas-issue-dialog-errors-zh');

  await page.fill('[data-testid=quota-amount]', '1234.5');
  assert.equal(
    (await page.textContent('[data-testid=issue-quota-total]')).trim(),
    '2 × CNY 1,234.50 = CNY 2,469.00',
  );
  await page.click('[data-testid=issue-quota-submit]');
  await page.locator('[data-testid=issue-quota-results]').waitFor({ timeout: 15_000 });
  const ok = page.locator(`[data-testid=issue-quota-result][data-reseller="${CLOUDBRIDGE}"]`);
  const bad = page.locator(`[data-testid=issue-quota-result][data-reseller="${DEEPBLUE}"]`);
  assert.equal(await ok.getAttribute('data-state'), 'issued');
  assert.equal(await bad.getAttribute('data-state'), 'failed');
  assert.match(await bad.textContent(), /正在退出.*CBC\.50010105/);
  await screenshot(page, 'quotas-issue-results-zh');

  // The sandbox agrees: one new quota for cloudbridge, none for deepblue, D1 charged once.
  const issued = await childQuotas(CLOUDBRIDGE, 1234.5);
  assert.equal(issued.length, 1);
  assert.match(await ok.textContent(), new RegExp(issued[0].quota_id));
  assert.equal((await childQuotas(DEEPBLUE, 1234.5)).length, 0);
  assert.equal(await ownBalance(D1), before - 1234.5);

  // Closing shows the refreshed list with the new quota.
  await page.click('[data-testid=issue-quota-close]');
  await rowOf(page, 'issued-quotas-table', issued[0].quota_id).waitFor();
  await sandbox.control('POST', '/__sandbox/exiting-resellers', { indirect_partner_ids: [] });
  assertNoPageErrors(page);
  await page.context().close();
});

// A 500 after the sandbox processed Q1, and a 500 before it did: the page cannot tell them
// apart from the answer, so both are reconciled from Q4. (Dropped connections are not used:
// Chromium transparently resends a POST whose reused connection closed without an answer, so
// the page never sees the drop, and with commit_then_drop the sandbox processes Q1 twice.)
for (const [kind, amount, committed] of [
  ['commit_then_fail', '321.09', true],
  ['server_error', '321.29', false],
]) {
  test(`a lost Q1 answer (${kind}) is reconciled from the Q4 records: nothing is sent twice`, async () => {
    const page = await browser.newPage();
    await signIn(page, sandbox.appUrl);
    await openQuotas(page);
    await openIssueDialog(page);
    await page.click(`[data-testid=source-quota][data-quota=${D1}]`);
    await page.click(`[data-testid=reseller-option][data-reseller="${CLOUDBRIDGE}"] input`);
    await page.click(`[data-testid=reseller-option][data-reseller="${NIMBUS}"] input`);
    await page.fill('[data-testid=quota-amount]', amount);
    const calls = [];
    page.on('request', (r) => r.url().includes(Q1) && calls.push(r.method()));
    await sandbox.faults({ fail_next: [{ kind, path_prefix: Q1 }] });
    await page.click('[data-testid=issue-quota-submit]');
    await page.locator('[data-testid=issue-quota-results]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getAttribute('[data-testid=issue-quota-results]', 'data-reconciled'), 'true');
    for (const r of [CLOUDBRIDGE, NIMBUS]) {
      const row = `[data-testid=issue-quota-result][data-reseller="${r}"]`;
      assert.equal(await page.getAttribute(row, 'data-state'), committed ? 'issued' : 'failed');
      assert.equal((await childQuotas(r, Number(amount))).length, committed ? 1 : 0, 'at most one quota per reseller');
      if (!committed) assert.ok((await page.textContent(row)).includes('未发放(已核对操作记录)'));
    }
    assert.deepEqual(calls.filter((m) => m === 'POST'), ['POST'], 'Q1 was sent once');
    await screenshot(page, `quotas-issue-reconciled-${kind}-zh`);
    await sandbox.clearFaults();
    assertNoPageErrors(page);
    await page.context().close();
  });
}

test('reclaim: the confirmation states the amount, then the list shows the quota reclaimed and the source refunded', async () => {
  const r = await api('POST', Q1, { quota_id: D1, indirect_partner_ids: [NIMBUS], quota_amount: 777 });
  const child = r.simple_quota_infos[0].quota_id;
  const before = await ownBalance(D1);
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openQuotas(page);
  const row = rowOf(page, 'issued-quotas-table', child);
  await row.waitFor({ timeout: 15_000 });
  await row.locator('[data-testid=action-reclaim]').click();
  const dialog = page.locator('[data-testid=quota-reclaim-dialog]');
  await dialog.waitFor();
  assert.match(await dialog.locator('[data-testid=quota-reclaim-summary]').textContent(), new RegExp(`${child}.*CNY 777\\.00`));
  await screenshot(page, 'quotas-reclaim-confirm-zh');
  // Cancel changes nothing.
  await page.click('[data-testid=quota-reclaim-cancel]');
  assert.equal(await ownBalance(D1), before);
  await row.locator('[data-testid=action-reclaim]').click();
  await page.fill('[data-testid=quota-reclaim-remark]', '年底回收');
  await page.click('[data-testid=quota-reclaim-confirm]');
  await page.waitForFunction(() => document.querySelector('[data-testid=quota-reclaim-results]')?.dataset.state === 'done');
  assert.equal(await page.getAttribute(`[data-testid=quota-reclaim-result][data-quota=${child}]`, 'data-ok'), 'true');
  // The refreshed row: reclaimed, nothing left.
  await page.waitForFunction(
    (id) => [...document.querySelectorAll('[data-testid=issued-quotas-table] tbody tr')].some(
      (tr) => tr.textContent.includes(id) && tr.querySelector('[data-testid=quota-status]')?.dataset.status === '6'),
    child,
  );
  assert.match(await row.textContent(), /CNY 0\.00/);
  assert.equal(await row.locator('[data-testid=action-reclaim]').count(), 0, 'a reclaimed quota offers no reclaim');
  assert.equal(await ownBalance(D1), before + 777);
  // The own-quotas tab shows the source quota's new balance.
  await page.click('[data-testid=tab-own]');
  const own = rowOf(page, 'own-quotas-table', D1);
  await own.waitFor();
  const grouped = (before + 777).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  assert.match(await own.textContent(), new RegExp(`CNY ${grouped.replace('.', '\\.')}`));
  await screenshot(page, 'quotas-own-zh');
  assertNoPageErrors(page);
  await page.context().close();
});

test('operation records: every quota operation with filters in the URL, one quota log from its row, CSV export', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openQuotas(page);
  await page.click('[data-testid=link-quota-records]');
  const table = page.locator('[data-testid=quota-records-table]');
  await table.locator('tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  const all = (await api('GET', `${Q4}?limit=1`)).total_count;
  assert.ok(all >= 10, `Q4 has ${all} records`);
  await screenshot(page, 'quota-records-zh');

  // Filter: reclaims only; the filter is in the URL and every row is a reclaim.
  await page.selectOption('[data-testid=filter-operation]', '11');
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/op=11/);
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=quota-records-table] tbody tr[data-testid=row]')];
    return rows.length > 0 && rows.every((r) => r.textContent.includes('回收额度'));
  });

  // CSV export of the filtered list, headers in Chinese.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  const reclaims = (await api('GET', `${Q4}?operation_type=11&limit=1`)).total_count;
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0], /操作类型/);
  assert.equal(lines.length - 1, reclaims);

  // One quota's log from its row: the issue and the reclaim of the seeded reclaimed quota.
  await page.click('[data-testid=link-back-quotas]');
  const row = rowOf(page, 'issued-quotas-table', 'QT260610100005');
  await row.waitFor({ timeout: 15_000 });
  await row.locator('[data-testid=action-records]').click();
  await page.waitForURL(/quota=QT260610100005/);
  await page.locator('[data-testid=records-quota-filter][data-quota=QT260610100005]').waitFor();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=quota-records-table] tbody tr[data-testid=row]')];
    return rows.length === 2 && rows.every((r) => r.textContent.includes('QT260610100005'));
  });
  assert.equal(await page.inputValue('[data-testid=filter-quota]'), 'QT260610100005');
  assert.equal(await page.inputValue('[data-testid=filter-reseller]'), CLOUDBRIDGE);
  await screenshot(page, 'quota-records-one-quota-zh');
  // The voucher list keeps the quota and its reseller: what the reseller issued out of it (V5).
  await page.click('[data-testid=tab-coupon-records]');
  await page.waitForURL(/kind=coupon&quota=QT260610100005&reseller=/);
  await page.locator('[data-testid=coupon-records-table]').waitFor();
  const v5 = await api('GET', `/v2/promotions/benefits/partner-coupons/records/query?quota_id=QT260610100005&indirect_partner_id=${CLOUDBRIDGE}&limit=1`);
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=coupon-records-table]')?.closest('.table-card')?.textContent.includes(n === 0 ? '没有符合筛选条件的操作记录' : `共 ${n} 条记录`),
    v5.total_count,
  );

  // The voucher operations (V5) of one of the distributor's own quotas.
  await page.click('[data-testid=link-back-quotas]');
  await page.click('[data-testid=tab-own]');
  const own = rowOf(page, 'own-quotas-table', D1);
  await own.waitFor();
  await own.locator('[data-testid=action-records]').click();
  await page.waitForURL(/kind=coupon&quota=QT260105000001/);
  const coupons = page.locator('[data-testid=coupon-records-table] tbody tr[data-testid=row]');
  await coupons.first().waitFor({ timeout: 15_000 });
  await toEnglish(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=records-quota-filter]')?.textContent.includes('Showing the operation records of quota'));
  await screenshot(page, 'quota-records-coupons-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a tier-2 reseller sees its own quotas and issues vouchers, but no quota issuance', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'cloudbridge_it' });
  await openQuotas(page);
  await rowOf(page, 'own-quotas-table', 'QT260215100001').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=open-issue-quota]').count(), 0);
  assert.equal(await page.locator('[data-testid=tab-issued]').count(), 0);
  assert.equal(await page.locator('[data-testid=issued-quotas-table]').count(), 0);
  assert.equal(await rowOf(page, 'own-quotas-table', 'QT260215100001').locator('[data-testid=action-issue-quota]').count(), 0);
  assert.equal(await rowOf(page, 'own-quotas-table', 'QT260215100001').locator('[data-testid=action-issue-vouchers]').count(), 1);
  await screenshot(page, 'quotas-reseller-zh');
  // A direct link to the distributor's view still shows the reseller's own quotas.
  await goInApp(page, '/sales/quotas?view=issued');
  await rowOf(page, 'own-quotas-table', 'QT260215100001').waitFor();
  // Its records are the vouchers of its quotas (V5) only.
  await page.click('[data-testid=link-quota-records]');
  await page.locator('[data-testid=coupon-records-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=tab-quota-records]').count(), 0);
  await toEnglish(page);
  await screenshot(page, 'quota-records-reseller-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a service partner sees no quota pages: hidden in the navigation, a clear state on direct links', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'huitong_services' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=nav-quotas]').isVisible(), false);
  for (const path of ['/sales/quotas', '/sales/quotas/records?kind=quota&quota=QT260215100001']) {
    await goInApp(page, path);
    await page.locator('[data-testid=not-available]').waitFor();
    assert.match(await page.textContent('[data-testid=not-available]'), /服务伙伴/);
    assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  }
  await toEnglish(page);
  assert.match(await page.textContent('[data-testid=not-available]'), /not available for your partner type/);
  await screenshot(page, 'quotas-service-partner-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('English: the quota page and the issue dialog', async () => {
  const page = await browser.newPage({ locale: 'en' });
  await signIn(page, sandbox.appUrl);
  await toEnglish(page);
  await openQuotas(page);
  await rowOf(page, 'issued-quotas-table', 'QT260215100001').waitFor({ timeout: 15_000 });
  assert.match(await page.textContent('[data-testid=page-quotas] h1'), /Voucher quotas/);
  await screenshot(page, 'quotas-issued-en');
  await openIssueDialog(page);
  await page.click('[data-testid=issue-quota-submit]');
  assert.match(await page.textContent('[data-testid=resellers-error]'), /Choose at least one reseller/);
  await page.click(`[data-testid=source-quota][data-quota=${D1}]`);
  await page.click(`[data-testid=reseller-option][data-reseller="${CLOUDBRIDGE}"] input`);
  await page.fill('[data-testid=quota-amount]', '0');
  assert.match(await page.textContent('[data-testid=amount-error]'), /greater than 0/);
  await page.fill('[data-testid=quota-amount]', '500');
  await screenshot(page, 'quotas-issue-dialog-en');
  assertNoPageErrors(page);
  await page.context().close();
});

for (const user of ['zhang.wei', 'li.na']) {
  test(`${user} (not the admin) sees the quotas but is offered no issue or reclaim, so no call is refused`, async () => {
    const page = await browser.newPage();
    const writes = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.method() === 'POST' && (path === Q1 || path.endsWith('/indirect-partner-reclaim'))) writes.push(path);
    });
    await signIn(page, sandbox.appUrl, { user });
    await openQuotas(page);
    await page.locator('[data-testid=quotas-admin-only]').waitFor();
    await page.locator('[data-testid=issued-quotas-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('[data-testid=open-issue-quota]').count(), 0);
    assert.equal(await page.locator('[data-testid=issued-quotas-table] [data-testid=action-reclaim]').count(), 0);
    assert.equal(await page.locator('[data-testid=bulk-reclaim]').count(), 0);
    assert.ok((await page.locator('[data-testid=issued-quotas-table] [data-testid=action-records]').count()) > 0, 'records stay');
    await page.click('[data-testid=tab-own]');
    await page.locator('[data-testid=own-quotas-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('[data-testid=own-quotas-table] [data-testid=action-issue-quota]').count(), 0);
    await screenshot(page, `quotas-not-admin-${user}-zh`);
    assert.deepEqual(writes, []);
    assertNoPageErrors(page);
    await page.context().close();
  });
}

test('bulk reclaim over "select all matching" offers exactly the matching quotas across pages, never rows of an earlier search', async () => {
  for (let i = 0; i < 22; i++) await api('POST', Q1, { quota_id: D1, indirect_partner_ids: [DEEPBLUE], quota_amount: 3 });
  // What the filter "parent quota = D1" matches, and which of it can be reclaimed (Q3, every page).
  const children = [];
  for (let offset = 0; ; offset += 100) {
    const r = await api('GET', `${Q3}?parent_quota_id=${D1}&limit=100&offset=${offset}`);
    children.push(...r.quotas);
    if (r.quotas.length === 0 || children.length >= r.total_count) break;
  }
  const reclaimable = children.filter((q) => [0, 3, 5].includes(q.quota_status));
  assert.ok(reclaimable.length > 20, `${reclaimable.length} reclaimable children of ${D1}`);
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openQuotas(page);
  await page.locator('[data-testid=issued-quotas-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  await page.fill('[data-testid=filter-parent]', D1);
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction(() => document.querySelector('.table-wrap')?.getAttribute('aria-busy') === 'false');
  await page.click('[data-testid=select-all-page]');
  await page.click('[data-testid=select-all-matching]');
  await page.click('[data-testid=bulk-reclaim]');
  const dialog = page.locator('[data-testid=quota-reclaim-dialog]');
  await dialog.waitFor({ timeout: 15_000 });
  assert.equal(await dialog.getAttribute('data-count'), String(reclaimable.length));
  await page.click('[data-testid=quota-reclaim-confirm]');
  await page.waitForFunction(() => document.querySelector('[data-testid=quota-reclaim-results]')?.dataset.state === 'done', null, { timeout: 20_000 });
  const after = await api('GET', `${Q3}?parent_quota_id=${D1}&indirect_partner_id=${DEEPBLUE}&limit=100&offset=0`);
  assert.ok(after.quotas.filter((q) => Number(q.quota_value) === 3).every((q) => q.quota_status === 6), 'every matching quota reclaimed');
  assertNoPageErrors(page);
  await page.context().close();
});

test('quotas: the tab and the filters live in the URL, so reload and back/forward keep them', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { stay: true });
  await openQuotas(page);
  const issued = page.locator('[data-testid=issued-quotas-table] tbody tr[data-testid=row]');
  await issued.first().waitFor({ timeout: 15_000 });
  await page.fill('[data-testid=filter-parent]', D1);
  await page.selectOption('[data-testid=filter-reseller]', CLOUDBRIDGE);
  await page.click('[data-testid=filter-search]');
  await page.waitForURL((u) => u.searchParams.get('parent') === D1 && u.searchParams.get('reseller') === CLOUDBRIDGE);
  await page.waitForFunction(() => document.querySelector('.table-wrap')?.getAttribute('aria-busy') === 'false');
  const filtered = await issued.count();
  assert.ok(filtered > 0, 'the filter matches quotas of CloudBridge');
  assert.ok(await issued.evaluateAll((rows) => rows.every((r) => r.textContent.includes('QT'))));

  // A reload opens the same view: the filters are back in the bar and applied.
  await page.reload();
  await issued.first().waitFor({ timeout: 15_000 });
  assert.equal(await page.inputValue('[data-testid=filter-parent]'), D1);
  assert.equal(await page.inputValue('[data-testid=filter-reseller]'), CLOUDBRIDGE);
  assert.equal(await issued.count(), filtered);

  // The own tab is in the URL too, with its own filters.
  await page.click('[data-testid=tab-own]');
  await page.waitForURL((u) => u.searchParams.get('view') === 'own');
  await page.locator('[data-testid=own-quotas-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  await page.fill('[data-testid=filter-quota]', D1);
  await page.click('[data-testid=filter-search]');
  await page.waitForURL((u) => u.searchParams.get('view') === 'own' && u.searchParams.get('quota') === D1);
  await page.reload();
  await page.locator('[data-testid=own-quotas-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('[data-testid=tab-own]', 'aria-selected'), 'true');
  assert.equal(await page.inputValue('[data-testid=filter-quota]'), D1);
  assert.equal(await page.locator('[data-testid=own-quotas-table] tbody tr[data-testid=row]').count(), 1);

  // Back: the own tab unfiltered, then the issued tab with its filters; forward again.
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('view') === 'own' && !u.searchParams.has('quota'));
  assert.equal(await page.inputValue('[data-testid=filter-quota]'), '');
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('view') && u.searchParams.get('parent') === D1);
  await issued.first().waitFor({ timeout: 15_000 });
  assert.equal(await page.getAttribute('[data-testid=tab-issued]', 'aria-selected'), 'true');
  assert.equal(await page.inputValue('[data-testid=filter-parent]'), D1);
  await page.goForward();
  await page.waitForURL((u) => u.searchParams.get('view') === 'own' && !u.searchParams.has('quota'));
  assert.equal(await page.getAttribute('[data-testid=tab-own]', 'aria-selected'), 'true');
  await screenshot(page, 'quotas-url-state-zh');
  assertNoPageErrors(page);
  await page.context().close();
});
