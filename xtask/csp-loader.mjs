// Trunk post_build hook (see Trunk.toml): moves the inline <script type="module"> loader that trunk
// injects into index.html into an external, content-hashed file, so the app runs under a strict CSP
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline', no hashes to keep in sync).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const base = process.env.TRUNK_PUBLIC_URL || '/';
if (!staging) throw new Error('csp-loader.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
let moved = 0;
html = html.replace(/<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g, (_, code) => {
  const hex = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = `boot-${hex}.js`;
  writeFileSync(join(staging, file), code);
  const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
  moved += 1;
  return `<script type="module" src="${base}${file}" integrity="${sri}"></script>`;
});
const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/);
if (inline) throw new Error(`index.html still has an inline script: ${inline[0]}`);
writeFileSync(htmlPath, html);
console.log(`csp-loader: moved ${moved} inline loader script(s) out of index.html`);
