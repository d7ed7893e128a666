// B1 专职人员激励 (FH), B2 能力提升激励 and B5 发票 end to end against the sandbox: members see
// their applications, non-members (another service partner, a distributor) the programme's
// prerequisite and whom to ask; a capability application refused by the form first (input
// kept), then submitted; invoices in each state with what each shows; 签收 once, also when
// its answer is lost (re-read, never sent twice).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const MAILED_ZH = "发票已邮寄。请您在接收到发票后,及时点击操作中的'签收'按钮完成发票签收。";
const MAILED_EN = "The invoice has been mailed. When you receive it, please click 'Sign for' under Actions to confirm receipt.";
const SERVICE = { account: 'huitong_services', user: 'admin' };
const CCOE_ONLY = { account: 'yunqi_services', user: 'admin' };
const NEITHER = { account: 'anxin_ops', user: 'admin' };

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ customers: 400 });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function as(who, opts = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...opts });
  await signIn(page, sandbox.appUrl, who);
  return page;
}

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

const rows = (page, table) => page.locator(`[data-testid=${table}] tbody tr[data-testid=row]`);

async function requests(route) {
  const r = await sandbox.control('GET', '/__sandbox/requests');
  return r.by_route[route] || 0;
}

test('B1: CCoE members see their FH applications with states; others see the prerequisite and their ecosystem manager', async () => {
  const member = await as(SERVICE);
  await member.click('[data-testid=nav-fh]');
  await rows(member, 'fh-table').first().waitFor({ timeout: 15_000 });
  assert.equal(await rows(member, 'fh-table').count(), 10);
  const states = await member.locator('[data-testid=fh-table] [data-testid=review-status]').evaluateAll((els) => els.map((e) => e.dataset.status));
  for (const s of ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED']) assert.ok(states.includes(s), s);
  assert.ok((await member.locator('[data-testid=fh-table]').innerText()).includes('专职人员社保证明缺失'));
  // The status filter is in the URL.
  await member.selectOption('[data-testid=filter-status]', 'REJECTED');
  await member.click('[data-testid=filter-search]');
  await member.waitForURL(/status=REJECTED/);
  await member.waitForFunction(() => document.querySelectorAll('[data-testid=fh-table] tbody tr[data-testid=row]').length === 2);
  await screenshot(member, 'programmes-fh-member-zh');
  await toEnglish(member);
  await member.locator('[data-testid=fh-table] [data-testid=review-status]', { hasText: 'Rejected' }).first().waitFor();
  await screenshot(member, 'programmes-fh-member-en');
  assertNoPageErrors(member);

  const ccoe = await as(CCOE_ONLY);
  await ccoe.click('[data-testid=nav-fh]');
  await rows(ccoe, 'fh-table').first().waitFor({ timeout: 15_000 });
  assert.equal(await rows(ccoe, 'fh-table').count(), 3);

  const outsider = await as(NEITHER);
  await outsider.click('[data-testid=nav-fh]');
  const pre = outsider.locator('[data-testid=programme-prerequisite][data-programme=CCOE_CAPABILITY_BUILDING]');
  await pre.waitFor({ timeout: 15_000 });
  assert.match(await pre.innerText(), /受邀加入/);
  assert.match(await outsider.locator('[data-testid=ecosystem-manager]').innerText(), /罗佳.*luo\.jia@eco\.example\.com/);
  assert.equal(await outsider.locator('[data-testid=fh-table]').count(), 0);
  await screenshot(outsider, 'programmes-fh-prerequisite-zh');
  await toEnglish(outsider);
  await outsider.locator('text=by invitation only').waitFor();
  await screenshot(outsider, 'programmes-fh-prerequisite-en');

  const dist = await as({ account: 'hz_distributor', user: 'admin' });
  await dist.click('[data-testid=nav-fh]');
  await dist.locator('[data-testid=programme-prerequisite]').waitFor({ timeout: 15_000 });
  await dist.locator('[data-testid=prerequisite-service-only]').waitFor();
  assert.equal(dist.pageErrors.length + outsider.pageErrors.length, 0);
  for (const p of [member, ccoe, outsider, dist]) await p.context().close();
});

test('B2: benefits per level-1 tag, an application refused by the form first (input kept) then submitted; non-members see the prerequisite', async () => {
  for (const who of [CCOE_ONLY, NEITHER]) {
    const p = await as(who);
    await p.click('[data-testid=nav-capability]');
    await p.locator('[data-testid=programme-prerequisite][data-programme=CAPABILITY_IMPROVEMENT]').waitFor({ timeout: 15_000 });
    assert.equal(await p.locator('[data-testid=benefits-table]').count(), 0);
    await p.context().close();
  }

  const page = await as(SERVICE);
  await page.click('[data-testid=nav-capability]');
  await rows(page, 'benefits-table').first().waitFor({ timeout: 15_000 });
  const tags = await page.locator('[data-testid=benefit-tag]').evaluateAll((els) => els.map((e) => e.dataset.tag));
  assert.deepEqual(tags, ['CLOUD_MIGRATION', 'DATABASE', 'BIG_DATA', 'AI', 'SECURITY']);
  const row = (tag) => rows(page, 'benefits-table').filter({ has: page.locator(`[data-testid=benefit-tag][data-tag=${tag}]`) });
  // Under review and approved cannot be applied for; rejected and none can.
  assert.equal(await row('BIG_DATA').locator('[data-testid=action-apply]').count(), 0);
  assert.equal(await row('CLOUD_MIGRATION').locator('[data-testid=action-apply]').count(), 0);
  assert.equal(await row('DATABASE').locator('[data-testid=action-apply]').count(), 1);
  await screenshot(page, 'programmes-capability-zh');

  await row('SECURITY').locator('[data-testid=action-apply]').click();
  await page.locator('[data-testid=application-form]').waitFor({ timeout: 15_000 });
  await page.fill('[data-testid=input-amount]', '30000.01');
  await page.fill('[data-testid=input-certified_engineers]', '2.5');
  await page.fill('[data-testid=input-contact_name]', '郑浩');
  await page.fill('[data-testid=input-contact_phone]', '12345');
  await page.fill('[data-testid=input-contact_email]', 'zheng@huitong');
  await page.fill('[data-testid=input-description]', '太短');
  const posts = await requests('POST /v2/partners/benefits/capability-applications');
  await page.click('[data-testid=application-submit]');
  for (const f of ['amount', 'certified_engineers', 'contact_phone', 'contact_email', 'description']) {
    await page.locator(`[data-testid=error-${f}]`).waitFor();
  }
  assert.equal(await page.locator('[data-testid=error-contact_name]').count(), 0);
  assert.match(await page.locator('[data-testid=error-amount]').innerText(), /最高激励金额/);
  assert.equal(await page.inputValue('[data-testid=input-contact_phone]'), '12345', 'input kept');
  assert.equal(await page.inputValue('[data-testid=input-description]'), '太短');
  assert.equal(await requests('POST /v2/partners/benefits/capability-applications'), posts, 'nothing sent');
  await screenshot(page, 'programmes-apply-errors-zh');
  await toEnglish(page);
  await page.locator('text=Must not exceed the benefit').waitFor();
  await screenshot(page, 'programmes-apply-errors-en');

  await page.fill('[data-testid=input-amount]', '12000.50');
  await page.fill('[data-testid=input-certified_engineers]', '6');
  await page.fill('[data-testid=input-contact_phone]', '13800138000');
  await page.fill('[data-testid=input-contact_email]', 'zheng.hao@huitong.example.com');
  await page.fill('[data-testid=input-description]', 'Training and exam subsidies after the security certification.');
  await page.dblclick('[data-testid=application-submit]');
  await page.locator('[data-testid=application-submitted]').waitFor({ timeout: 15_000 });
  assert.equal(await requests('POST /v2/partners/benefits/capability-applications'), posts + 1, 'sent once');
  await rows(page, 'applications-table').first().waitFor();
  const first = rows(page, 'applications-table').first();
  assert.match(await first.innerText(), /Security/);
  assert.equal(await first.locator('[data-testid=review-status]').getAttribute('data-status'), 'SUBMITTED');
  await screenshot(page, 'programmes-applications-en');
  await page.click('[data-testid=tab-benefits]');
  await row('SECURITY').locator('[data-testid=apply-state][data-state=under-review]').waitFor({ timeout: 15_000 });
  assert.equal(await row('SECURITY').locator('[data-testid=action-apply]').count(), 0);
  assertNoPageErrors(page);
  await page.context().close();
});

test('B5: invoices in each state show what the console shows; 签收 once, also when the answer is lost', async () => {
  const page = await as(SERVICE);
  await page.click('[data-testid=nav-invoices]');
  await rows(page, 'invoices-table').first().waitFor({ timeout: 15_000 });
  assert.equal(await rows(page, 'invoices-table').count(), 8);
  const byStatus = (s) => rows(page, 'invoices-table').filter({ has: page.locator(`[data-testid=invoice-status][data-status=${s}]`) });
  const shows = async (s) => byStatus(s).locator('[data-testid=invoice-shows]').allInnerTexts();
  assert.deepEqual(await shows('ISSUING'), ['-']);
  assert.deepEqual(await shows('REVOCATION_REJECTED'), ['发票开具中。您的撤销申请被驳回,驳回原因:发票已进入开具流程,无法撤销。']);
  assert.deepEqual(await shows('PENDING_RECEIPT'), [MAILED_ZH, MAILED_ZH]);
  assert.deepEqual(await shows('INVOICED'), ['-', '-']);
  assert.deepEqual((await shows('INVOICED_RETURN_REJECTED')).sort(), ['-', '驳回原因:发票已认证抵扣,无法退票。'].sort());
  assert.equal(await byStatus('PENDING_RECEIPT').locator('[data-testid=action-sign]').count(), 2);
  assert.equal(await byStatus('ISSUING').locator('[data-testid=action-sign]').count(), 0);
  await screenshot(page, 'programmes-invoices-zh');

  // Filter in the URL.
  await page.selectOption('[data-testid=filter-status]', 'PENDING_RECEIPT');
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/status=PENDING_RECEIPT/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=invoices-table] tbody tr[data-testid=row]').length === 2);

  // 签收 with confirmation; a double click sends once.
  const signRoute = (id) => `POST /v2/partners/invoices/${id}/sign`;
  await rows(page, 'invoices-table').first().locator('[data-testid=action-sign]').click();
  const dialog = page.locator('[data-testid=sign-dialog]');
  await dialog.waitFor();
  const firstId = await dialog.getAttribute('data-invoice');
  await page.dblclick('[data-testid=sign-confirm]');
  await page.locator('[data-testid=sign-done][data-already=false]').waitFor({ timeout: 15_000 });
  assert.equal(await requests(signRoute(firstId)), 1, 'signed once');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=invoices-table] tbody tr[data-testid=row]').length === 1);

  // The answer is lost after the server signed: the page re-reads the invoice and does not send again.
  await sandbox.faults({ fail_next: [{ kind: 'commit_then_fail', path_prefix: '/v2/partners/invoices/', method: 'POST' }] });
  await rows(page, 'invoices-table').first().locator('[data-testid=action-sign]').click();
  await dialog.waitFor();
  const secondId = await dialog.getAttribute('data-invoice');
  assert.notEqual(secondId, firstId);
  await page.click('[data-testid=sign-confirm]');
  await page.locator('[data-testid=sign-done][data-already=false]').waitFor({ timeout: 15_000 });
  assert.equal(await dialog.count(), 0);
  assert.equal(await requests(signRoute(secondId)), 1, 'never sent twice');
  assert.ok((await requests(`GET /v2/partners/invoices/${secondId}`)) >= 1, 're-read');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=invoices-table] tbody tr[data-testid=row]').length === 0);

  await page.click('[data-testid=filter-reset]');
  await rows(page, 'invoices-table').first().waitFor();
  assert.equal(await byStatus('INVOICED').count(), 4);
  await toEnglish(page);
  await page.locator('[data-testid=invoice-status]', { hasText: 'Invoiced (return rejected)' }).first().waitFor();
  await screenshot(page, 'programmes-invoices-en');
  assertNoPageErrors(page);
  await page.context().close();

  // English text of 待签收, for a partner with one left.
  const other = await as(CCOE_ONLY, { locale: 'en-US' });
  await toEnglish(other);
  await other.click('[data-testid=nav-invoices]');
  await rows(other, 'invoices-table').first().waitFor({ timeout: 15_000 });
  assert.deepEqual(
    await rows(other, 'invoices-table').filter({ has: other.locator('[data-status=PENDING_RECEIPT]') }).locator('[data-testid=invoice-shows]').allInnerTexts(),
    [MAILED_EN],
  );
  await other.context().close();

  // Account managers read but do not sign; distributors are told why they have none.
  const am = await as({ account: 'huitong_services', user: 'mike.zhou' });
  await am.click('[data-testid=nav-invoices]');
  await am.locator('[data-testid=sign-read-only]').waitFor({ timeout: 15_000 });
  await rows(am, 'invoices-table').first().waitFor();
  assert.equal(await am.locator('[data-testid=action-sign]').count(), 0);
  await am.context().close();
  const dist = await as({ account: 'hz_distributor', user: 'admin', stay: true });
  // Once the profile is in, the navigation leaves invoices out for a distributor.
  await dist.locator('[data-testid=nav-fh]').waitFor();
  assert.equal(await dist.locator('[data-testid=nav-invoices]').count(), 0, 'left out of the navigation, not hidden');
  await dist.goto(`${sandbox.appUrl}benefits/invoices`);
  await dist.locator('[data-testid=invoices-prerequisite]').waitFor({ timeout: 15_000 });
  assertNoPageErrors(dist);
  await dist.context().close();
});
