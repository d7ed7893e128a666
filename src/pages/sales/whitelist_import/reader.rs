//! Runs the whitelist import worker (src/bin/whitelist-worker.rs) for one file: starts it,
//! waits until it is ready, hands it the file's bytes (transferred, never copied into the
//! app's memory), relays its progress and returns what it read. One worker per file, ended
//! afterwards, so its memory goes back each time.

use futures::channel::mpsc;
use futures::StreamExt;
use js_sys::{Array, Object, Reflect};
use partner_api::whitelist_read::{ReadOutcome, ReadRequest};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// Progress of a read: the stage (`whitelist_read::stage`) and rows or bytes done of total.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadProgress {
    pub stage: String,
    pub done: u32,
    pub total: u32,
}

/// What the worker read: the outcome and the rows in upload chunks (JSON arrays), left as JS
/// strings: each is copied into the app's memory only when it is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRead {
    pub outcome: ReadOutcome,
    pub chunks: Vec<JsValue>,
}

/// The worker's loader URL, published by the boot loader (xtask/post-build.mjs) next to the
/// deployment base, so it works under any sub-path.
fn worker_url() -> Result<String, String> {
    Reflect::get(&js_sys::global(), &"pcWhitelistWorker".into())
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "the import worker is not part of this build".to_string())
}

fn field(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Ends the worker and drops its handlers whatever way the read ends.
struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

pub async fn read_in_worker(
    file: &web_sys::File,
    req: &ReadRequest,
    mut on_progress: impl FnMut(ReadProgress),
) -> Result<FileRead, String> {
    let worker = Worker::new(&worker_url()?).map_err(|e| format!("{e:?}"))?;
    let (tx, mut rx) = mpsc::unbounded::<Result<JsValue, String>>();
    let tx_err = tx.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let _ = tx.unbounded_send(Ok(ev.data()));
    });
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
        let _ = tx_err.unbounded_send(Err(ev.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let running = Running { worker, _on_message: on_message, _on_error: on_error };

    let mut next = async || match rx.next().await {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(if e.is_empty() { "the import worker failed".to_string() } else { e }),
        None => Err("the import worker stopped".to_string()),
    };
    // The file is read while the worker starts (both take a while).
    let reading = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    // Wait for "ready": a message sent before the worker listens would be lost.
    while field(&next().await?, "kind").as_string().as_deref() != Some("ready") {}

    let buffer = reading.await.map_err(|e| format!("{e:?}"))?;
    let msg = Object::new();
    let request = serde_json::to_string(req).map_err(|e| e.to_string())?;
    for (k, v) in [("id", JsValue::from(1)), ("request", request.into()), ("bytes", buffer.clone())] {
        let _ = Reflect::set(&msg, &k.into(), &v);
    }
    running.worker.post_message_with_transfer(&msg, &Array::of1(&buffer)).map_err(|e| format!("{e:?}"))?;

    loop {
        let data = next().await?;
        match field(&data, "kind").as_string().as_deref() {
            Some("progress") => on_progress(ReadProgress {
                stage: field(&data, "stage").as_string().unwrap_or_default(),
                done: field(&data, "done").as_f64().unwrap_or(0.0) as u32,
                total: field(&data, "total").as_f64().unwrap_or(0.0) as u32,
            }),
            Some("done") => {
                let outcome = field(&data, "outcome").as_string().unwrap_or_default();
                let outcome: ReadOutcome = serde_json::from_str(&outcome).map_err(|e| e.to_string())?;
                let chunks = Array::from(&field(&data, "chunks")).to_vec();
                drop(running);
                return Ok(FileRead { outcome, chunks });
            }
            _ => {}
        }
    }
}
