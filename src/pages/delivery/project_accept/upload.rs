//! Sends the attachments, one file at a time: open the upload, then each chunk in order (read
//! from the file as it goes, as base64). After every answer the item moves on; before every step
//! the item is looked up again, so a removed file or a page that is gone stops the run. A failed
//! call stops that file (`Upload::Failed`, kept with the chunks already taken); "重试" queues it
//! again from the chunk that failed. A 401 is the client's: it asks for a new sign-in and sends
//! the same call again, so nothing is lost.

use super::controller::Acceptance;
use super::state::Upload;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::projects::attachments::{
    base64_encode, chunk_range, AttachmentChunk, OpenAttachmentRequest, SendAttachmentChunk,
};
use partner_api::ApiError;
use wasm_bindgen_futures::JsFuture;

impl Acceptance {
    /// Starts the run unless one is going; it takes queued files until none is left.
    pub(super) fn pump(self) {
        if self.pumping.get_value() {
            return;
        }
        self.pumping.set_value(true);
        spawn_local(async move {
            while let Some(key) = self.next_queued() {
                self.send_file(key).await;
            }
            self.pumping.try_set_value(false);
        });
    }

    fn next_queued(self) -> Option<u32> {
        self.items
            .try_with_untracked(|items| items.iter().find(|i| matches!(i.upload, Upload::Queued { .. })).map(|i| i.key))
            .flatten()
    }

    /// The item's upload now, if it is still there.
    fn upload_of(self, key: u32) -> Option<Upload> {
        self.items.try_with_untracked(|items| items.iter().find(|i| i.key == key).map(|i| i.upload.clone())).flatten()
    }

    fn set(self, key: u32, upload: Upload) {
        self.items.try_update(|items| {
            if let Some(i) = items.iter_mut().find(|i| i.key == key) {
                i.upload = upload;
            }
        });
    }

    async fn send_file(self, key: u32) {
        let Some(Upload::Queued { mut id, mut sent }) = self.upload_of(key) else { return };
        let Some(file) =
            self.files.try_with_value(|f| f.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone())).flatten()
        else {
            return;
        };
        let Some(api) = self.api.try_get_value() else { return };
        let size = file.size() as u64;
        let fail = |id: Option<String>, sent: u32, error: ApiError| self.set(key, Upload::Failed { id, sent, error });
        self.set(key, Upload::Sending { id: id.clone(), sent });
        let upload_id = match id.clone() {
            Some(u) => u,
            None => {
                let project_id = self.project.with_value(|p| p.project_id.clone());
                let open = OpenAttachmentRequest { project_id, file_name: file.name(), size };
                match api.call(&open).await {
                    Ok(up) => {
                        id = Some(up.attachment_id.clone());
                        up.attachment_id
                    }
                    Err(e) => return fail(None, 0, e),
                }
            }
        };
        let total = partner_api::projects::attachments::chunk_count(size);
        while sent < total {
            // Removed meanwhile, or the page is gone: stop here.
            if !matches!(self.upload_of(key), Some(Upload::Sending { .. })) {
                return;
            }
            self.set(key, Upload::Sending { id: id.clone(), sent });
            let (start, end) = chunk_range(size, sent);
            let data = match read_slice(&file, start, end).await {
                Ok(bytes) => base64_encode(&bytes),
                Err(e) => return fail(id, sent, e),
            };
            let call =
                SendAttachmentChunk { attachment_id: upload_id.clone(), body: AttachmentChunk { index: sent, data } };
            match api.call(&call).await {
                Ok(up) => sent = up.received_chunks.max(sent + 1).min(total),
                Err(e) => return fail(id, sent, e),
            }
        }
        if matches!(self.upload_of(key), Some(Upload::Sending { .. })) {
            self.set(key, Upload::Done { id: upload_id });
        }
    }
}

/// The bytes `start..end` of the file.
async fn read_slice(file: &web_sys::File, start: u64, end: u64) -> Result<Vec<u8>, ApiError> {
    let unreadable = || ApiError::network("the file could not be read");
    let blob = file.slice_with_f64_and_f64(start as f64, end as f64).map_err(|_| unreadable())?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| unreadable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
