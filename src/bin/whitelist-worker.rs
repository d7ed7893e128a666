//! The whitelist import worker: reads and checks a CSV/XLSX file off the main thread, with
//! progress, and answers a small summary plus the rows cut into upload chunks
//! (`partner_api::whitelist_read`). Built by trunk as a separate wasm (`data-type="worker"`)
//! and started by the import page only when a file is chosen, so the parser (ZIP inflate,
//! XML, CSV) is not part of the app's first load.
//!
//! Protocol (plain JS objects):
//! - worker → page `{kind: "ready"}` once loaded (messages sent earlier would be lost);
//! - page → worker `{id, request: <ReadRequest JSON>, bytes: ArrayBuffer}`;
//! - worker → page `{id, kind: "progress", stage, done, total}` and finally
//!   `{id, kind: "done", outcome: <ReadOutcome JSON>, chunks: string[]}`.

use js_sys::{Array, Object, Reflect, Uint8Array};
use partner_api::whitelist_read::{read, stage, ReadRequest};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn set(o: &Object, k: &str, v: impl Into<JsValue>) {
    let _ = Reflect::set(o, &k.into(), &v.into());
}

fn post(scope: &DedicatedWorkerGlobalScope, o: &Object) {
    let _ = scope.post_message(o);
}

fn progress(scope: &DedicatedWorkerGlobalScope, id: f64, stage: &str, done: usize, total: usize) {
    let o = Object::new();
    set(&o, "id", id);
    set(&o, "kind", "progress");
    set(&o, "stage", stage);
    set(&o, "done", done as f64);
    set(&o, "total", total as f64);
    post(scope, &o);
}

/// Legacy Chinese text (GB18030, what Chinese Excel saves) through the browser's decoder, so
/// its tables are not shipped in the wasm. `partner_api::sheet::decode_text` decides when.
fn gb18030(bytes: &[u8]) -> Result<String, String> {
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").map_err(|e| format!("{e:?}"))?;
    decoder.decode_with_u8_array(bytes).map_err(|e| format!("{e:?}"))
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: JsValue) {
    let get = |k: &str| Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let id = get("id").as_f64().unwrap_or(0.0);
    let req: ReadRequest = get("request").as_string().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    let bytes = Uint8Array::new(&get("bytes")).to_vec();
    progress(scope, id, stage::DECODE, 0, bytes.len());
    let mut report = |done: usize, total: usize| progress(scope, id, stage::CHECK, done, total);
    let (outcome, chunks) = read(&req, bytes, &gb18030, &mut report);
    let o = Object::new();
    set(&o, "id", id);
    set(&o, "kind", "done");
    set(&o, "outcome", serde_json::to_string(&outcome).unwrap_or_default());
    set(&o, "chunks", chunks.into_iter().map(JsValue::from).collect::<Array>());
    post(scope, &o);
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let s = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| handle(&s, ev.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "kind", "ready");
    post(&scope, &ready);
}
