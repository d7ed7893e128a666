// The JS side: PapaParse and SheetJS read the same bytes and the same rules run (validate.js).
import { validate } from './validate.js';

window.__papa = async (bytes) => {
  const t0 = performance.now();
  const text = new TextDecoder('utf-8').decode(bytes);
  const parsed = window.Papa.parse(text, { skipEmptyLines: false });
  const rows = parsed.data;
  while (rows.length && rows[rows.length - 1].every((c) => String(c).trim() === '')) rows.pop();
  const r = validate(rows);
  return { ms: performance.now() - t0, ...r };
};

window.__sheetjs = async (bytes) => {
  const t0 = performance.now();
  const wb = window.XLSX.read(bytes, { type: 'array' });
  const rows = window.XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false, defval: '', blankrows: true });
  const r = validate(rows);
  return { ms: performance.now() - t0, ...r };
};
