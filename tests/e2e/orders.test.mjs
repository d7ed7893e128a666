// S2 Customer orders › Order resource details, end to end against the sandbox: the list with
// its documented filters and translated enums, the eye toggle on sensitive fields, and the
// drill from an order to its items and resources.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiSignIn, assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';
import { formatOf, readXlsx } from './lib/xlsx.mjs';

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

async function apiOrders(query, user = 'admin') {
  const { token } = await apiSignIn(sandbox.apiUrl, { user });
  const res = await fetch(new URL(`/v2/orders/customer-orders?${query}`, sandbox.apiUrl), { headers: { 'x-auth-token': token } });
  assert.equal(res.status, 200);
  return res.json();
}

/** Waits until the table has settled (not loading) with at least one row. */
async function waitForRows(page, table = 'orders-table') {
  await page.locator(`[data-testid=${table}] [data-testid=row]`).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (t) => document.querySelector(`[data-testid=${t}]`)?.closest('[aria-busy]')?.getAttribute('aria-busy') === 'false',
    table,
  );
}

/** Waits until every row's `col` shows only `code` (the reload after a filter change is done). */
async function waitForCodes(page, col, code) {
  await page.waitForFunction(
    ([c, v]) => {
      const codes = [...document.querySelectorAll(`[data-testid=orders-table] [data-testid=row] [data-col=${c}] [data-code]`)].map((e) => e.dataset.code);
      return codes.length > 0 && codes.every((x) => x === v);
    },
    [col, code],
  );
}

async function openOrders(page, query = '') {
  await page.click('[data-testid=nav-orders]');
  if (query) {
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      document.body.appendChild(a);
      a.click();
      a.remove();
    }, `/sales/orders${query}`);
    await page.waitForURL((u) => u.search === query);
  }
  await waitForRows(page);
}

test('the orders list shows what O1 returns, with filters in the URL and translated enums', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await openOrders(page);
  const all = await apiOrders('limit=1');
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), all.total_count);

  await page.selectOption('[data-testid=filter-status]', '5');
  await page.selectOption('[data-testid=filter-type]', '2');
  await page.click('[data-testid=filter-search]');
  await page.waitForURL(/status=5/);
  await waitForCodes(page, 'status', '5');
  await waitForRows(page);
  const filtered = await apiOrders('status=5&order_type=2&limit=1');
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), filtered.total_count);
  const statuses = await page.$$eval('[data-testid=orders-table] [data-testid=row] [data-col=status] [data-code]', (els) => [...new Set(els.map((e) => e.dataset.code))]);
  assert.deepEqual(statuses, ['5']);
  // Enums are shown translated (the deployment's default language is zh-CN).
  assert.equal(await page.textContent('[data-testid=orders-table] [data-testid=row] [data-col=status] [data-code]'), '已完成');
  assert.equal(await page.textContent('[data-testid=orders-table] [data-testid=row] [data-col=type] [data-code]'), '续订');
  await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('[data-testid=orders-table] [data-testid=row] [data-col=status] [data-code]'), 'Completed');
  // O1 names services in Chinese only; the app shows them in the person's language.
  assert.doesNotMatch(await page.textContent('[data-testid=orders-table] [data-testid=row] [data-col=service]'), /[\u3400-\u9fff]/);
  await screenshot(page, 'orders-en');
  assertNoPageErrors(page);
});

test('a date range longer than a year is refused at the field, keeping what was typed', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl);
  await openOrders(page);
  await page.fill('[data-testid=filter-created-from]', '2024-01-01');
  await page.fill('[data-testid=filter-created-to]', '2025-06-01');
  await page.click('[data-testid=filter-search]');
  await page.locator('.filter.field-invalid .field-error').waitFor();
  assert.match(await page.textContent('.filter.field-invalid .field-error'), /一年/);
  assert.doesNotMatch(page.url(), /from=/, 'nothing was sent');
  assert.equal(await page.inputValue('[data-testid=filter-created-from]'), '2024-01-01');
  await screenshot(page, 'orders-range-error-zh');
  assertNoPageErrors(page);
});

test('customer ids are masked with an eye toggle; an order drills down to items and resources', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl, { stay: true });
  // A new-purchase order of an ECS: it opened resources.
  await openOrders(page, '?type=1&service=hws.service.type.ec2&status=5');
  await waitForCodes(page, 'type', '1');
  const cell = page.locator('[data-testid=orders-table] [data-testid=row] [data-col=customer]').first();
  const masked = await cell.locator('[data-testid=masked-value]').textContent();
  assert.doesNotMatch(masked, /^[0-9a-f]{32}$/, `masked: ${masked}`);
  await cell.locator('[data-testid=cell-eye]').click();
  const full = await cell.locator('[data-testid=masked-value]').textContent();
  assert.match(full, /^[0-9a-f]{32}$/, `revealed: ${full}`);
  assert.ok(full.startsWith(masked.slice(0, 4)), 'the masked form is the same id, shortened');

  const orderId = await page.textContent('[data-testid=order-link]');
  await page.click('[data-testid=order-link]');
  await page.locator('[data-testid=order-facts]').waitFor();
  assert.match(await page.textContent('[data-testid=order-title]'), new RegExp(orderId));
  await waitForRows(page, 'order-items-table');
  await waitForRows(page, 'order-resources-table');
  const resourceId = page.locator('[data-testid=order-resources-table] [data-testid=row] [data-col=resource-id] [data-testid=masked-value]').first();
  assert.doesNotMatch(await resourceId.textContent(), /^(i|vol|eip|rds|obs)-[0-9a-f]{16,}$/, 'resource ids start masked');
  await screenshot(page, 'order-detail-zh');

  // A reload of the deep link shows the same order.
  await page.reload();
  await page.locator('[data-testid=order-facts]').waitFor();
  await page.click('[data-testid=back-to-list]');
  await page.waitForURL((u) => u.pathname === '/sales/orders' && u.search.includes('service=hws.service.type.ec2'));
  assertNoPageErrors(page);
});

test('an account manager sees only the orders of their own customers', async () => {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl, { user: 'li.na' });
  await openOrders(page);
  const own = await apiOrders('limit=1', 'li.na');
  const admin = await apiOrders('limit=1');
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), own.total_count);
  assert.ok(own.total_count < admin.total_count);
  assertNoPageErrors(page);
});

test('XLSX export: every order of the filter through limit-100 pages, typed cells, header in the current language', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl, { stay: true });
  await openOrders(page, '?status=5');
  await waitForCodes(page, 'status', '5');
  const expected = (await apiOrders('status=5&limit=1')).total_count;
  assert.ok(expected > 100, `needs several API pages: ${expected}`);
  const calls = [];
  page.on('request', (r) => {
    if (r.url().includes('/v2/orders/customer-orders?')) calls.push(new URL(r.url()).searchParams);
  });
  await sandbox.faults({ latency_ms: 150 });
  let download;
  try {
    [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.click('[data-testid=export-xlsx]');
        // Progress while the pages stream in; one export at a time.
        await page.locator('[data-testid=export-progress]').waitFor();
        assert.ok(await page.isDisabled('[data-testid=export-csv]'));
        await screenshot(page, 'orders-xlsx-progress-zh');
      })(),
    ]);
  } finally {
    await sandbox.clearFaults();
  }
  assert.match(download.suggestedFilename(), /^orders-\d{8}-\d{4}\.xlsx$/);
  await page.locator('[data-testid=export-done]').waitFor();
  assert.equal(Number(await page.getAttribute('[data-testid=export-done]', 'data-rows')), expected);
  assert.ok(calls.length >= Math.ceil(expected / 100));
  assert.ok(calls.every((q) => q.get('limit') === '100' && q.get('status') === '5'));

  const book = readXlsx(readFileSync(await download.path()));
  assert.match(book.workbook, /<sheet name="客户订单/);
  const header = book.rows[0].map((c) => c.value);
  // The visible columns (list price and payment time are hidden by default so the list fits
  // 1280 px, #18).
  assert.deepEqual(header, ['订单号', '客户 ID', '云服务类型', '订单类型', '订单状态', '实付金额', '创建时间']);
  assert.ok(book.rows[0].every((c) => c.type === 'text'));
  const body = book.rows.slice(1);
  assert.equal(body.length, expected, 'every matching order, not only the page');
  assert.ok(!book.sheet.includes('<f>'), 'no formulas');
  const col = (name) => header.indexOf(name);
  for (const r of body) {
    assert.equal(r[col('订单号')].type, 'text');
    assert.match(r[col('客户 ID')].value, /^[0-9a-f]{32}$/, 'ids in full (not masked)');
    assert.equal(r[col('订单状态')].value, '已完成', 'enums translated');
    const paid = r[col('实付金额')];
    assert.equal(paid.type, 'number', 'amounts are numbers');
    assert.match(paid.value, /^-?\d+(\.\d{1,2})?$/);
    assert.match(formatOf(book.styles, paid.style), /^#,##0\.00 "CNY"$/);
    const created = r[col('创建时间')];
    assert.equal(created.type, 'number', 'dates are dates');
    assert.equal(formatOf(book.styles, created.style), 'yyyy-mm-dd hh:mm');
  }
  // The first exported order is the first row of the table (same sort), same amount.
  const firstId = await page.textContent('[data-testid=order-link]');
  assert.equal(body[0][col('订单号')].value, firstId);
  const shown = await page.textContent('[data-testid=orders-table] [data-testid=row] [data-col=paid]');
  assert.equal(Number(shown.replace(/[^\d.-]/g, '')), Number(body[0][col('实付金额')].value));
  // Dates are local: the serial of the first row matches the time the table shows.
  const shownAt = (await page.textContent('[data-testid=orders-table] [data-testid=row] [data-col=created]')).trim();
  const serial = Number(body[0][col('创建时间')].value);
  const local = new Date(Math.round((serial - 25569) * 86400 * 1000)).toISOString().slice(0, 16).replace('T', ' ');
  assert.equal(local, shownAt);

  // In English the header follows the language.
  await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const [en] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  const enBook = readXlsx(readFileSync(await en.path()));
  assert.deepEqual(enBook.rows[0].slice(0, 2).map((c) => c.value), ['Order ID', 'Customer ID']);
  assert.equal(enBook.rows[1][col('订单状态')].value, 'Completed');
  assertNoPageErrors(page);
});

/** A call to the sandbox as the admin (JSON body). */
async function apiPost(path, body, user = 'admin') {
  const { token } = await apiSignIn(sandbox.apiUrl, { user });
  const res = await fetch(new URL(path, sandbox.apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const O4 = '/v2/partners/sub-customers/on-demand-resources/query';

test('pay-per-use resources (O4): customer required, documented filters, translated statuses, eye toggle, drill from an order', async () => {
  // A resale customer with several pay-per-use resources, and a referral one.
  const customers = (await apiPost('/v2/partners/sub-customers/opportunities/query', { limit: 100 })).json.customer_opportunities;
  let resale;
  let all;
  for (const c of customers.filter((c) => c.association_type === '2')) {
    const r = await apiPost(O4, { customer_id: c.customer_id, limit: 1 });
    if (r.status === 200 && r.json.total_count >= 5) {
      resale = c.customer_id;
      all = r.json.total_count;
      break;
    }
  }
  assert.ok(resale, 'a resale customer with pay-per-use resources');
  const referral = customers.find((c) => c.association_type === '1').customer_id;

  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl, { stay: true });
  await page.click('[data-testid=nav-orders]');
  await page.click('[data-testid=tab-pay-per-use]');
  await page.locator('[data-testid=page-pay-per-use]').waitFor();
  assert.equal(await page.getAttribute('[data-testid=tab-pay-per-use]', 'aria-current'), 'page');
  const calls = [];
  page.on('request', (r) => {
    if (r.url().endsWith(O4)) calls.push(JSON.parse(r.postData() || '{}'));
  });
  // No customer: said at the field, nothing sent.
  await page.click('[data-testid=filter-search]');
  await page.locator('[data-testid=ppu-filters] .field-invalid .field-error').waitFor();
  assert.match(await page.textContent('[data-testid=ppu-filters] .field-invalid .field-error'), /请填写客户 ID/);
  assert.equal(calls.length, 0);

  await page.fill('[data-testid=filter-customer]', resale);
  await page.click('[data-testid=filter-search]');
  await page.waitForURL((u) => u.searchParams.get('customer') === resale);
  await waitForRows(page, 'ppu-table');
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), all);
  assert.equal(calls.at(-1).customer_id, resale);
  assert.equal(calls.at(-1).limit, 20);
  // Statuses translated; resource ids masked until the eye is pressed.
  const labels = { 1: '正常', 2: '宽限期', 3: '已冻结', 4: '变更中', 5: '正在关闭', 6: '已关闭' };
  const tags = await page.$$eval('[data-testid=ppu-table] [data-testid=row] [data-col=status] [data-code]', (els) => els.map((e) => [e.dataset.code, e.textContent]));
  assert.ok(tags.length > 0 && tags.every(([c, t]) => labels[c] === t), JSON.stringify(tags));
  const cell = page.locator('[data-testid=ppu-table] [data-testid=row] [data-col=resource-id]').first();
  const masked = await cell.locator('[data-testid=masked-value]').textContent();
  await cell.locator('[data-testid=cell-eye]').click();
  const full = await cell.locator('[data-testid=masked-value]').textContent();
  assert.notEqual(masked, full);
  assert.ok(full.length > masked.length, `${masked} → ${full}`);
  await screenshot(page, 'orders-pay-per-use-zh');

  // A status filter: sent as documented, the total is the API's.
  const code = tags[0][0];
  await page.selectOption('[data-testid=filter-status]', code);
  await page.click('[data-testid=filter-search]');
  await page.waitForURL((u) => u.searchParams.get('status') === code);
  const want = (await apiPost(O4, { customer_id: resale, status: Number(code), limit: 1 })).json.total_count;
  await page.waitForFunction((n) => document.querySelector('[data-testid=total-count]')?.dataset.total === String(n), want);
  assert.equal(calls.at(-1).status, Number(code));
  // More than 50 resource ids: refused at the field, the text kept, nothing sent.
  const sent = calls.length;
  const many = Array.from({ length: 51 }, (_, i) => `id-${i}`).join(',');
  await page.fill('[data-testid=filter-ids]', many);
  await page.click('[data-testid=filter-search]');
  assert.match(await page.textContent('[data-testid=ppu-filters] .field-invalid .field-error'), /最多 50 个/);
  assert.equal(await page.inputValue('[data-testid=filter-ids]'), many);
  assert.equal(calls.length, sent);

  // In English: labels and the API's resource type names follow the language.
  await page.fill('[data-testid=filter-ids]', '');
  await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => !/[\u3400-\u9fff]/.test(document.querySelector('[data-testid=ppu-table] [data-testid=row] [data-col=resource-type]')?.textContent ?? '中'));
  assert.equal(calls.at(-1)?.customer_id, resale);
  await screenshot(page, 'orders-pay-per-use-en');

  // A referral customer: O4 would refuse (403); the page says why (resale customers only)
  // without sending it.
  const o4 = [];
  page.on('request', (r) => {
    if (r.url().includes('/on-demand-resources/query') && r.postData()?.includes(referral)) o4.push(r.url());
  });
  await page.fill('[data-testid=filter-customer]', referral);
  await page.selectOption('[data-testid=filter-status]', '');
  await page.click('[data-testid=filter-search]');
  const empty = page.locator('[data-testid=empty-state]').first();
  await empty.waitFor();
  assert.match(await empty.textContent(), /This is a referral customer: pay-per-use resources are listed for resale customers only/);
  assert.equal(await page.locator('[data-testid=error-notice]').count(), 0);
  assert.deepEqual(o4, [], 'no call known to be refused');
  await screenshot(page, 'orders-pay-per-use-referral-en');
  assertNoPageErrors(page);
});

test('an order drills down to its customer\'s pay-per-use resources', async () => {
  const customers = (await apiPost('/v2/partners/sub-customers/opportunities/query', { limit: 100 })).json.customer_opportunities;
  let customer;
  for (const c of customers.filter((c) => c.association_type === '2')) {
    const o = await apiOrders(`customer_id=${c.customer_id}&limit=1`);
    const r = await apiPost(O4, { customer_id: c.customer_id, limit: 1 });
    if (o.total_count > 0 && r.json.total_count > 0) {
      customer = { id: c.customer_id, resources: r.json.total_count };
      break;
    }
  }
  assert.ok(customer);
  const page = await browser.newPage({ locale: 'zh-CN' });
  await signIn(page, sandbox.appUrl, { stay: true });
  await openOrders(page, `?customer=${customer.id}`);
  await page.click('[data-testid=order-link]');
  await page.locator('[data-testid=order-facts]').waitFor();
  await page.click('[data-testid=order-pay-per-use]');
  await page.waitForURL((u) => u.pathname === '/sales/orders/pay-per-use' && u.searchParams.get('customer') === customer.id);
  await waitForRows(page, 'ppu-table');
  assert.equal(await page.inputValue('[data-testid=filter-customer]'), customer.id);
  assert.equal(Number(await page.getAttribute('[data-testid=total-count]', 'data-total')), customer.resources);
  // Back to the orders view through the tab.
  await page.click('[data-testid=tab-orders]');
  await page.waitForURL((u) => u.pathname === '/sales/orders');
  assertNoPageErrors(page);
});
