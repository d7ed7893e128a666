// Batch adjustment benchmark (S11 批量调账): the release app in headless Chromium allocates to
// each of N resale customers (default 500, the batch limit) against the local sandbox, once
// without faults and once with faults injected into five A1 calls spread over the run (commit
// then 500, commit then an answer later than the client's timeout, a plain 500, commit then a
// cut after the headers, a dropped connection).
//
//   cargo build -p sandbox && cargo xtask build --release
//   node bench/adjust/run.mjs          (PC_DIST=<dist dir>, BENCH_N=<customers>, default 500)
//
// Per run: wall time from clicking "Send" until the plan is done (the benchmark's clock), the
// HTTP requests the sandbox received in that time (its /__sandbox/requests counter: what really
// reached the server, a browser's own resends included) by route, and afterwards the A3 records
// of every customer read back through the API: each must hold exactly one allocation of its
// amount since the run started (duplicates = 0), and they must add up to what left the
// partner's account. Written to bench/results/adjust.json. A benchmark reports; it never fails
// on the numbers (it exits non-zero only if a run could not complete or adjusted someone twice).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSignIn, openBrowser, signIn, startSandbox } from '../../tests/e2e/lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(here, '../results/adjust.json');
const N = Number(process.env.BENCH_N || 500);
const C1 = '/v2/partners/sub-customers/query';
const R2 = '/v2/accounts/partner-accounts/balances';
const A1 = '/v2/accounts/partner-accounts/adjust-amount';
const A3 = '/v3/accounts/partner-accounts/adjust-records';
const TIMEOUT_MS = 5_000;

const sandbox = await startSandbox({
  customers: Math.max(3000, N * 6),
  extraArgs: ['--app-config', `request_timeout_ms=${TIMEOUT_MS}`],
});
const { token } = await apiSignIn(sandbox.apiUrl);

async function api(method, path, body) {
  const res = await fetch(new URL(path, sandbox.apiUrl), {
    method,
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const cents = (x) => Math.round(Number(x) * 100);
const resale = [];
for (let offset = 0; resale.length < 2 * N; offset += 100) {
  const r = await api('POST', C1, { association_type: '2', offset, limit: 100 });
  if (r.customer_infos.length === 0) throw new Error(`only ${resale.length} resale customers; seed more`);
  resale.push(...r.customer_infos.map((c) => c.customer_id));
}

async function allocatable() {
  const cash = (await api('GET', R2)).account_balances.find((a) => a.account_type === 1);
  return cents(cash.amount) - cents(cash.designated_amount ?? 0);
}

async function allocationsSince(id, since) {
  const q = `${A3}?customer_id=${id}&operation_type=SOURCE_OPERATION_BEADJUST&operation_time_begin=${since}&limit=100`;
  return (await api('GET', q)).records;
}

const post = (kind, skip, extra = {}) => ({ kind, count: 1, method: 'POST', path_prefix: A1, skip, ...extra });
const at = (f) => Math.floor(N * f);
const runs = [
  { name: 'no faults', customers: resale.slice(0, N), faults: null },
  {
    name: 'faults in 5 of the A1 calls',
    customers: resale.slice(N, 2 * N),
    faults: {
      fail_next: [
        post('commit_then_fail', at(0.1)),
        post('commit_then_delay', at(0.3), { delay_ms: TIMEOUT_MS + 2000 }),
        post('server_error', at(0.5)),
        post('commit_then_drop', at(0.7)),
        post('drop', at(0.9)),
      ],
    },
  },
];

const browser = await openBrowser();
const out = [];
let failed = false;
for (const run of runs) {
  const page = await browser.newPage();
  await signIn(page, sandbox.appUrl);
  await page.click('[data-testid=nav-customer-funds]');
  await page.click('[data-testid=tab-funds-batch]');
  await page.locator('[data-testid=batch-text]').waitFor({ timeout: 30_000 });
  const amountOf = (i) => 100 + (i % 400); // cents
  const text = run.customers.map((id, i) => `${id}\t${(amountOf(i) / 100).toFixed(2)}`).join('\n');
  await page.$eval(
    '[data-testid=batch-text]',
    (el, t) => {
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  const reviewStart = Date.now();
  await page.click('[data-testid=batch-review]');
  await page.locator('[data-testid=batch-review-card]').waitFor({ timeout: 60_000 });
  const reviewMs = Date.now() - reviewStart;
  const sendable = Number(await page.getAttribute('[data-testid=batch-review-card]', 'data-send'));
  if (sendable !== N) throw new Error(`review: ${sendable} sendable of ${N}`);

  const since = (await sandbox.control('GET', '/__sandbox/voucher-clock')).now;
  const free0 = await allocatable();
  await sandbox.control('DELETE', '/__sandbox/requests');
  if (run.faults) await sandbox.faults(run.faults);
  const started = Date.now();
  await page.click('[data-testid=batch-confirm]');
  await page.waitForSelector('[data-testid=batch-progress][data-state=done]', { timeout: 900_000 });
  const wallMs = Date.now() - started;
  const counted = await sandbox.control('GET', '/__sandbox/requests');
  const left = (await sandbox.control('GET', '/__sandbox/faults')).fail_next.length;
  await sandbox.clearFaults();

  const ui = await page.locator('[data-testid=batch-progress]').evaluate((el) => ({ ...el.dataset }));
  let duplicates = 0;
  let missing = 0;
  let wrongAmount = 0;
  let total = 0;
  for (const [i, id] of run.customers.entries()) {
    const recs = await allocationsSince(id, since);
    if (recs.length === 0) missing += 1;
    if (recs.length > 1) duplicates += 1;
    if (recs.some((r) => cents(r.amount) !== amountOf(i))) wrongAmount += 1;
    total += recs.reduce((s, r) => s + cents(r.amount), 0);
  }
  const expected = run.customers.reduce((s, _, i) => s + amountOf(i), 0);
  const spent = free0 - (await allocatable());
  const r = counted.by_route;
  const a1 = r[`POST ${A1}`] || 0;
  const a3 = Object.entries(r).filter(([k]) => k.startsWith(`GET ${A3}`)).reduce((a, [, n]) => a + n, 0);
  const result = {
    run: run.name,
    customers: N,
    wall_ms: wallMs,
    customers_per_s: Math.round((N / wallMs) * 10000) / 10,
    review_ms: reviewMs,
    requests_total: counted.total,
    requests_by_route: r,
    a1_calls: a1,
    a1_goal: N,
    a3_reconciliation_reads: a3,
    faults_injected: run.faults ? run.faults.fail_next.map((f) => `${f.kind} on A1 call ${f.skip + 1}`) : [],
    faults_not_used: left,
    ui: { done: Number(ui.done), failed: Number(ui.failed), unknown: Number(ui.unknown), extra: Number(ui.extra) },
    customers_adjusted_once: N - missing - duplicates,
    customers_with_duplicates: duplicates,
    customers_not_adjusted: missing,
    customers_with_a_wrong_amount: wrongAmount,
    a3_sum_cents: total,
    list_sum_cents: expected,
    partner_account_change_cents: spent,
  };
  out.push(result);
  console.log(JSON.stringify(result));
  if (duplicates || missing || wrongAmount || total !== expected || spent !== expected) failed = true;
  await page.context().close();
}
await browser.close();
await sandbox.stop();

writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      benchmark: 'allocate to each of N resale customers through the release app in headless Chromium (S11 batch), local sandbox',
      measured_at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      client_timeout_ms: TIMEOUT_MS,
      goal: 'A1 calls = n (+1 per call that failed without committing); A3 reads only after a lost answer; zero duplicates; A3 sum = list sum = partner account change',
      runs: out,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${RESULTS}`);
process.exit(failed ? 1 : 0);
