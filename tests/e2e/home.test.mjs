// H1 home: "needs your action" lists, for each kind of pending work the person's pages handle,
// the count the handling list has (asked of the sandbox with the same filters), the earliest
// due date, and a link to that list filtered to those rows. Kinds of pages the person may not
// open are neither shown nor requested.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall } from './lib/api.mjs';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const SERVICE = { account: 'huitong_services' };
let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ customers: 300 });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function api(who, method, path, body) {
  return apiCall(sandbox.apiUrl, (await apiSignIn(sandbox.apiUrl, who)).token, method, path, body);
}

/** The server's clock, from the Date header of an answer (second precision). */
async function serverNow(apiUrl) {
  const res = await fetch(new URL('/v2/partners/profile', apiUrl), { headers: { 'x-auth-token': (await apiSignIn(apiUrl, {})).token } });
  await res.arrayBuffer();
  return new Date(res.headers.get('date'));
}

/** The shown items: kind → count. */
async function shownActions(page) {
  await page.locator('[data-testid=home-actions][aria-busy=false]').waitFor({ timeout: 15_000 });
  return page.$$eval('[data-testid=home-action]', (lis) => Object.fromEntries(lis.map((li) => [li.dataset.kind, Number(li.dataset.count)])));
}

test('a service partner: bills to confirm and invoices to sign, with the lists counts, linking to the filtered lists', async () => {
  const bills = await api(SERVICE, 'GET', '/v2/partners/incentives?status=passed&bill_status=pending&limit=1');
  const invoices = await api(SERVICE, 'GET', '/v2/partners/invoices?status=PENDING_RECEIPT&limit=1');
  assert.ok(bills.total_count > 0 && invoices.total_count > 0, 'the seed has both');
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await signIn(page, sandbox.appUrl, SERVICE);
  const shown = await shownActions(page);
  assert.equal(shown.BillsToConfirm, bills.total_count);
  assert.equal(shown.InvoicesToSign, invoices.total_count);
  assert.equal(shown.QuotasExpiring, undefined, 'a service partner has no voucher quotas');
  assert.ok(!requests.some((p) => p.includes('/coupon-quotas') || p.includes('quotas/query')), 'nor asks for them');
  await screenshot(page, 'home-actions-service-zh-CN');
  // The invoices item opens the invoices list filtered to those waiting for a signature.
  await page.click('[data-testid=home-action][data-kind=InvoicesToSign] [data-testid=home-action-link]');
  await page.waitForURL(/\/benefits\/invoices\?status=PENDING_RECEIPT/);
  await page.locator('[data-testid=page-invoices]').waitFor();
  assertNoPageErrors(page);
  await page.context().close();
});

test('a distributor admin (English): events to answer with the first deadline and expiring quotas', async () => {
  const events = await api({}, 'POST', '/v2/partners/association-events/query', { statuses: ['PENDING_PARTNER'], limit: 1 });
  const page = await browser.newPage({ locale: 'en-US' });
  await signIn(page, sandbox.appUrl);
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') {
    await page.click('[data-testid=switch-language]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  // The window the page uses: now at the server (its Date header: the sandbox's business clock,
  // not this machine's) to 30 days on, usable quotas only.
  const now = await serverNow(sandbox.apiUrl);
  const until = new Date(now.getTime() + 30 * 86_400_000);
  const quotas = await api({}, 'POST', '/v2/partners/coupon-quotas/query', {
    quota_status_list: [0],
    expire_time_begin: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    expire_time_end: until.toISOString().replace(/\.\d+Z$/, 'Z'),
    limit: 1,
  });
  const shown = await shownActions(page);
  assert.equal(shown.EventsToHandle ?? 0, events.total_count);
  assert.equal(shown.QuotasExpiring ?? 0, quotas.total_count);
  assert.equal(shown.InvoicesToSign, undefined, 'no benefits pages for a distributor');
  if (events.total_count > 0) {
    assert.match(await page.textContent('[data-testid=home-action][data-kind=EventsToHandle]'), /Association events to answer: \d+First due/);
  }
  await screenshot(page, 'home-actions-distributor-en');
  assertNoPageErrors(page);
  await page.context().close();
});
