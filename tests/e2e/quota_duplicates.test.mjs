// Q1 from the issue-quota dialog under commit_then_reset: the connection closes before any
// answer byte, so Chromium resends the POST by itself and the sandbox processes it twice while
// the page sees one clean answer. "Check for duplicates" reads the Q4 records back, shows the
// extra allocation on each reseller's row (never hidden) and reclaims it (Q2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const D1 = 'QT260105000001';
const CLOUDBRIDGE = 'd6e50f10bc1f383f07731d885210b65e';
const NIMBUS = 'c826384893b3711f37b5fa89dd5013cb';
const Q1 = '/v2/partners/coupon-quotas/indirect-partner-adjust';
const Q3 = '/v2/partners/issued-coupon-quotas';

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

async function issueInDialog(page, amount) {
  await page.click('[data-testid=nav-quotas]');
  await page.locator('[data-testid=page-quotas]').waitFor();
  await page.click('[data-testid=open-issue-quota]');
  await page.locator(`[data-testid=source-quota][data-quota=${D1}]`).waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=reseller-option]').first().waitFor();
  await page.click(`[data-testid=source-quota][data-quota=${D1}]`);
  await page.click(`[data-testid=reseller-option][data-reseller="${CLOUDBRIDGE}"] input`);
  await page.click(`[data-testid=reseller-option][data-reseller="${NIMBUS}"] input`);
  await page.fill('[data-testid=quota-amount]', amount);
  await page.click('[data-testid=issue-quota-submit]');
  await page.locator('[data-testid=issue-quota-results]').waitFor({ timeout: 30_000 });
}

async function checkDuplicates(page) {
  await page.click('[data-testid=check-quota-duplicates]');
  await page.locator('[data-testid=quota-dup-summary]').waitFor();
  return Number(await page.getAttribute('[data-testid=quota-dup-summary]', 'data-extra'));
}

test('a Q1 that Chromium resent by itself: the check finds one extra quota per reseller and reclaims it', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_reset', count: 1, method: 'POST', path_prefix: Q1 }] });
  await sandbox.control('DELETE', '/__sandbox/requests');
  await issueInDialog(page, '432.10');
  // The page got a clean answer; the server received the POST twice.
  const c = await sandbox.control('GET', '/__sandbox/requests');
  assert.equal(c.by_route[`POST ${Q1}`], 2, 'Chromium resent the POST');
  assert.equal(await page.getAttribute('[data-testid=issue-quota-results]', 'data-reconciled'), 'false');
  for (const r of [CLOUDBRIDGE, NIMBUS]) {
    assert.equal(await page.getAttribute(`[data-testid=issue-quota-result][data-reseller="${r}"]`, 'data-state'), 'issued');
    assert.equal((await childQuotas(r, 432.1)).length, 2, 'issued twice');
  }

  assert.equal(await checkDuplicates(page), 2);
  assert.equal(await page.textContent('[data-testid=quota-dup-summary]'), '2 extra allocations found');
  await screenshot(page, 'quotas-duplicates-en');
  for (const r of [CLOUDBRIDGE, NIMBUS]) {
    const row = page.locator(`[data-testid=quota-dup][data-reseller="${r}"]`);
    assert.equal(await row.getAttribute('data-extra'), '1');
    const kept = await row.getAttribute('data-kept');
    const extra = await row.locator('[data-testid=quota-dup-extra]').getAttribute('data-quota');
    // The kept one is the quota the result names; both are the reseller's new quotas.
    assert.match(await page.textContent(`[data-testid=issue-quota-result][data-reseller="${r}"]`), new RegExp(kept));
    assert.deepEqual((await childQuotas(r, 432.1)).map((q) => q.quota_id).sort(), [kept, extra].sort());
    await row.locator('[data-testid=quota-dup-reclaim]').click();
    await row.locator('[data-testid=quota-dup-extra][data-reclaimed=true]').waitFor();
    const now = await childQuotas(r, 432.1);
    assert.equal(now.find((q) => q.quota_id === extra).quota_status, 6, 'extra reclaimed (6)');
    assert.notEqual(now.find((q) => q.quota_id === kept).quota_status, 6, 'kept one untouched');
  }
  await screenshot(page, 'quotas-duplicates-reclaimed-en');
  // Checking again still lists them (never hidden), marked reclaimed.
  assert.equal(await checkDuplicates(page), 2);
  assert.equal(await page.locator('[data-testid=quota-dup-extra][data-reclaimed=true]').count(), 2);
  await sandbox.clearFaults();
  assertNoPageErrors(page);
  await page.context().close();
});

test('a clean Q1: the check finds no duplicates', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await issueInDialog(page, '123.45');
  assert.equal(await checkDuplicates(page), 0);
  for (const r of [CLOUDBRIDGE, NIMBUS]) {
    assert.equal(await page.getAttribute(`[data-testid=quota-dup][data-reseller="${r}"]`, 'data-extra'), '0');
  }
  assert.equal(await page.textContent('[data-testid=quota-dup-summary]'), '未发现重复发放');
  await screenshot(page, 'quotas-duplicates-none-zh');
  assertNoPageErrors(page);
  await page.context().close();
});
