// End-to-end harness: the sandbox API + app server, and headless Debian Chromium via playwright-core.
// Run by `cargo xtask test`, which sets PC_DIST, PC_SANDBOX_BIN, CHROMIUM and PC_ARTIFACTS.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');

export const DIST = process.env.PC_DIST || join(repo, 'dist');
export const SANDBOX_BIN = process.env.PC_SANDBOX_BIN || join(repo, 'target/debug/sandbox');
export const ARTIFACTS = process.env.PC_ARTIFACTS || resolve(here, '../artifacts');

/** The default sign-in (docs/sandbox.md lists the others). */
export const DEFAULT_ACCOUNT = { account: 'hz_distributor', user: 'admin', password: 'Partner@2026' };

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `$PC_SANDBOX_BIN` on free ports, serving the app from `$PC_DIST`, with seeded data.
 * Resolves once it has printed SANDBOX_API_URL= and SANDBOX_APP_URL= (30 s at most).
 */
export async function startSandbox({ customers = 600, tokenTtlSecs, extraArgs = [], appDir = DIST } = {}) {
  const args = ['--port', '0', '--app-port', '0', '--app-dir', appDir, '--customers', String(customers), '--seed', '42'];
  if (tokenTtlSecs !== undefined) args.push('--token-ttl-secs', String(tokenTtlSecs));
  args.push(...extraArgs);

  const child = spawn(SANDBOX_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const log = [];
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  exited.then(() => running.delete(child));

  const urls = await new Promise((ok, fail) => {
    const found = {};
    let buffered = '';
    const timer = setTimeout(() => fail(new Error(`sandbox printed no URLs within 30 s:\n${log.join('\n')}`)), 30_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(new Error(`cannot start ${SANDBOX_BIN}: ${e.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`sandbox exited (${signal || code}) before it was ready:\n${log.join('\n')}`));
    });
    child.stderr.setEncoding('utf8').on('data', (s) => log.push(...s.trimEnd().split('\n')));
    child.stdout.setEncoding('utf8').on('data', (s) => {
      buffered += s;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        log.push(line);
        const m = line.match(/^SANDBOX_(API|APP)_URL=(\S+)/);
        if (m) found[m[1]] = m[2];
      }
      if (found.API && found.APP) {
        clearTimeout(timer);
        ok({ apiUrl: found.API, appUrl: found.APP });
      }
    });
  });

  /** A call to the sandbox's control API (`/__sandbox/...`); throws unless 2xx. */
  async function control(method, path, body) {
    const res = await fetch(new URL(path, urls.apiUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json().catch(() => null);
  }

  return {
    ...urls,
    log,
    control,
    faults: (settings) => control('POST', '/__sandbox/faults', settings),
    clearFaults: () => control('DELETE', '/__sandbox/faults'),
    expireTokens: () => control('POST', '/__sandbox/expire-tokens'),
    setTokenTtl: (secs) => control('POST', '/__sandbox/token-ttl', { seconds: secs }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Headless Debian Chromium (never a downloaded browser). */
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    /** A page in a fresh context; `page.consoleErrors` and `page.pageErrors` collect what went wrong. */
    async newPage({ locale = 'zh-CN', timezoneId = 'Asia/Shanghai', viewport = { width: 1366, height: 900 } } = {}) {
      const context = await browser.newContext({ locale, timezoneId, viewport });
      const page = await context.newPage();
      page.consoleErrors = [];
      page.pageErrors = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') page.consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => page.pageErrors.push(err.stack || String(err)));
      return page;
    },
    close: () => browser.close(),
  };
}

/** Throws if the page had an uncaught exception (a Rust panic shows up as one). */
export function assertNoPageErrors(page) {
  if (page.pageErrors.length) {
    // A Rust panic's message reaches the console (console_error_panic_hook), not the exception.
    const console = page.consoleErrors.length ? `\nconsole errors:\n${page.consoleErrors.join('\n')}` : '';
    throw new Error(`uncaught exception(s) in the page:\n${page.pageErrors.join('\n---\n')}${console}`);
  }
}

/** Full-page PNG into tests/e2e/artifacts/<name>.png; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the form (default: DEFAULT_ACCOUNT) and waits for the app shell. */
export async function signIn(page, appUrl, options = {}) {
  const { account, user, password, stay = false } = { ...DEFAULT_ACCOUNT, ...options };
  await page.goto(appUrl);
  const form = page.locator('[data-testid=signin-form]');
  await form.waitFor({ timeout: 15_000 });
  assertNoPageErrors(page);
  await page.fill('[data-testid=signin-account]', account);
  await page.fill('[data-testid=signin-user]', user);
  await page.fill('[data-testid=signin-password]', password);
  await page.setChecked('[data-testid=signin-stay]', stay);
  await page.click('[data-testid=signin-submit]');
  await page.locator('[data-testid=app-shell]').waitFor({ timeout: 15_000 });
  assertNoPageErrors(page);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves the files of `dir` on a free loopback port (a second origin, e.g. a partner's portal).
 * Resolves to `{ origin, url(path), stop() }`.
 */
export async function startStatic(dir) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname.replace(/^\/+/, '');
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(join(dir, path || 'index.html'));
      const type = TYPES[path.slice(path.lastIndexOf('.'))] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => `${origin}/${path}`,
    stop: () => new Promise((ok) => server.close(ok)),
  };
}

/** Signs in against the sandbox's IAM endpoint directly (not through the UI): `{ token, expires }`. */
export async function apiSignIn(apiUrl, options = {}) {
  const { account, user, password } = { ...DEFAULT_ACCOUNT, ...options };
  const res = await fetch(new URL('/v3/auth/tokens', apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, password, domain: { name: account } } } },
        scope: { domain: { name: account } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`sign-in as ${account}/${user}: HTTP ${res.status}`);
  const body = await res.json();
  // The UI and the portal use the contract's second-precision form.
  return { token: res.headers.get('x-subject-token'), expires: body.token.expires_at.replace(/\.\d+Z$/, 'Z') };
}

/** In-app navigation through a link click (keeps the session, which lives in memory). */
export async function goInApp(page, path) {
  await page.evaluate((p) => {
    const a = document.createElement('a');
    a.href = p;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, path);
}

/** Switches the app to English, if it is not already. */
export async function toEnglish(page) {
  if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-testid=switch-language]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}
