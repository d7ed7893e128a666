// S13 association events, end to end against the sandbox: an unbinding request is refused for
// each documented reason (explained before sending, with the reason shown), one is accepted
// (a double click creates one request), the 3-per-3-months limit, a customer-initiated
// unbinding objected to (reason required) and another agreed, an account manager sees only
// their customers' events, filters in the URL, CSV export; screenshots in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const QUERY = '/v2/partners/association-events/query';
const TABLE = '[data-testid=association-events-table]';

let sandbox;
let browser;
let token;
let cases;

before(async () => {
  sandbox = await startSandbox({ customers: 400 });
  browser = await openBrowser();
  token = (await apiSignIn(sandbox.apiUrl)).token;
  const res = await fetch(new URL('/__sandbox/association-cases', sandbox.apiUrl));
  cases = await res.json();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const api = (method, path, body, t = token) => apiCall(sandbox.apiUrl, t, method, path, body);
const rowOf = (page, text) => page.locator(`${TABLE} tbody tr[data-testid=row]`, { hasText: text });

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

async function openEvents(page) {
  await page.click('[data-testid=nav-association-events]');
  await page.locator('[data-testid=page-association-events]').waitFor();
  await page.locator(`${TABLE} tbody tr[data-testid=row]`).first().waitFor({ timeout: 15_000 });
}

/** Opens the request dialog and checks one customer. */
async function checkCustomer(page, customerId) {
  if (!(await page.locator('[data-testid=request-dialog]').isVisible())) await page.click('[data-testid=open-request]');
  await page.fill('[data-testid=request-customer]', customerId);
  await page.click('[data-testid=request-check]');
  await page.locator('[data-testid=request-refused], [data-testid=request-allowed]').first().waitFor({ timeout: 15_000 });
}

test('an unbinding is refused for each documented reason, the reason shown before sending', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openEvents(page);
  await screenshot(page, 'association-events-zh');
  const reasons = [
    ['frozen', 'CBC.99010001', '冻结'],
    ['reserved_instances', 'CBC.99010002', '预留实例'],
    ['support_plan', 'CBC.99010003', '支持计划'],
    ['enterprise_master', 'CBC.99010004', '企业主账号'],
    ['enterprise_member', 'CBC.99010005', '企业子账号'],
    ['limit_reached', 'CBC.99010006', '3 个月内已发起 3 次申请'],
    ['pending_request', 'CBC.99010007', '待客户处理'],
  ];
  for (const [name, code, words] of reasons) {
    assert.ok(cases[name], `seeded case ${name}`);
    await checkCustomer(page, cases[name]);
    const refusal = page.locator('[data-testid=request-refusal]').first();
    assert.equal(await refusal.getAttribute('data-code'), code, name);
    assert.match(await refusal.textContent(), new RegExp(words), name);
    assert.equal(await page.isDisabled('[data-testid=request-submit]'), true, `${name}: submit is blocked`);
    if (name === 'frozen') await screenshot(page, 'association-request-refused-zh');
  }
  // The server refuses the same (nothing was sent from the form).
  const r = await fetch(new URL('/v2/partners/association-events', sandbox.apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: JSON.stringify({ customer_id: cases.support_plan, event_type: 'PARTNER_UNBIND', reason: 'x' }),
  });
  assert.equal(r.status, 400);
  assert.equal((await r.json()).error_code, 'CBC.99010003');
  await page.click('[data-testid=request-cancel]');
  await toEnglish(page);
  await checkCustomer(page, cases.reserved_instances);
  assert.match(await page.locator('[data-testid=request-refusal]').first().textContent(), /valid reserved instances/);
  await screenshot(page, 'association-request-refused-en');
  assertNoPageErrors(page);
  await page.close();
});

test('one request is accepted; a double click creates it once; the reason is required', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openEvents(page);
  const id = cases.eligible[0];
  await checkCustomer(page, id);
  await page.locator('[data-testid=request-allowed]').waitFor();
  await page.click('[data-testid=request-submit]');
  await page.locator('[data-testid=request-reason-error]').waitFor();
  await page.fill('[data-testid=request-reason]', '客户改为直客');
  await page.dblclick('[data-testid=request-submit]');
  const done = page.locator('[data-testid=request-done]');
  await done.waitFor({ timeout: 15_000 });
  const eventId = await done.getAttribute('data-event');
  const mine = await api('POST', QUERY, { customer_id: id, event_types: ['PARTNER_UNBIND'] });
  assert.equal(mine.total_count, 1, 'exactly one request');
  assert.equal(mine.events[0].event_id, eventId);
  assert.equal(mine.events[0].status, 'PENDING_CUSTOMER');
  await page.click('[data-testid=request-close]');
  await rowOf(page, eventId).waitFor({ timeout: 15_000 });
  assertNoPageErrors(page);
  await page.close();
});

test('three requests per three months: after two earlier ones a third is accepted, cancelled, then refused', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openEvents(page);
  const id = cases.two_recent;
  await checkCustomer(page, id);
  await page.locator('[data-testid=request-allowed]').waitFor();
  await page.fill('[data-testid=request-reason]', 'Contract ended');
  await page.click('[data-testid=request-submit]');
  const done = page.locator('[data-testid=request-done]');
  await done.waitFor({ timeout: 15_000 });
  const eventId = await done.getAttribute('data-event');
  await page.click('[data-testid=request-close]');
  // Cancel it from its row.
  const row = rowOf(page, eventId);
  await row.waitFor({ timeout: 15_000 });
  await row.locator('[data-testid=action-handle]').click();
  await page.click('[data-testid=handle-event-cancel]');
  await page.locator('[data-testid=handle-event-done]').waitFor({ timeout: 15_000 });
  await page.click('[data-testid=handle-event-close]');
  const after = await api('POST', QUERY, { customer_id: id, statuses: ['CANCELLED'] });
  assert.ok(after.events.some((e) => e.event_id === eventId));
  // A fourth within three months is refused, with the date it becomes possible.
  await checkCustomer(page, id);
  const refusal = page.locator('[data-testid=request-refusal]').first();
  assert.equal(await refusal.getAttribute('data-code'), 'CBC.99010006');
  assert.match(await refusal.textContent(), /20\d\d-\d\d-\d\d/);
  assertNoPageErrors(page);
  await page.close();
});

test('customer-initiated unbinding: filters in the URL, deadline shown, object needs a reason, agree; CSV export', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openEvents(page);
  await page.selectOption('[data-testid=filter-type]', 'CUSTOMER_UNBIND');
  await page.selectOption('[data-testid=filter-status]', 'PENDING_PARTNER');
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/type=CUSTOMER_UNBIND/);
  assert.match(page.url(), /status=PENDING_PARTNER/);
  const [objectId, agreeId] = cases.customer_unbind_events;
  const row = rowOf(page, objectId);
  await row.waitFor({ timeout: 15_000 });
  const statuses = await page.locator(`${TABLE} [data-testid=cell-status]`).evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'PENDING_PARTNER'), statuses.join());

  // Export the filtered list.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  const total = (await api('POST', QUERY, { event_types: ['CUSTOMER_UNBIND'], statuses: ['PENDING_PARTNER'] })).total_count;
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0], /事件类型/);
  assert.equal(lines.length - 1, total);

  await row.locator('[data-testid=action-handle]').click();
  const dialog = page.locator('[data-testid=handle-event-dialog]');
  await dialog.waitFor();
  assert.match(await page.textContent('[data-testid=handle-event-deadline]'), /剩余 \d+ 天/);
  await screenshot(page, 'association-handle-zh');
  await page.click('[data-testid=handle-event-object]');
  await page.locator('[data-testid=handle-event-reason-error]').waitFor();
  await page.fill('[data-testid=handle-event-reason]', '客户仍有未结清的合同');
  await page.click('[data-testid=handle-event-object]');
  await page.locator('[data-testid=handle-event-done]').waitFor({ timeout: 15_000 });
  await page.click('[data-testid=handle-event-close]');
  const objected = await api('POST', QUERY, { statuses: ['OBJECTED'], limit: 100 });
  const ev = objected.events.find((e) => e.event_id === objectId);
  assert.equal(ev?.handle_reason, '客户仍有未结清的合同');

  // The list reloads: the objected event left this filter; agree to the other.
  await page.waitForFunction((id) => ![...document.querySelectorAll('[data-testid=association-events-table] tbody tr')].some((r) => r.textContent.includes(id)), objectId);
  await toEnglish(page);
  await rowOf(page, agreeId).locator('[data-testid=action-handle]').click();
  await dialog.waitFor();
  assert.match(await page.textContent('[data-testid=handle-event-deadline]'), /\d+ days left/);
  await screenshot(page, 'association-handle-en');
  await page.click('[data-testid=handle-event-agree]');
  await page.locator('[data-testid=handle-event-done]').waitFor({ timeout: 15_000 });
  const completed = await api('POST', QUERY, { statuses: ['COMPLETED'], limit: 100, order_by: '-created_time' });
  assert.ok(completed.events.some((e) => e.event_id === agreeId));
  await page.click('[data-testid=handle-event-close]');
  await screenshot(page, 'association-events-en');
  assertNoPageErrors(page);
  await page.close();
});

test('an account manager sees only the events of their own customers', async () => {
  const liNa = (await apiSignIn(sandbox.apiUrl, { user: 'li.na' })).token;
  const wang = (await apiSignIn(sandbox.apiUrl, { user: 'wang.fang' })).token;
  const own = await api('POST', QUERY, { limit: 100 }, liNa);
  assert.equal(own.visibility_scope, 'OWN');
  assert.ok(own.events.every((e) => e.account_manager?.account_name === 'li.na'));
  const theirs = await api('POST', QUERY, { limit: 100 }, wang);
  assert.ok(!theirs.events.some((e) => e.event_id === cases.act_for_event));

  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { user: 'li.na' });
  await openEvents(page);
  assert.equal(await page.getAttribute('[data-testid=scope-notice]', 'data-scope'), 'OWN');
  await rowOf(page, cases.act_for_event).waitFor({ timeout: 15_000 });
  const managers = await page.locator(`${TABLE} tbody tr[data-testid=row]`).evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.ok(managers.length > 0 && managers.every((t) => t.includes('李娜')), 'every row is li.na\'s customer');
  await page.close();

  const other = await browser.newPage();
  await signIn(other, sandbox.appUrl, { user: 'wang.fang' });
  await other.click('[data-testid=nav-association-events]');
  await other.locator('[data-testid=page-association-events]').waitFor();
  await other.locator(`${TABLE} tbody tr[data-testid=row], .empty-state`).first().waitFor({ timeout: 15_000 });
  assert.equal(await rowOf(other, cases.act_for_event).count(), 0);
  await other.close();
});
