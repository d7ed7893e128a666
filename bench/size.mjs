// Size benchmark of a release build: brotli (quality 11) sizes, written to bench/results/size.json.
// Reports the budget; never fails on it.
//
// The wasm is split (xtask/split-wasm.mjs): the first load is the loader, the stylesheet, the JS
// glue, the chunk loader `__wasm_split.js` and the main wasm. Each lazy route then fetches its own
// module plus the shared chunks it needs (read from `__wasm_split.js`): reported per route. The
// whitelist import worker is fetched only when a file is imported: reported apart.
//
// Usage: node bench/size.mjs [DIST_DIR]   (default: dist; build it with `cargo xtask build --release`)
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.argv[2] ?? 'dist');
const out = join(root, 'bench/results/size.json');
const BUDGET_BR = 300 * 1024; // first load, brotli: wasm + js + css

if (!existsSync(dist)) throw new Error(`size: no ${dist}: run a release build first`);
const br = (file) =>
  brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const raw = (file) => readFileSync(file).length;
const only = (dir, re) => readdirSync(dir).filter((f) => re.test(f));

const appDir = only(dist, /^app-[0-9a-f]+$/)[0];
if (!appDir) throw new Error(`size: no app-<hash>/ in ${dist} (is it a split build?)`);
const app = join(dist, appDir);
const boot = only(dist, /^boot-.*\.js$/).map((f) => join(dist, f));
const css = only(dist, /\.css$/).map((f) => join(dist, f));
const glue = join(app, 'partner-center.js');
const splitJs = join(app, '__wasm_split.js');
const mainWasm = join(app, 'partner-center_bg.wasm');

const sum = (files, f) => files.reduce((n, file) => n + f(file), 0);
const first = {
  wasm_br: br(mainWasm),
  wasm_raw: raw(mainWasm),
  js_br: sum([...boot, glue, splitJs], br),
  css_br: sum(css, br),
};
first.total_br = first.wasm_br + first.js_br + first.css_br;

// Per lazy route: its module and the chunks it depends on, as __wasm_split.js lists them.
const loader = readFileSync(splitJs, 'utf8');
const chunkFile = new Map(
  [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = \w*[fF]etch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
);
const routes = {};
for (const m of loader.matchAll(/export const __wasm_split_load___(\w+?)_view_\d+ = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = \w*[fF]etch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g)) {
  const deps = m[3].split(',').map((s) => s.trim()).filter(Boolean).map((c) => chunkFile.get(c));
  const files = [m[2], ...deps].map((f) => join(app, f));
  routes[m[1]] = { modules: files.length, br: sum(files, br) };
}
const allWasm = only(app, /\.wasm$/).map((f) => join(app, f));
// The whitelist import worker (the CSV/XLSX parser) is fetched only when a file is imported.
const worker = only(dist, /^whitelist-worker-/).map((f) => join(dist, f));

const result = {
  measured_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  first_load: first,
  budget_br: BUDGET_BR,
  within_budget: first.total_br <= BUDGET_BR,
  lazy_routes_br: routes,
  all_wasm: { modules: allWasm.length, br: sum(allWasm, br), raw: sum(allWasm, raw) },
  worker_br: sum(worker, br),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(
  `size (brotli q11), first load: wasm ${kib(first.wasm_br)} (raw ${kib(first.wasm_raw)}), js ${kib(first.js_br)}, css ${kib(first.css_br)}`,
);
console.log(
  `first load ${kib(first.total_br)} of budget ${kib(BUDGET_BR)}: ${result.within_budget ? 'within budget' : 'OVER BUDGET'}`,
);
for (const [name, r] of Object.entries(routes)) console.log(`  route ${name}: ${kib(r.br)} in ${r.modules} modules, on first visit`);
console.log(`whitelist import worker (fetched on import only): ${kib(result.worker_br)}`);
console.log(`all wasm: ${kib(result.all_wasm.br)} in ${result.all_wasm.modules} modules; written to ${out}`);
