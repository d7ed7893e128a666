// The benchmark's whitelist: n rows (customer id, account name, remark), some blank, duplicate,
// too-long and upper-case (normalised) rows among them, the same for every side.
const id = (i) => i.toString(16).padStart(32, '0');
export function rows(n) {
  const out = [['客户ID', '账号名', '备注']];
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 500) out.push(['', '', '']);
    else if (i % 997 === 5) out.push([id(i - 5).toUpperCase(), '', 'duplicate']);
    else if (i % 1009 === 7) out.push(['x'.repeat(70), '', 'too long']);
    else out.push([id(i), `account_${i}`, i % 3 === 0 ? `备注 ${i}, "quoted"` : '']);
  }
  return out;
}

export function csv(rs) {
  const q = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rs.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}
