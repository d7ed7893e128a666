// The JS side: PapaParse and SheetJS read the same bytes and the same rules run (validate.js).
// Each takes a File (as chosen in a file input) and is timed either from that File (reading
// it included, like the app) or from its bytes already in memory.
import { validate } from './validate.js';

const papa = (bytes) => {
  const text = new TextDecoder('utf-8').decode(bytes);
  const parsed = window.Papa.parse(text, { skipEmptyLines: false });
  const rows = parsed.data;
  while (rows.length && rows[rows.length - 1].every((c) => String(c).trim() === '')) rows.pop();
  return validate(rows);
};

const sheetjs = (bytes) => {
  const wb = window.XLSX.read(bytes, { type: 'array' });
  const rows = window.XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false, defval: '', blankrows: true });
  return validate(rows);
};

const timed = (run) => async (file, fromBytes) => {
  let t0 = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (fromBytes) t0 = performance.now();
  const r = run(bytes);
  return { ms: performance.now() - t0, ...r };
};

window.__papa = timed(papa);
window.__sheetjs = timed(sheetjs);
