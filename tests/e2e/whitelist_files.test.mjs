// Whitelist import of the files partners really have (issue 17), in Chromium against the
// sandbox, in both languages: a sheet with a title row above the header (and the header row
// chosen by hand), a workbook whose first sheet is instructions, a UTF-16 "Unicode text" file,
// malformed customer IDs refused per row with their reasons, and a file that is not text.
// The files are the fixtures crates/api/tests/whitelist_cases makes (whitelist_fixtures.rs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, openBrowser, screenshot, signIn, startSandbox } from './lib/harness.mjs';

const FIXTURES = new URL('../../crates/api/tests/fixtures/whitelist/', import.meta.url).pathname;
let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox({ customers: 200 });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** A signed-in page on the import page, in `lang` ('zh-CN', the default, or 'en'). */
async function importPage(lang) {
  const page = await browser.newPage({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  await signIn(page, sandbox.appUrl);
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
    await page.click('[data-testid=switch-language]');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
  await page.click('[data-testid=nav-whitelist]');
  await page.click('[data-testid=wl-import]');
  await page.locator('[data-testid=page-whitelist-import]').waitFor({ timeout: 15_000 });
  return page;
}

async function choose(page, name) {
  await page.setInputFiles('[data-testid=wl-file]', join(FIXTURES, name));
}

const summary = async (page) => ({
  valid: await page.getAttribute('[data-testid=wl-read-summary]', 'data-valid'),
  invalid: await page.getAttribute('[data-testid=wl-read-summary]', 'data-invalid'),
});

async function problemRows(page) {
  await page.locator('[data-testid=wl-problems-table] tbody tr[data-testid=row]').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=wl-problems] .table-wrap')?.getAttribute('aria-busy') === 'false');
  return page.$$eval('[data-testid=wl-problems-table] tbody tr[data-testid=row]', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
  );
}

for (const lang of ['zh-CN', 'en']) {
  test(`${lang}: a title row above the header is skipped and said; the header row can be changed`, async () => {
    const page = await importPage(lang);
    await choose(page, 'title-row-merged.xlsx');
    await page.locator('[data-testid=wl-read-summary]').waitFor();
    assert.deepEqual(await summary(page), { valid: '2', invalid: '0' });
    assert.equal(await page.getAttribute('[data-testid=wl-found]', 'data-header-row'), '2');
    assert.equal(
      await page.textContent('[data-testid=wl-found]'),
      lang === 'en' ? 'Read sheet “白名单”, with the header in row 2.' : '已读取工作表“白名单”,表头在第 2 行。',
    );
    assert.equal(await page.inputValue('[data-testid=wl-header-row]'), '2');
    await screenshot(page, `whitelist-files-title-row-${lang}`);
    // The title row as the header names no column: the mapping is offered, nothing is imported.
    await page.fill('[data-testid=wl-header-row]', '1');
    await page.dispatchEvent('[data-testid=wl-header-row]', 'change');
    await page.locator('[data-testid=wl-file-problem][data-problem=columns]').waitFor();
    assert.match(await page.textContent('[data-testid=wl-headers-found]'), /华东区客户白名单/);
    const options = await page.$$eval('[data-testid=wl-map-id] option', (os) => os.map((o) => o.textContent));
    assert.equal(options[1], 'A · 华东区客户白名单（请勿修改表头）', 'columns are shown with their letters');
    await page.fill('[data-testid=wl-header-row]', '2');
    await page.dispatchEvent('[data-testid=wl-header-row]', 'change');
    await page.locator('[data-testid=wl-read-summary][data-valid="2"]').waitFor();
    assertNoPageErrors(page);
    await page.context().close();
  });

  test(`${lang}: a workbook opening on an instructions sheet is read from the sheet with the list`, async () => {
    const page = await importPage(lang);
    await choose(page, 'instructions-first.xlsx');
    await page.locator('[data-testid=wl-read-summary][data-valid="2"]').waitFor();
    assert.equal(await page.inputValue('[data-testid=wl-sheet]'), '1');
    assert.match(await page.textContent('[data-testid=wl-found]'), /客户名单/);
    await screenshot(page, `whitelist-files-instructions-first-${lang}`);
    assertNoPageErrors(page);
    await page.context().close();
  });

  test(`${lang}: a UTF-16 tab-separated file (Excel's Unicode text) is read as text`, async () => {
    const page = await importPage(lang);
    await choose(page, 'utf16le-tabs.csv');
    await page.locator('[data-testid=wl-read-summary]').waitFor();
    assert.deepEqual(await summary(page), { valid: '2', invalid: '0' });
    await screenshot(page, `whitelist-files-utf16-${lang}`);
    assertNoPageErrors(page);
    await page.context().close();
  });

  test(`${lang}: malformed customer IDs are refused per row with the reason; normalised ones pass`, async () => {
    const page = await importPage(lang);
    await choose(page, 'malformed-ids.csv');
    await page.locator('[data-testid=wl-read-summary]').waitFor();
    // Rows 2, 10 (upper case) and 11 (full width) are IDs; the other ten are not.
    assert.deepEqual(await summary(page), { valid: '3', invalid: '10' });
    const rows = await problemRows(page);
    const reason = Object.fromEntries(rows.map((r) => [r[0], r[2]]));
    assert.deepEqual(Object.keys(reason), ['3', '4', '5', '6', '7', '8', '9', '12', '13', '14']);
    const en = lang === 'en';
    assert.match(reason['3'], en ? /32 hex characters; this one has 31/ : /32 位十六进制字符,此值为 31 位/);
    assert.match(reason['5'], en ? /only 0–9 and a–f; this one has “g”/ : /此值含有“g”/);
    assert.match(reason['6'], en ? /a space or an invisible character \(U\+0020\)/ : /空格或看不见的字符\(U\+0020\)/);
    assert.match(reason['7'], /U\+200B/);
    assert.match(reason['8'], /U\+202E/);
    const content = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    assert.ok(!content['8'].includes('\u202e'), 'a bidi override is shown by its code, never applied');
    assert.match(content['8'], /^a1b2c3d4\[U\+202E\]e5f6/);
    assert.match(reason['9'], en ? /looks like an account name/ : /像是账号名/);
    assert.match(reason['12'], en ? /Duplicate of row 10/ : /与第 10 行重复/);
    assert.match(reason['13'], en ? /stored as a number and has lost digits/ : /以数字保存,已丢失位数/);
    await screenshot(page, `whitelist-files-malformed-ids-${lang}`);
    assertNoPageErrors(page);
    await page.context().close();
  });

  test(`${lang}: a file that is not text, and an old .xls, are refused with what to do`, async () => {
    const page = await importPage(lang);
    await choose(page, 'binary-renamed.csv');
    await page.locator('[data-testid=wl-file-problem][data-problem=not-text]').waitFor();
    assert.match(await page.textContent('[data-testid=wl-file-problem]'), lang === 'en' ? /This is not a CSV or Excel file/ : /这不是 CSV 或 Excel 文件/);
    await choose(page, 'old-excel-renamed.csv');
    await page.locator('[data-testid=wl-file-problem][data-problem=old-excel]').waitFor();
    assert.match(await page.textContent('[data-testid=wl-file-problem]'), /\.xlsx/);
    await choose(page, 'zip-bomb.xlsx');
    await page.locator('[data-testid=wl-file-problem][data-problem=too-large-unpacked]').waitFor({ timeout: 30_000 });
    await screenshot(page, `whitelist-files-too-large-unpacked-${lang}`);
    assertNoPageErrors(page);
    await page.context().close();
  });
}
