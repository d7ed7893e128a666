// The whitelist rules of crates/api/src/whitelist_file.rs in plain JS, for the JS side of the
// benchmark: headers recognised in zh-CN or en, blank rows skipped and counted, a customer id
// or account name required, ≤ 64 characters, remark ≤ 256, no control characters, duplicates
// (by id, else by lower-cased name) refused naming the first row; valid rows cut in chunks of
// 5,000 as JSON, like the worker's answer.
const norm = (h) => String(h ?? '').trim().replace(/^\ufeff/, '').toLowerCase().replace(/[ _-]/g, '');
const NAMES = {
  id: ['客户ID', 'Customer ID', 'customer_id', '客户id', 'id'],
  name: ['账号名', 'Account name', 'account_name', '账号', '登录名'],
  remark: ['备注', 'Remark', 'remark', 'memo'],
};
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_REMARK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function validate(rows) {
  const header = rows[0] || [];
  const col = (k) => {
    const wanted = NAMES[k].map(norm);
    const i = header.findIndex((h) => wanted.includes(norm(h)));
    return i < 0 ? null : i;
  };
  const [idc, namec, remc] = [col('id'), col('name'), col('remark')];
  if (idc === null && namec === null) return { problem: 'columns' };
  const cell = (r, c) => {
    if (c === null) return null;
    const v = String(r[c] ?? '').trim();
    return v === '' ? null : v;
  };
  const out = [];
  const errors = [];
  const seen = new Map();
  let blank = 0;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    const rowNo = i + 1;
    if (r.every((c) => String(c ?? '').trim() === '')) { blank++; continue; }
    const id = cell(r, idc), name = cell(r, namec), remark = cell(r, remc);
    if (id === null && name === null) { errors.push({ row_no: rowNo, error_code: 'CBC.0100' }); continue; }
    const key = [id, name].find((v) => v !== null && [...v].length > 64);
    if (key !== undefined) { errors.push({ row_no: rowNo, error_code: 'CBC.0100' }); continue; }
    // Customer IDs normalised (lower case) and checked: 32 hex characters.
    const nid = id === null ? null : id.toLowerCase();
    if (nid !== null && !/^[0-9a-f]{32}$/.test(nid)) { errors.push({ row_no: rowNo, error_code: 'CBC.0100' }); continue; }
    if ([id, name].some((v) => v !== null && CONTROL.test(v)) || (remark !== null && CONTROL_REMARK.test(remark))) {
      errors.push({ row_no: rowNo, error_code: 'CBC.0100' }); continue;
    }
    if (remark !== null && [...remark].length > 256) { errors.push({ row_no: rowNo, error_code: 'CBC.0100' }); continue; }
    const k = nid !== null ? `id:${nid}` : `name:${name.toLowerCase()}`;
    if (seen.has(k)) { errors.push({ row_no: rowNo, error_code: 'CBC.50000061', value: String(seen.get(k)) }); continue; }
    seen.set(k, rowNo);
    const row = { row_no: rowNo };
    if (nid !== null) row.customer_id = nid;
    if (name !== null) row.account_name = name;
    if (remark !== null) row.remark = remark;
    out.push(row);
  }
  const chunks = [];
  for (let i = 0; i < out.length; i += 5000) chunks.push(JSON.stringify(out.slice(i, i + 5000)));
  return { valid: out.length, invalid: errors.length, blank, chunks: chunks.length };
}
