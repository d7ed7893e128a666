// Issuance benchmark: the release app in headless Chromium issues one voucher to each of 5,000
// whitelisted customers against the local sandbox, once without faults and once with faults
// injected into four V2 calls spread over the run (commit then 500, commit then an answer later
// than the client's timeout, a plain 500, commit then a cut after the headers).
//
//   cargo build -p sandbox && cargo xtask build --release
//   node bench/issuance/run.mjs          (PC_DIST=<dist dir>, BENCH_N=<customers>, default 5000)
//
// Per run: wall time from clicking "Issue" until the plan is done (the page's own figure is
// not used: the clock is the benchmark's), and the HTTP requests the sandbox received in that
// time (its /__sandbox/requests counter: what really reached the server, a browser's own
// resends included), by route. Goal: V2 calls = ceil(n/100) plus one per batch that failed
// without issuing, and V5 reads only when a fault happened. Afterwards the V5 records are read
// back through the API: every customer must hold exactly one voucher of the run's face value.
// Written to bench/results/issuance.json. A benchmark reports; it never fails on the numbers
// (it exits non-zero only if a run could not complete or issued a duplicate).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSignIn, openBrowser, signIn, startSandbox } from '../../tests/e2e/lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(here, '../results/issuance.json');
const N = Number(process.env.BENCH_N || 5000);
const QUOTA = 'QT260105000001';
const COUPONS = '/v2/promotions/benefits/partner-coupons';
const RECORDS = `${COUPONS}/records/query`;
// Shorter than the 20 s default so the commit_then_delay fault stays cheap, long enough that a
// busy page never times out a call that was answered.
const TIMEOUT_MS = 10_000;
// --customers 12000 seeds about 6,000 resale customers of hz_distributor.
const SEEDED = Math.max(12_000, Math.ceil(N * 2.4));

const sandbox = await startSandbox({ customers: SEEDED, extraArgs: ['--app-config', `request_timeout_ms=${TIMEOUT_MS}`] });
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

// Whitelist N resale customers through the whitelist import contract (stage, then commit).
const resale = [];
for (let offset = 0; resale.length < N; offset += 100) {
  const r = await api('POST', '/v2/partners/sub-customers/query', { offset, limit: 100 });
  resale.push(...r.customer_infos.filter((c) => c.association_type === '2'));
  if (r.customer_infos.length === 0) throw new Error(`only ${resale.length} resale customers; seed more`);
}
const customers = resale.slice(0, N);
const upload = await api('POST', '/v2/partners/coupon-whitelist/uploads', {
  file_name: 'bench.csv',
  rows: customers.map((c, i) => ({ row_no: i + 2, customer_id: c.customer_id })),
});
if (upload.valid_rows !== N) throw new Error(`whitelist upload: ${upload.valid_rows} valid rows of ${N}`);
await api('POST', `/v2/partners/coupon-whitelist/uploads/${upload.upload_id}/commit`, { base_version_no: upload.base_version_no });

/** Successful V5 issue records of the quota with this face value: customer → coupon ids. */
async function issuedByRecords(face) {
  const out = new Map();
  for (let offset = 0; ; offset += 100) {
    const r = await api('GET', `${RECORDS}?quota_id=${QUOTA}&operation_types=1&result=0&offset=${offset}&limit=100`);
    for (const rec of r.records) {
      if (Number(rec.operation_amount) !== face) continue;
      out.set(rec.customer_id, [...(out.get(rec.customer_id) || []), rec.coupon_id]);
    }
    if (r.records.length === 0 || offset + r.records.length >= r.total_count) return out;
  }
}

const batches = Math.ceil(N / 100);
const post = (kind, skip, extra = {}) => ({ kind, count: 1, method: 'POST', path_prefix: COUPONS, skip, ...extra });
const runs = [
  { name: 'no faults', face: 10.01, faults: null },
  {
    name: 'faults in 4 of the V2 calls',
    face: 10.02,
    // `skip` counts the V2 calls before each fault: calls 10, 20, 30 and 40 (and the resend of
    // the batch whose call 30 failed without issuing comes right after it).
    faults: {
      fail_next: [
        post('commit_then_fail', 9),
        post('commit_then_delay', 19, { delay_ms: TIMEOUT_MS + 2000 }),
        post('server_error', 29),
        post('commit_then_drop', 39),
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
  await page.click('[data-testid=nav-issue-vouchers]');
  await page.locator(`[data-testid=quota-option][data-quota=${QUOTA}]`).waitFor({ timeout: 30_000 });
  await page.click(`[data-testid=quota-option][data-quota=${QUOTA}]`);
  await page.fill('[data-testid=face-value]', String(run.face));
  // The customers go in through the paste box (one whitelist lookup per line: setup, not measured).
  const setupStart = Date.now();
  // Set like a paste (one input event); playwright's fill types-checks 5,000 lines too slowly.
  await page.$eval(
    '[data-testid=paste-input]',
    (el, text) => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    customers.map((c) => c.account_name).join('\n'),
  );
  await page.click('[data-testid=paste-check]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=chosen-customers]')?.dataset.count === String(n), N, { timeout: 600_000, polling: 500 });
  const setupMs = Date.now() - setupStart;

  await sandbox.control('DELETE', '/__sandbox/requests');
  if (run.faults) await sandbox.faults(run.faults);
  // The review step (#18) is the person's reading time, not the issuance's.
  await page.click('[data-testid=issue-submit]');
  await page.locator('[data-testid=review-confirm]').waitFor();
  const started = Date.now();
  await page.click('[data-testid=review-confirm]');
  await page.waitForFunction(() => document.querySelector('[data-testid=issue-progress]')?.dataset.state === 'done', null, { timeout: 900_000, polling: 100 });
  const wallMs = Date.now() - started;
  const counted = await sandbox.control('GET', '/__sandbox/requests');
  const left = (await sandbox.control('GET', '/__sandbox/faults')).fail_next.length;
  await sandbox.clearFaults();

  const ui = await page.locator('[data-testid=issue-progress]').evaluate((el) => ({ ...el.dataset }));
  const byCustomer = await issuedByRecords(run.face);
  const duplicates = [...byCustomer.values()].filter((ids) => ids.length > 1).length;
  const missing = customers.filter((c) => !byCustomer.has(c.customer_id)).length;
  const r = counted.by_route;
  const v2 = r[`POST ${COUPONS}`] || 0;
  const v5 = r[`GET ${RECORDS}`] || 0;
  const preflights = Object.entries(r).filter(([k]) => k.startsWith('OPTIONS ')).reduce((a, [, n]) => a + n, 0);
  const result = {
    run: run.name,
    customers: N,
    wall_ms: wallMs,
    customers_per_s: Math.round((N / wallMs) * 1000),
    requests_total: counted.total,
    requests_by_route: r,
    v2_issue_calls: v2,
    v2_goal: batches,
    v5_reconciliation_reads: v5,
    cors_preflights: preflights,
    faults_injected: run.faults ? run.faults.fail_next.map((f) => `${f.kind} on V2 call ${f.skip + 1}`) : [],
    faults_not_used: left,
    ui: { issued: Number(ui.issued), failed: Number(ui.failed), unknown: Number(ui.unknown), extra: Number(ui.extra) },
    customers_with_one_voucher: N - missing - duplicates,
    customers_with_duplicates: duplicates,
    customers_without_voucher: missing,
    paste_setup_ms: setupMs,
  };
  out.push(result);
  console.log(JSON.stringify(result));
  if (duplicates || missing || ui.issued !== String(N)) failed = true;
  await page.context().close();
}
await browser.close();
await sandbox.stop();

writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      benchmark: 'issue one voucher to each of N whitelisted customers through the release app in headless Chromium, local sandbox',
      measured_at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      client_timeout_ms: TIMEOUT_MS,
      goal: 'V2 calls = ceil(n/100) (+1 per batch that failed without issuing); V5 reads only when a fault happened; zero duplicates',
      runs: out,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${RESULTS}`);
process.exit(failed ? 1 : 0);
