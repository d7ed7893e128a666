// Code splitting for the trunk build (called by post-build.mjs). Trunk 0.21 cannot split wasm, so
// this redoes its last steps the way cargo-leptos does with `--split`:
//
//   cargo's wasm (built with --emit-relocs, see .cargo/config.toml)
//     → wasm-split-cli: the main module + one module per lazy route (src/pages/lazy.rs) + chunks of
//       code shared between them + `__wasm_split.js`, which fetches them on first use
//     → wasm-bindgen --keep-lld-exports on the main module (the chunks link against its exports)
//     → wasm-opt on every module (release only, same flags as index.html gives trunk for the worker;
//       trunk does not optimise the app's unsplit wasm, which this replaces: data-wasm-opt="0").
//
// Everything lands in one content-hashed directory `app-<hash>/` of the dist, so all the modules
// find each other by relative URLs at any deployment sub-path, and a deployment never mixes
// chunks of two builds (a chunk only links against the main module it was cut from). Trunk's own
// unsplit glue and wasm are removed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const NAME = 'partner-center';
// Keep in step with the worker's data-wasm-opt-params in index.html.
const WASM_OPT_ARGS = [
  '-Oz',
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-reference-types',
  '--enable-multivalue',
  '--enable-mutable-globals',
];

// Two changes to the generated chunk loader `__wasm_split.js` (checked against wasm-split-cli
// 0.2.4's output; the build fails loudly if its text changes):
// - fetches of modules are retried twice with backoff (a flaky network while navigating);
// - a module that still cannot be loaded must not abort the app: wasm-split's Rust side panics on a
//   failed load, and a panic aborts the whole wasm, losing whatever the user had typed. Instead the
//   route stays pending and the app hears `pc-chunk-failed` and offers a reload (version_notice.rs).
const FETCH_CALL = 'const src = fetch(new URL(';
const CALLBACK_ORIGINAL = `function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}`;
const CALLBACK_PATCHED = `// Partner Center (xtask/split-wasm.mjs): retried fetches; a failed load leaves the route pending
// and tells the app, instead of reporting the failure to Rust (which panics and aborts the app).
async function pcFetch(url) {
    for (let attempt = 0; ; attempt++) {
        try {
            const response = await fetch(url);
            if (response.ok || response.status === 404 || attempt >= 2) return response;
        } catch (e) {
            if (attempt >= 2) throw e;
        }
        await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
    }
}
function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        try {
            await callee();
        } catch (e) {
            console.error(e);
            dispatchEvent(new CustomEvent('pc-chunk-failed'));
            return;
        }
        const sharedImports = getSharedImports();
        sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, true);
    }
}`;

function patchChunkLoader(file) {
  let js = readFileSync(file, 'utf8');
  if (!js.includes(CALLBACK_ORIGINAL) || !js.includes(FETCH_CALL)) {
    throw new Error(`split-wasm: ${file} is not what wasm-split-cli 0.2.4 writes; review the patch in split-wasm.mjs`);
  }
  js = js.replace(CALLBACK_ORIGINAL, CALLBACK_PATCHED).replaceAll(FETCH_CALL, 'const src = pcFetch(new URL(');
  writeFileSync(file, js);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();

/** cargo's output for the app, e.g. target/wasm32-unknown-unknown/release/partner-center.wasm. */
function cargoWasm(profile) {
  const meta = JSON.parse(run('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline']));
  return join(meta.target_directory, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
}

async function optimizeAll(files) {
  const { spawn } = await import('node:child_process');
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      await new Promise((resolve, reject) => {
        const p = spawn('wasm-opt', [...WASM_OPT_ARGS, f, '-o', f], { stdio: 'inherit' });
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wasm-opt failed on ${f}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}

/**
 * Splits the app's wasm into `<staging>/app-<hash>/` and removes trunk's unsplit `glue` and `wasm`.
 * Returns the new glue and wasm paths relative to the staging directory.
 */
export async function splitWasm({ staging, profile, glue, wasm }) {
  const work = mkdtempSync(join(staging, '.split-'));
  try {
    const split = join(work, 'split');
    mkdirSync(split);
    run('wasm-split-cli', [cargoWasm(profile), split, '--out-name', NAME, '--target', 'web']);
    // wasm-split-cli leaves the main module as <NAME>.wasm; bindgen writes <NAME>.js + <NAME>_bg.wasm.
    run('wasm-bindgen', [
      '--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
      '--out-dir', split, '--out-name', NAME, join(split, `${NAME}.wasm`),
    ]);
    rmSync(join(split, `${NAME}.wasm`));
    patchChunkLoader(join(split, '__wasm_split.js'));
    const files = readdirSync(split).sort();
    if (profile === 'release') await optimizeAll(files.filter((f) => f.endsWith('.wasm')).map((f) => join(split, f)));

    const hash = createHash('sha256');
    for (const f of files) hash.update(f).update(readFileSync(join(split, f)));
    const dir = `app-${hash.digest('hex').slice(0, 16)}`;
    rmSync(join(staging, dir), { recursive: true, force: true });
    renameSync(split, join(staging, dir));
    rmSync(join(staging, glue), { force: true });
    rmSync(join(staging, wasm), { force: true });
    const modules = files.filter((f) => f.endsWith('.wasm')).length;
    console.log(`split-wasm: ${modules} wasm modules in ${dir}/ (${profile})`);
    return { glue: `${dir}/${NAME}.js`, wasm: `${dir}/${NAME}_bg.wasm` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
