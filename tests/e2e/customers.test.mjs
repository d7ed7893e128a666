// S1 Customers & opportunities, end to end: the built app in headless Chromium against the
// sandbox over HTTP. Role visibility, URL state, re-sign-in, errors, language, banner.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const PASSWORD = 'Partner@2026';
const TEAM_OF_ZHANG_WEI = ['li.na', 'wang.fang', 'david.liu'];
const CJK = /[\u3400-\u9fff]/;

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ customers: 800 });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function apiTotal(account, user, body = {}) {
  const res = await fetch(new URL('/v2/partners/sub-customers/opportunities/query', sandbox.apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': (await apiSignIn(sandbox.apiUrl, { account, user })).token },
    body: JSON.stringify({ limit: 1, ...body }),
  });
  assert.equal(res.status, 200);
  return (await res.json()).total_count;
}

async function openCustomers(page, query = '') {
  await page.click('[data-testid=nav-customers]');
  // In-app navigation (a link click the router handles), so an in-memory session survives.
  if (query) {
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      document.body.appendChild(a);
      a.click();
      a.remove();
    }, `/sales/customers${query}`);
    await page.waitForURL((u) => u.search === query);
  }
  await waitForRows(page);
}

/** Waits until the table has settled with at least one row. */
async function waitForRows(page) {
  await page.locator('[data-testid=customers-table] tbody tr[data-testid=row]').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('.table-wrap')?.getAttribute('aria-busy') === 'false');
}

async function shownTotal(page) {
  return Number(await page.getAttribute('[data-testid=total-count]', 'data-total'));
}

/** The values of one data attribute (`am`, `code`) in every row's matching cell. */
async function columnValues(page, selector) {
  const attr = selector.includes('data-am') ? 'am' : 'code';
  return page.$$eval(`[data-testid=customers-table] tbody tr[data-testid=row] ${selector}`, (els, a) => els.map((e) => e.dataset[a]), attr);
}

test('an account manager sees only their own customers, and is told so', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'li.na' });
  await openCustomers(page);
  assert.equal(await page.getAttribute('[data-testid=scope-notice]', 'data-scope'), 'OWN');
  const ams = await columnValues(page, '[data-am]');
  assert.ok(ams.length > 0);
  assert.deepEqual([...new Set(ams)], ['li.na']);
  assert.equal(await page.locator('[data-testid=filter-account-manager]').count(), 0, 'no manager filter for an AM');
  const own = await shownTotal(page);
  assert.equal(own, await apiTotal('hz_distributor', 'li.na'));
  assert.ok(own < (await apiTotal('hz_distributor', 'admin')), 'fewer than the admin sees');
  await screenshot(page, 'customers-account-manager-zh');
  assertNoPageErrors(page);
});

test('a supervisor sees the team and filters by account manager', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'zhang.wei' });
  await openCustomers(page);
  assert.equal(await page.getAttribute('[data-testid=scope-notice]', 'data-scope'), 'TEAM');
  await page.selectOption('[data-testid=page-size]', '100');
  await page.waitForURL(/size=100/);
  await waitForRows(page);
  const ams = new Set(await columnValues(page, '[data-am]'));
  assert.ok(ams.size >= 2, `several managers of the team are shown: ${[...ams]}`);
  for (const am of ams) assert.ok(TEAM_OF_ZHANG_WEI.includes(am), `${am} is in the team`);

  await page.selectOption('[data-testid=filter-account-manager]', 'wang.fang');
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/am=wang\.fang/);
  await waitForRows(page);
  assert.deepEqual([...new Set(await columnValues(page, '[data-am]'))], ['wang.fang']);
  assert.equal(await shownTotal(page), await apiTotal('hz_distributor', 'zhang.wei', { account_manager: 'wang.fang' }));
  assertNoPageErrors(page);
});

test('a deep link with filters reproduces the view, and back/forward work', async () => {
  const page = await browser.newPage();
  const deep = '/sales/customers?stage=WON,NEGOTIATION&sort=-expected_monthly_revenue&page=2&size=10';
  // Signed out: the link goes through sign-in and lands on the same view.
  await page.goto(new URL(deep, sandbox.appUrl).href);
  await page.locator('[data-testid=signin-form]').waitFor();
  await page.fill('[data-testid=signin-account]', 'hz_distributor');
  await page.fill('[data-testid=signin-user]', 'admin');
  await page.fill('[data-testid=signin-password]', PASSWORD);
  await page.click('[data-testid=signin-submit]');
  await page.waitForURL((u) => u.pathname === '/sales/customers' && u.search.includes('page=2'));
  await waitForRows(page);
  assert.ok(!page.url().includes('token'), 'no token in the URL');

  const stages = await columnValues(page, 'td[data-col=stage] [data-code]');
  assert.equal(stages.length, 10);
  for (const s of stages) assert.ok(['WON', 'NEGOTIATION'].includes(s), s);
  assert.equal(await page.getAttribute('[data-testid=customers-table] th[data-col=revenue]', 'aria-sort'), 'descending');
  assert.match(await page.textContent('[data-testid=page-current]'), /^2 \/ \d+$/);
  const revenues = await page.$$eval('[data-testid=customers-table] tbody td[data-col=revenue]', (tds) =>
    tds.map((td) => Number(td.textContent.replace(/[^0-9.]/g, ''))),
  );
  assert.deepEqual(revenues, [...revenues].sort((a, b) => b - a), 'sorted by revenue, descending');
  assert.equal(await shownTotal(page), await apiTotal('hz_distributor', 'admin', { stages: ['WON', 'NEGOTIATION'] }));
  const firstOnPage2 = await page.textContent('[data-testid=customer-link]');

  await page.click('[data-testid=page-next]');
  await page.waitForURL(/page=3/);
  await waitForRows(page);
  assert.notEqual(await page.textContent('[data-testid=customer-link]'), firstOnPage2);
  await page.goBack();
  await page.waitForURL(/page=2/);
  await waitForRows(page);
  assert.equal(await page.textContent('[data-testid=customer-link]'), firstOnPage2);
  await page.goForward();
  await page.waitForURL(/page=3/);

  // Sorting by a column header goes into the URL too.
  await page.click('[data-testid=sort-account]');
  await page.waitForURL(/sort=account_name/);
  assert.doesNotMatch(page.url(), /page=3/, 'a new sort starts at page 1');
  assertNoPageErrors(page);
});

test('token expiry mid-use: re-sign-in keeps the page and what was typed, then the list loads', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin' });
  await openCustomers(page, '?stage=WON');
  await page.fill('[data-testid=filter-keyword]', 'typed but not searched');
  await sandbox.expireTokens();

  await page.click('[data-testid=page-next]');
  await page.locator('[data-testid=reauth-dialog]').waitFor({ timeout: 15_000 });
  assert.equal(await page.inputValue('[data-testid=reauth-dialog] [data-testid=signin-user]'), 'admin');
  await page.fill('[data-testid=reauth-dialog] [data-testid=signin-password]', PASSWORD);
  await page.click('[data-testid=reauth-dialog] [data-testid=signin-submit]');
  await page.locator('[data-testid=reauth-dialog]').waitFor({ state: 'detached' });
  await page.waitForURL(/page=2/);
  await waitForRows(page);
  assert.match(await page.textContent('[data-testid=page-current]'), /^2 \//);
  assert.equal(await page.inputValue('[data-testid=filter-keyword]'), 'typed but not searched');
  assert.match(page.url(), /stage=WON/);
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  assertNoPageErrors(page);
});

test('an injected 5xx shows the error with code and request id, and Retry succeeds', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin' });
  await openCustomers(page);
  await sandbox.faults({ fail_next: [{ kind: 'server_error', count: 1, path_prefix: '/v2/partners/sub-customers/opportunities' }] });
  await page.click('[data-testid=refresh]');
  const notice = page.locator('[data-testid=error-notice]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-kind'), 'Server');
  assert.equal(await page.textContent('[data-testid=error-code]'), 'CBC.0999');
  assert.match(await page.textContent('[data-testid=error-request-id]'), /^[0-9a-f-]{8,}$/i);
  await screenshot(page, 'customers-server-error-zh');
  await page.click('[data-testid=error-retry]');
  await waitForRows(page);
  assert.equal(await notice.count(), 0);
  assertNoPageErrors(page);
});

test('switching language changes every visible label and is remembered', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin', stay: true });
  await openCustomers(page);
  await page.click('[data-testid=filter-more]');
  assert.match(await page.textContent('h1'), CJK);
  await screenshot(page, 'customers-zh');

  await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const labels = await page.$$eval(
    'h1, .page-intro, .side-nav a, .nav-area-title, th, .filter-label, button, .pager-summary, .pager-size, [data-testid=total-count], [data-testid=scope-notice], .who-role, .session-end .muted, summary, td[data-col=industry], td[data-col=stage], td[data-col=type], td[data-col=confidence]',
    (els) => els.map((e) => e.textContent.trim()).filter(Boolean),
  );
  // The language switch names the other language in that language ("中文"), by design.
  const untranslated = labels.filter((t) => CJK.test(t) && t !== '中文');
  assert.deepEqual(untranslated, [], 'no Chinese label is left after switching to English');
  assert.equal(await page.textContent('h1'), 'Customers & opportunities');
  await screenshot(page, 'customers-en');

  await page.reload();
  await waitForRows(page);
  assert.equal(await page.textContent('h1'), 'Customers & opportunities', 'the choice survives a reload');
  assertNoPageErrors(page);
});

test('the other-site banner can be dismissed for good', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'nimbus_solutions', user: 'admin', stay: true });
  const banner = page.locator('[data-testid=site-banner]');
  await banner.waitFor();
  await page.click('[data-testid=site-banner-dismiss]');
  await banner.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('[data-testid=app-shell]').waitFor();
  await page.locator('[data-testid=page-home]').waitFor();
  assert.equal(await banner.count(), 0, 'still dismissed after reload');
  assertNoPageErrors(page);
});

test('a wrong password says so and keeps what was typed; the token never reaches localStorage', async () => {
  const page = await browser.newPage();
  await page.goto(sandbox.appUrl);
  await page.fill('[data-testid=signin-account]', 'hz_distributor');
  await page.fill('[data-testid=signin-user]', 'admin');
  await page.fill('[data-testid=signin-password]', 'wrong');
  await page.click('[data-testid=signin-submit]');
  await page.locator('[data-testid=signin-wrong]').waitFor();
  assert.equal(await page.inputValue('[data-testid=signin-account]'), 'hz_distributor');
  assert.equal(await page.inputValue('[data-testid=signin-user]'), 'admin');

  await page.fill('[data-testid=signin-password]', PASSWORD);
  // "Stay signed in" (for this tab) is ticked by default: a reload keeps the session.
  assert.ok(await page.isChecked('[data-testid=signin-stay]'));
  await page.click('[data-testid=signin-submit]');
  await page.locator('[data-testid=app-shell]').waitFor();
  assert.doesNotMatch(await page.evaluate(() => JSON.stringify({ ...localStorage })), /token/i, 'never in localStorage');
  assert.match(await page.evaluate(() => JSON.stringify({ ...sessionStorage })), /token/i, 'kept for the tab');
  await page.reload();
  await page.locator('[data-testid=app-shell]').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=signin-form]').count(), 0, 'still signed in after a reload');
  // Unticked, the token is only in memory.
  await page.click('[data-testid=sign-out]');
  await page.locator('[data-testid=signin-form]').waitFor();
  await page.fill('[data-testid=signin-account]', 'hz_distributor');
  await page.fill('[data-testid=signin-user]', 'admin');
  await page.fill('[data-testid=signin-password]', PASSWORD);
  await page.setChecked('[data-testid=signin-stay]', false);
  await page.click('[data-testid=signin-submit]');
  await page.locator('[data-testid=app-shell]').waitFor();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.doesNotMatch(stored, /token/i, 'without "stay signed in" the token is only in memory');
  assertNoPageErrors(page);
});

test('a customer opens with its opportunities, and unknown paths show not-found', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin', stay: true });
  await openCustomers(page, '?stage=WON');
  const name = await page.textContent('[data-testid=customer-link]');
  await page.click('[data-testid=customer-link]');
  await page.locator('[data-testid=opportunities-table] tbody tr[data-testid=row]').first().waitFor();
  assert.equal(await page.textContent('[data-testid=customer-name]'), name);
  // The account name is masked as in the list (X6, #18); the eye shows it.
  const account = page.locator('[data-testid=fact-account] [data-testid=masked-value]');
  assert.match(await account.textContent(), /\*\*/);
  await page.click('[data-testid=fact-account] [data-testid=cell-eye]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=fact-account] [data-testid=masked-value]').textContent.includes('**'));
  await screenshot(page, 'customer-detail');
  await page.click('[data-testid=back-to-list]');
  await page.waitForURL(/stage=WON/);

  await page.goto(new URL('/sales/no-such-page', sandbox.appUrl).href);
  await page.locator('[data-testid=app-shell] [data-testid=not-found]').waitFor();
  assertNoPageErrors(page);
});

test('reads are retried on 429 with backoff, without bothering the user', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin' });
  await openCustomers(page);
  await sandbox.faults({ fail_next: [{ kind: 'throttle', count: 2, path_prefix: '/v2/partners/sub-customers/opportunities' }] });
  await page.click('[data-testid=page-next]');
  await page.waitForURL(/page=2/);
  await waitForRows(page);
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  const left = await sandbox.control('GET', '/__sandbox/faults');
  assert.equal((left.fail_next ?? []).reduce((n, f) => n + f.count, 0), 0, 'both throttled answers were consumed');
  await sandbox.clearFaults();
  assertNoPageErrors(page);
});

test('a 4xx says what to fix: the offending parameter, code and request id', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin' });
  await page.click('[data-testid=nav-customers]');
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/sales/customers?from=2026-03-01&to=2026-01-01';
    document.body.appendChild(a);
    a.click();
  });
  const notice = page.locator('[data-testid=error-notice]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-kind'), 'Invalid');
  assert.equal(await page.textContent('[data-testid=error-code]'), 'CBC.0100');
  assert.match(await page.textContent('[data-testid=error-detail]'), /last_update_begin/);
  assert.ok((await page.textContent('[data-testid=error-request-id]')).length > 8);
  // The filter bar marks the range and keeps what was typed.
  assert.equal(await page.inputValue('[data-testid=filter-updated-from]'), '2026-03-01');
  assert.equal(await page.locator('.filter.field-invalid').count(), 1);
  assertNoPageErrors(page);
});

test('a date filter takes year-month-day in both languages; anything else is said, kept and not searched (#18)', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin' });
  await page.click('[data-testid=nav-customers]');
  await page.locator('[data-testid=customer-link]').first().waitFor();
  await page.click('[data-testid=filter-more]');
  const from = page.locator('[data-testid=filter-updated-from]');
  assert.equal(await from.getAttribute('type'), 'text', 'not the browser date field (mm/dd/yyyy in a zh page)');
  assert.equal(await from.getAttribute('placeholder'), 'YYYY-MM-DD');
  await from.fill('2026-3');
  await page.click('[data-testid=filter-search]');
  assert.match(await page.textContent('.filter.field-invalid [role=alert]'), /年-月-日/);
  assert.equal(await from.getAttribute('aria-invalid'), 'true');
  assert.ok(!page.url().includes('from='), 'not searched');
  assert.equal(await from.inputValue(), '2026-3');
  await from.fill('2026/3/1');
  await from.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=filter-updated-from]').value === '2026-03-01');
  assert.equal(await page.locator('.filter.field-invalid').count(), 0);
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/from=2026-03-01/);
  await screenshot(page, 'customers-date-filter-zh');
  assertNoPageErrors(page);
  await page.context().close();
});

test('dates are shown in the user time zone', async () => {
  const times = {};
  for (const timezoneId of ['Asia/Shanghai', 'America/New_York']) {
    const page = await browser.newPage({ timezoneId });
    await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'li.na' });
    await openCustomers(page);
    times[timezoneId] = await page.textContent('[data-testid=customers-table] tbody td[data-col=last-update]');
    await page.context().close();
  }
  const parse = (s) => Date.parse(s.trim().replace(' ', 'T') + ':00Z');
  const hours = (parse(times['Asia/Shanghai']) - parse(times['America/New_York'])) / 3_600_000;
  assert.equal(hours, 13, `same instant, 13 hours apart in November: ${JSON.stringify(times)}`);
});

test('the session end is shown and a warning comes before it', async () => {
  await sandbox.setTokenTtl(300);
  try {
    const page = await browser.newPage();
    await signIn(page, sandbox.appUrl, { account: 'hz_distributor', user: 'admin' });
    await page.locator('[data-testid=session-warning]').waitFor();
    assert.match(await page.textContent('[data-testid=session-end]'), /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await screenshot(page, 'session-warning-zh');
    assertNoPageErrors(page);
  } finally {
    await sandbox.setTokenTtl(86400);
  }
});

test('revenue range filter: validated at the field (typed text kept), kept in the URL, sent to the API', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl, { stay: true });
  await openCustomers(page);
  const bodies = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/opportunities/query')) bodies.push(JSON.parse(r.postData() || '{}'));
  });
  await page.click('[data-testid=filter-more]');
  // min above max: refused at the field, nothing is sent, the typed values stay.
  await page.fill('[data-testid=filter-revenue-min]', '50000');
  await page.fill('[data-testid=filter-revenue-max]', '1000');
  await page.locator('[data-testid=filter-revenue].field-invalid .field-error').waitFor();
  assert.match(await page.textContent('[data-testid=filter-revenue] .field-error'), /最小值不能大于最大值/);
  await screenshot(page, 'customers-revenue-range-error-zh');
  const before = bodies.length;
  await page.click('[data-testid=filter-search]');
  await page.waitForTimeout(300);
  assert.equal(bodies.length, before, 'nothing was sent');
  assert.doesNotMatch(page.url(), /rmin=/);
  assert.equal(await page.inputValue('[data-testid=filter-revenue-min]'), '50000');
  // Not a number: the wrong end is highlighted.
  await page.fill('[data-testid=filter-revenue-min]', '1,000');
  await page.fill('[data-testid=filter-revenue-max]', '');
  assert.equal(await page.getAttribute('[data-testid=filter-revenue-min]', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('[data-testid=filter-revenue-max]', 'aria-invalid'), 'false');
  assert.match(await page.textContent('[data-testid=filter-revenue] .field-error'), /请输入数字/);

  // A valid range: in the URL, in the request, and the total is the API's.
  await page.fill('[data-testid=filter-revenue-min]', '10000');
  await page.fill('[data-testid=filter-revenue-max]', '50000.5');
  await page.click('[data-testid=filter-search]');
  await page.waitForURL((u) => u.searchParams.get('rmin') === '10000' && u.searchParams.get('rmax') === '50000.5');
  await page.waitForFunction(() => document.querySelector('.table-wrap')?.getAttribute('aria-busy') === 'false');
  const want = await apiTotal('hz_distributor', 'admin', { revenue_min: 10000, revenue_max: 50000.5 });
  await page.waitForFunction((n) => document.querySelector('[data-testid=total-count]').dataset.total === String(n), want);
  const last = bodies.at(-1);
  assert.equal(last.revenue_min, 10000);
  assert.equal(last.revenue_max, 50000.5);
  const amounts = await page.$$eval('[data-testid=customers-table] tbody tr[data-testid=row] td[data-col=revenue]', (tds) =>
    tds.map((td) => Number(td.textContent.replace(/[^\d.]/g, ''))),
  );
  assert.ok(amounts.length > 0 && amounts.every((a) => a >= 10000 && a <= 50000.5), amounts.join());
  // The deep link reproduces the filter (the field shows it under "More filters").
  await page.reload();
  await waitForRows(page);
  assert.equal(await page.inputValue('[data-testid=filter-revenue-max]'), '50000.5');
  assert.equal(await shownTotal(page), want);
  await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await screenshot(page, 'customers-revenue-range-en');
  assertNoPageErrors(page);
});
