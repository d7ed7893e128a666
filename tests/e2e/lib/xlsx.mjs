// Reads a downloaded .xlsx in node: a small ZIP reader (stored or deflated entries, through
// zlib) and the first worksheet's cells with their types, enough to check an export's content.
import { inflateRawSync } from 'node:zlib';

/** The entries of a ZIP archive, by name (central directory, so sizes are exact). */
export function unzip(bytes) {
  const buf = Buffer.from(bytes);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 0 ? data : inflateRawSync(data));
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

const unescape = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The first sheet's rows: each cell `{ ref, type: 'text' | 'number', value, style, formula }`
 * (`formula` true if the cell carries an `<f>` element), plus the raw parts.
 */
export function readXlsx(bytes) {
  const files = unzip(bytes);
  const part = (n) => files.get(n)?.toString('utf8');
  const sheet = part('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no sheet1.xml');
  const rows = [];
  for (const [, inner] of sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const [, attrs, body] of inner.matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attr = (k) => attrs.match(new RegExp(`\\b${k}="([^"]*)"`))?.[1];
      const t = attr('t');
      const text = t === 'inlineStr' ? (body?.match(/<t[^>]*>([\s\S]*?)<\/t>/)?.[1] ?? '') : (body?.match(/<v>([\s\S]*?)<\/v>/)?.[1] ?? '');
      cells.push({
        ref: attr('r'),
        type: t === 'inlineStr' || t === 's' || t === 'str' ? 'text' : 'number',
        value: unescape(text),
        style: Number(attr('s') ?? 0),
        formula: /<f[\s>]/.test(body ?? ''),
      });
    }
    rows.push(cells);
  }
  return { files, part, sheet, styles: part('xl/styles.xml'), workbook: part('xl/workbook.xml'), rows };
}

/** The number format code of a cell style index (from styles.xml). */
export function formatOf(styles, style) {
  const xfs = [...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => m[1]);
  const id = xfs[style]?.match(/numFmtId="(\d+)"/)?.[1];
  if (!id) return 'General';
  const fmt = styles.match(new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`))?.[1];
  return fmt ? unescape(fmt) : `builtin:${id}`;
}
