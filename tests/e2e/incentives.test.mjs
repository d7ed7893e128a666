// B3 激励明细 and B4 季度付款申请, end to end against the sandbox (service partner
// huitong_services): the list with filters in the URL and export, a period's detail; feedback
// kept through a 401 re-sign-in; a bill confirmation whose answer is cut (read back, confirmed
// exactly once on the server); quarterly payment refused for each of the three reasons and
// accepted once; a distributor sees the "for service partners" state; screenshots in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const SERVICE = { account: 'huitong_services' };
const LIST = '/v2/partners/incentives';

let sandbox;
let browser;
let token;

before(async () => {
  sandbox = await startSandbox({ customers: 300 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl, SERVICE)).token;
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body) => apiCall(sandbox.apiUrl, token, method, path, body);

async function incentiveOf(period) {
  const r = await api('GET', `${LIST}?period_begin=${period}&period_end=${period}`);
  assert.equal(r.total_count, 1);
  return r.incentives[0];
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

const rows = (page) => page.locator('[data-testid=incentives-table] tbody tr[data-testid=row]');

async function openDetail(page, period) {
  const inc = await incentiveOf(period);
  await goInApp(page, `/benefits/incentives/${inc.incentive_id}`);
  await page.locator(`[data-testid=fact-period]`, { hasText: period }).waitFor({ timeout: 15_000 });
  return inc;
}

test('the list filters in the URL, exports, and a period opens its detail', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, SERVICE);
  await page.click('[data-testid=nav-incentives]');
  await page.locator('[data-testid=page-incentives]').waitFor();
  await rows(page).first().waitFor({ timeout: 15_000 });
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), 14);
  assert.equal(await rows(page).first().locator('[data-testid=incentive-link]').textContent(), '2026-11');
  await screenshot(page, 'incentives-list-zh');

  await page.selectOption('[data-testid=filter-year]', '2026');
  await page.selectOption('[data-testid=filter-status]', 'passed');
  await page.click('[data-testid=filter-search]');
  await page.waitForFunction(() => /status=passed/.test(location.search) && /year=2026/.test(location.search));
  await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.dataset.total === '2');
  const periods = await rows(page).locator('[data-testid=incentive-link]').allTextContents();
  assert.deepEqual(periods, ['2026-10', '2026-06']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csv = readFileSync(await download.path(), 'utf8').slice(1);
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0], /对账期次/);
  assert.equal(lines.length, 3, csv);
  assert.match(lines[1], /2026-10/);

  await rows(page).first().locator('[data-testid=action-details]').click();
  await page.locator('[data-testid=page-incentive-detail]').waitFor();
  await page.locator('[data-testid=fact-period]', { hasText: '2026-10' }).waitFor();
  const inc = await incentiveOf('2026-10');
  const amount = Number(inc.incentive_amount).toLocaleString('en-US', { minimumFractionDigits: 2 });
  assert.match(await page.textContent('[data-testid=fact-amount]'), new RegExp(amount.replace(/[.]/g, '\\.')));
  for (const part of ['incentive-consumption', 'incentive-fees', 'incentive-products', 'incentive-other']) {
    await page.locator(`[data-testid=${part}]`).waitFor();
  }
  assert.equal(await page.locator('[data-testid=incentive-products] tbody tr').count(), 3);
  assert.match(await page.textContent('[data-testid=incentive-consumption]'), /弹性云服务器/);
  await page.locator('[data-testid=bill-form]').waitFor();
  await screenshot(page, 'incentive-detail-zh');

  // The thread of an answered period.
  await openDetail(page, '2026-06');
  await page.locator('[data-testid=feedback-item]').first().waitFor();
  assert.equal(await page.locator('[data-testid=feedback-item]').count(), 2);
  assert.equal(await page.locator('[data-testid=feedback-answer]').count(), 1);
  await toEnglish(page);
  await page.locator('[data-testid=feedback-thread]', { hasText: 'Feedback details' }).waitFor();
  assert.match(await page.textContent('[data-testid=fact-status]'), /Passed preliminary review/);
  await screenshot(page, 'incentive-detail-en');
  await goInApp(page, '/benefits/incentives');
  await rows(page).first().waitFor({ timeout: 15_000 });
  await screenshot(page, 'incentives-list-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('feedback: checked as typed, kept on a refusal and after a 401 re-sign-in, then in the thread', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { ...SERVICE, user: 'sun.li' });
  await page.click('[data-testid=nav-incentives]');
  const inc = await openDetail(page, '2026-04');
  const text = '四月份 OBS 标准存储的消费金额比我们的账单多了 1,024.00 元,请核对。';

  await page.fill('[data-testid=feedback-text]', '太短');
  await page.click('[data-testid=feedback-send]');
  await page.locator('[data-testid=feedback-problem]').waitFor();
  assert.match(await page.textContent('[data-testid=feedback-problem]'), /至少 10 个字/);
  assert.equal(await page.getAttribute('[data-testid=feedback-text]', 'aria-invalid'), 'true');

  // A server failure keeps the text.
  await page.fill('[data-testid=feedback-text]', text);
  await sandbox.faults({ fail_next: [{ kind: 'server_error', path_prefix: `${LIST}/${inc.incentive_id}/feedbacks`, method: 'POST' }] });
  await page.click('[data-testid=feedback-send]');
  await page.locator('[data-testid=feedback-card] [data-testid=error-notice]').waitFor();
  assert.equal(await page.inputValue('[data-testid=feedback-text]'), text);

  // The session expires: the re-sign-in dialog, then the same feedback is sent.
  await sandbox.expireTokens();
  await page.click('[data-testid=feedback-send]');
  await page.locator('[data-testid=reauth-dialog]').waitFor({ timeout: 15_000 });
  assert.equal(await page.inputValue('[data-testid=feedback-text]'), text);
  await screenshot(page, 'incentive-feedback-reauth-zh');
  await page.fill('[data-testid=reauth-dialog] [data-testid=signin-password]', 'Partner@2026');
  await page.click('[data-testid=reauth-dialog] [data-testid=signin-submit]');
  await page.locator('[data-testid=reauth-dialog]').waitFor({ state: 'detached' });
  await page.locator('[data-testid=feedback-sent]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=feedback-content]', { hasText: text }).waitFor();

  token = (await apiSignIn(sandbox.apiUrl, SERVICE)).token;
  const thread = await api('GET', `${LIST}/${inc.incentive_id}/feedbacks`);
  assert.deepEqual(thread.feedbacks.map((f) => f.content), [text], 'sent exactly once');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a bill confirmation whose answer is cut is read back: confirmed exactly once', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, SERVICE);
  await page.click('[data-testid=nav-incentives]');
  const inc = await openDetail(page, '2026-10');
  assert.equal(inc.bill_status, 'pending');

  // A rejection needs a reason (checked before sending).
  await page.check('[data-testid=bill-reject]');
  await page.click('[data-testid=bill-submit]');
  await page.locator('[data-testid=bill-problem]').waitFor();
  await page.check('[data-testid=bill-confirm]');

  await sandbox.faults({ fail_next: [{ kind: 'commit_then_drop', path_prefix: `${LIST}/${inc.incentive_id}/bill-confirmation`, method: 'POST' }] });
  await page.click('[data-testid=bill-submit]');
  await page.locator('[data-testid=bill-done][data-reconciled=true][data-confirmed=true]').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid=fact-bill] [data-status=confirmed]').waitFor();
  await screenshot(page, 'incentive-bill-reconciled-zh');

  token = (await apiSignIn(sandbox.apiUrl, SERVICE)).token;
  const d = await api('GET', `${LIST}/${inc.incentive_id}`);
  assert.equal(d.incentive.status, 'final');
  assert.equal(d.bill_history.filter((e) => e.decision === 'confirm').length, 1, 'exactly one confirmation');
  assert.equal(await page.locator('[data-testid=bill-form]').count(), 0, 'nothing to send again');
  await sandbox.clearFaults();
  assertNoPageErrors(page);
  await page.context().close();
});

test('quarterly payment: refused for each reason, a stale refusal explained, accepted once', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, SERVICE);
  await page.click('[data-testid=nav-quarterly-payment]');
  await page.locator('[data-testid=page-quarterly-payment]').waitFor();
  const quarter = (q) => page.locator(`[data-testid=quarter][data-quarter="${q}"]`);
  await quarter('2026-Q1').waitFor({ timeout: 15_000 });
  const cases = [
    ['2026-Q4', 'CBC.50070011', /仍有部分月份可申请激励.*下个季度1号/],
    ['2026-Q2', 'CBC.50070012', /仍在初审中/],
    ['2026-Q3', 'CBC.50070013', /都未初审通过/],
    ['2025-Q4', 'CBC.50070015', /已申请付款/],
  ];
  for (const [q, code, text] of cases) {
    assert.ok(await quarter(q).locator('[data-testid=apply-payment]').isDisabled(), q);
    assert.equal(await quarter(q).locator('[data-testid=apply-reason]').getAttribute('data-code'), code);
    assert.match(await quarter(q).locator('[data-testid=apply-reason]').textContent(), text);
  }
  await screenshot(page, 'quarterly-payment-zh');
  await toEnglish(page);
  assert.match(await quarter('2026-Q2').locator('[data-testid=apply-reason]').textContent(), /still in preliminary review/);
  assert.match(await quarter('2026-Q3').locator('[data-testid=apply-reason]').textContent(), /None of this quarter/);
  assert.match(await quarter('2026-Q4').locator('[data-testid=apply-reason]').textContent(), /1st of the next quarter/);
  await screenshot(page, 'quarterly-payment-en');

  // 2026-Q1 is ready; someone else applies behind the page's back: the server refuses the
  // page's application with its own code, which the page explains.
  assert.equal(await quarter('2026-Q1').locator('[data-testid=apply-reason]').count(), 0);
  await api('POST', '/v2/partners/incentive-quarters/2026-Q1/payment-applications');
  await quarter('2026-Q1').locator('[data-testid=apply-payment]').click();
  const refusal = quarter('2026-Q1').locator('[data-testid=incentive-refusal]');
  await refusal.waitFor({ timeout: 15_000 });
  assert.equal(await refusal.getAttribute('data-code'), 'CBC.50070015');
  assert.match(await refusal.textContent(), /payment was applied for already/);
  await page.locator('[data-testid=quarter][data-quarter="2026-Q1"][data-payment=applied]').waitFor();
  await screenshot(page, 'quarterly-payment-refused-en');

  // From the 1st of the next quarter (business clock + 42 days) 2026-Q4's open months are
  // given up; its October bill was confirmed above: the page allows it and the server accepts.
  await sandbox.control('POST', '/__sandbox/voucher-clock', { seconds: 42 * 86_400 });
  await goInApp(page, '/benefits/incentives');
  await page.locator('[data-testid=page-incentives]').waitFor();
  await page.click('[data-testid=nav-quarterly-payment]');
  await quarter('2026-Q4').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('[data-quarter="2026-Q4"] [data-testid=apply-reason]'));
  await quarter('2026-Q4').locator('[data-testid=apply-payment]').click();
  await quarter('2026-Q4').locator('[data-testid=apply-done]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=quarter][data-quarter="2026-Q4"][data-payment=applied]').waitFor();
  const quarters = await api('GET', '/v2/partners/incentive-quarters');
  assert.equal(quarters.quarters.find((q) => q.quarter === '2026-Q4').payment_status, 'applied');
  await screenshot(page, 'quarterly-payment-accepted-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a distributor sees the "for service partners" state, not an error', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=nav-incentives]').isVisible(), false);
  for (const path of ['/benefits/incentives', '/benefits/quarterly-payment']) {
    await goInApp(page, path);
    await page.locator('[data-testid=incentives-not-available]').waitFor();
    assert.match(await page.textContent('[data-testid=not-available]'), /服务伙伴/);
    assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  }
  await screenshot(page, 'incentives-not-available-zh');
  assertNoPageErrors(page);
  await page.context().close();
});
