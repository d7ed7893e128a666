// Drops the `linking` and `reloc.*` custom sections from a wasm module. The app is linked with
// --emit-relocs so wasm-split-cli can cut it (.cargo/config.toml); rustflags apply to every wasm
// the workspace builds, so the whitelist import worker gets them too, and neither wasm-bindgen nor
// wasm-opt removes them: they would triple its download for nothing.
const uleb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
};

export function stripLinkSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const kept = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [size, body] = uleb(bytes, at);
    const end = body + size;
    let drop = false;
    if (id === 0) {
      const [nameLen, nameAt] = uleb(bytes, body);
      const name = bytes.subarray(nameAt, nameAt + nameLen).toString('utf8');
      drop = name === 'linking' || name.startsWith('reloc.');
    }
    if (!drop) kept.push(bytes.subarray(start, end));
    at = end;
  }
  return Buffer.concat(kept);
}
