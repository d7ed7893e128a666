// D1 交付 › 项目管理 end to end against the sandbox: 项目跟踪 with the 报备成功 filter and role
// visibility; 申请验收 refused by the form first (input kept), attachments limited by type and
// size, one upload failing mid-way (sandbox fault) and retried from where it stopped, a 401 on
// submit (re-sign-in, nothing lost), then the state on the row and the reviewers' moves; both
// languages; distributors are told the page is not for them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const SERVICE = { account: 'huitong_services', user: 'admin' };
const OPEN = '/v2/partners/delivery/attachments';
const CHUNK = 256 * 1024;

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

async function as(who) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await signIn(page, sandbox.appUrl, who);
  return page;
}

async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

const rows = (page) => page.locator('[data-testid=projects-table] tbody tr[data-testid=row]');
const rowOf = (page, name) => rows(page).filter({ hasText: name });

async function rowCount(page, n) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=projects-table] tbody tr[data-testid=row]').length === n,
    n,
    { timeout: 15_000 },
  );
}

const file = (name, size, byte = 65) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.alloc(size, byte) });

test('项目跟踪: the 报备成功 filter, role visibility, both languages; distributors are told why not', async () => {
  const page = await as(SERVICE);
  await page.click('[data-testid=nav-projects]');
  await rowCount(page, 11);
  assert.match(await page.textContent('[data-testid=total-count]'), /11/);
  await page.click('[data-testid=quick-registered]');
  await page.waitForURL(/status=REGISTERED/);
  await rowCount(page, 4);
  const states = await page.locator('[data-testid=projects-table] [data-testid=project-status]').evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.deepEqual([...new Set(states)], ['REGISTERED']);
  assert.equal(await page.locator('[data-testid=projects-table] [data-testid=action-apply]').count(), 4);
  assert.equal(await page.inputValue('[data-testid=filter-status]'), 'REGISTERED');
  await screenshot(page, 'projects-registered-zh');
  // The status select does the same; a rejected project can be applied for again.
  await page.selectOption('[data-testid=filter-status]', 'ACCEPTANCE_REJECTED');
  await page.click('[data-testid=filter-search]');
  await rowCount(page, 1);
  assert.match(await rows(page).first().innerText(), /验收报告缺少客户签章/);
  assert.equal(await rows(page).first().locator('[data-testid=action-apply]').count(), 1);
  await page.click('[data-testid=quick-all]');
  await rowCount(page, 11);
  assert.equal(await rowOf(page, '跨境电商全站加速').locator('[data-testid=action-apply]').count(), 0, 'in review: no apply');
  await toEnglish(page);
  await page.locator('[data-testid=project-status]', { hasText: 'Acceptance in review' }).first().waitFor();
  await page.locator('[data-testid=quick-registered]', { hasText: 'Registered only' }).waitFor();
  await page.locator('th', { hasText: 'Contract amount' }).first().waitFor();
  await screenshot(page, 'projects-all-en');
  assertNoPageErrors(page);
  await page.context().close();

  const am = await as({ ...SERVICE, user: 'he.jing' });
  await am.click('[data-testid=nav-projects]');
  await rowCount(am, 4);
  await am.click('[data-testid=quick-registered]');
  await rowCount(am, 1);
  await am.context().close();

  // Signed in to stay: the deep link below is a new document load.
  const dist = await as({ account: 'hz_distributor', user: 'admin', stay: true });
  assert.ok(await dist.locator('[data-testid=nav-projects]').isHidden(), 'not in the navigation');
  await dist.goto(new URL('delivery/projects', sandbox.appUrl).href);
  await dist.locator('[data-testid=projects-not-available]').waitFor({ timeout: 15_000 });
  await screenshot(dist, 'projects-not-for-distributor-zh');
  await dist.context().close();
});

test('申请验收: form rules, attachment limits, a chunk failing mid-way retried, a 401 on submit, then the state', async () => {
  const page = await as({ ...SERVICE, user: 'mike.zhou' });
  await page.click('[data-testid=nav-projects]');
  await page.click('[data-testid=quick-registered]');
  await rowCount(page, 2);
  await rowOf(page, '华东制造集团ERP上云迁移').locator('[data-testid=action-apply]').click();
  await page.locator('[data-testid=acceptance-form]').waitFor({ timeout: 15_000 });
  const heading = await page.textContent('[data-testid=accept-project]');
  assert.match(heading, /华东制造集团ERP上云迁移/);
  assert.match(heading, /120,000\.00/);
  assert.match(await page.textContent('[data-testid=attachment-limits]'), /pdf、doc.*10 MB.*5 个/);

  // Nothing filled: every field says why; nothing is sent.
  await page.click('[data-testid=acceptance-submit]');
  await page.locator('[data-testid=form-problems]').waitFor();
  for (const f of ['completion_date', 'acceptance_amount', 'contact_name', 'contact_phone', 'summary', 'attachment_ids']) {
    await page.locator(`[data-testid=error-${f}]`).waitFor();
  }
  await page.fill('[data-testid=input-completion_date]', '2026-10-31');
  await page.fill('[data-testid=input-acceptance_amount]', '120000.01');
  await page.fill('[data-testid=input-contact_name]', '郑浩');
  await page.fill('[data-testid=input-contact_phone]', '13800138000');
  const summary = '迁移完成,客户已签署验收报告,系统已稳定运行一个月。';
  await page.fill('[data-testid=input-summary]', summary);
  await page.click('[data-testid=acceptance-submit]');
  assert.match(await page.textContent('[data-testid=error-acceptance_amount]'), /不能超过合同金额/);
  await page.fill('[data-testid=input-acceptance_amount]', '118000.50');

  // Type and size are refused before a byte is sent.
  await page.setInputFiles('[data-testid=attachment-input]', [file('setup.exe', 10), file('huge.pdf', 10 * 1024 * 1024 + 1)]);
  await page.locator('[data-testid=attachment-refused]').nth(1).waitFor();
  const refused = await page.locator('[data-testid=attachment-refused]').allInnerTexts();
  assert.match(refused[0], /setup\.exe.*不支持的文件类型/);
  assert.match(refused[1], /huge\.pdf.*超过 10 MB/);
  assert.equal(await page.locator('[data-testid=attachment]').count(), 0);

  // A 3-chunk report: its 2nd chunk fails (open + chunk 0 pass), then it is retried.
  await sandbox.faults({ fail_next: [{ kind: 'server_error', method: 'POST', path_prefix: OPEN, skip: 2 }] });
  await page.setInputFiles('[data-testid=attachment-input]', [file('验收报告.pdf', 2 * CHUNK + 100)]);
  const report = page.locator('[data-testid=attachment][data-name="验收报告.pdf"]');
  await report.locator('[data-testid=attachment-retry]').waitFor({ timeout: 15_000 });
  assert.equal(await report.getAttribute('data-state'), 'failed');
  assert.equal(await report.locator('[data-testid=attachment-progress]').getAttribute('value'), '33');
  await report.locator('[data-testid=error-notice]').waitFor();
  await screenshot(page, 'projects-upload-failed-zh');
  // Submitting now says an attachment is not finished.
  await page.click('[data-testid=acceptance-submit]');
  assert.match(await page.textContent('[data-testid=error-attachment_ids]'), /尚未上传完成/);
  await sandbox.clearFaults();
  const before = (await sandbox.control('GET', '/__sandbox/requests')).by_route;
  await report.locator('[data-testid=attachment-retry]').click();
  await page.locator('[data-testid=attachment][data-name="验收报告.pdf"][data-state=done]').waitFor({ timeout: 15_000 });
  const afterRetry = (await sandbox.control('GET', '/__sandbox/requests')).by_route;
  const sum = (m, re) => Object.entries(m).filter(([k]) => re.test(k)).reduce((n, [, v]) => n + v, 0);
  const chunks = /^POST \/v2\/partners\/delivery\/attachments\/[^/]+\/chunks$/;
  assert.equal(sum(afterRetry, chunks) - sum(before, chunks), 2, 'only chunks 1 and 2 were sent again');
  const opens = new RegExp(`^POST ${OPEN}$`);
  assert.equal(sum(afterRetry, opens) - sum(before, opens), 0, 'the same upload went on');
  await page.setInputFiles('[data-testid=attachment-input]', [file('现场照片.png', 1000, 7)]);
  await page.locator('[data-testid=attachment][data-name="现场照片.png"][data-state=done]').waitFor({ timeout: 15_000 });

  // The session expires: submit asks for a new sign-in, then the same application goes.
  await sandbox.expireTokens();
  await page.click('[data-testid=acceptance-submit]');
  await page.locator('[data-testid=reauth-dialog]').waitFor({ timeout: 15_000 });
  assert.equal(await page.inputValue('[data-testid=input-summary]'), summary);
  await screenshot(page, 'projects-accept-reauth-zh');
  await page.fill('[data-testid=reauth-dialog] [data-testid=signin-password]', 'Partner@2026');
  await page.click('[data-testid=reauth-dialog] [data-testid=signin-submit]');
  await page.locator('[data-testid=reauth-dialog]').waitFor({ state: 'detached' });

  // Back on the list: the notice and the row's new state.
  await page.locator('[data-testid=acceptance-submitted]').waitFor({ timeout: 15_000 });
  await rowCount(page, 1);
  const row = rows(page).first();
  assert.equal(await row.locator('[data-testid=project-status]').getAttribute('data-status'), 'ACCEPTANCE_SUBMITTED');
  assert.match(await row.locator('[data-testid=acceptance]').innerText(), /2026-10-31.*2 个附件/);
  assert.equal(await row.locator('[data-testid=action-apply]').count(), 0);
  await screenshot(page, 'projects-submitted-zh');

  // The reviewers reject it: the reason is on the row and it may be applied for again.
  const projectId = await page.getAttribute('[data-testid=acceptance-submitted]', 'data-project');
  await sandbox.control('POST', '/__sandbox/project-review', { project_id: projectId, action: 'reject', reason: '缺少客户签章' });
  await page.click('[data-testid=quick-all]');
  await rowCount(page, 5);
  const erp = rowOf(page, '华东制造集团ERP上云迁移');
  await erp.locator('[data-testid=project-status][data-status=ACCEPTANCE_REJECTED]').waitFor({ timeout: 15_000 });
  assert.match(await erp.innerText(), /缺少客户签章/);
  await toEnglish(page);
  await erp.locator('[data-testid=project-status]', { hasText: 'Acceptance rejected' }).waitFor();
  await erp.locator('[data-testid=action-apply]').click();
  await page.locator('[data-testid=acceptance-form]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=attachment-limits]', { hasText: 'each file at most 10 MB' }).waitFor();
  await page.click('[data-testid=acceptance-submit]');
  await page.locator('[data-testid=error-summary]', { hasText: 'Please fill in this field' }).waitFor();
  await screenshot(page, 'projects-accept-form-en');
  assertNoPageErrors(page);
  await page.context().close();
});

test('a failed submit keeps the draft and the uploads; a project in review cannot be applied for', async () => {
  const page = await as({ ...SERVICE, stay: true });
  await page.click('[data-testid=nav-projects]');
  await page.click('[data-testid=quick-registered]');
  await rowCount(page, 3); // the previous test's project was rejected
  await rowOf(page, '医疗影像归档系统迁移').locator('[data-testid=action-apply]').click();
  await page.locator('[data-testid=acceptance-form]').waitFor({ timeout: 15_000 });
  await page.fill('[data-testid=input-completion_date]', '2026-11-01');
  await page.fill('[data-testid=input-acceptance_amount]', '256000');
  await page.fill('[data-testid=input-contact_name]', 'Zheng Hao');
  await page.fill('[data-testid=input-contact_phone]', '+8613800138000');
  await page.fill('[data-testid=input-summary]', 'PACS migrated; the hospital signed the acceptance report.');
  await page.setInputFiles('[data-testid=attachment-input]', [file('report.docx', 5000)]);
  await page.locator('[data-testid=attachment][data-state=done]').waitFor({ timeout: 15_000 });
  await sandbox.faults({ fail_next: [{ kind: 'server_error', method: 'POST', path_prefix: '/v2/partners/delivery/projects' }] });
  await page.click('[data-testid=acceptance-submit]');
  await page.locator('[data-testid=submit-unsure] [data-testid=error-notice]').waitFor({ timeout: 15_000 });
  assert.equal(await page.inputValue('[data-testid=input-contact_name]'), 'Zheng Hao');
  assert.equal(await page.locator('[data-testid=attachment][data-state=done]').count(), 1);
  await screenshot(page, 'projects-submit-failed-zh');
  await page.click('[data-testid=acceptance-submit]');
  await page.locator('[data-testid=acceptance-submitted]').waitFor({ timeout: 15_000 });

  // Opening the form of a project in review says it cannot be applied for.
  const { token } = await apiSignIn(sandbox.apiUrl, SERVICE);
  const r = await fetch(new URL('/v2/partners/delivery/projects?status=ACCEPTANCE_IN_REVIEW', sandbox.apiUrl), { headers: { 'X-Auth-Token': token } });
  const id = (await r.json()).projects[0].project_id;
  await page.goto(new URL(`delivery/projects/accept?project=${encodeURIComponent(id)}`, sandbox.appUrl).href);
  await page.locator('[data-testid=accept-not-now]').waitFor({ timeout: 15_000 });
  assertNoPageErrors(page);
  await page.context().close();
});
