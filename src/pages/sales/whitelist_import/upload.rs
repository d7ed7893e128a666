//! Staging and committing: open a chunked upload, send the chunks in order with progress, then
//! finish (the server validates and compares); cancel (discarded on the server); commit with
//! the removal confirmation. A failed chunk pauses the upload; a retry resends that chunk
//! under the same number, so nothing is counted twice.

use super::controller::Import;
use super::state::{Commit, Flow, Progress, Shared, Staged, Upload};
use crate::routes::WHITELIST;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::whitelist::{
    change, codes, ChunkRequest, CommitRequest, OpenUploadRequest, UploadResponse, UploadRow,
};
use partner_api::whitelist_calls::{CancelUpload, CommitUpload, FinishUpload, SendChunk};
use partner_api::ApiError;
use std::sync::Arc;

impl Import {
    fn set_upload(self, upload: Upload) {
        self.flow.try_update(|f| {
            if let Flow::Read { upload: u, .. } = f {
                *u = upload;
            }
        });
    }

    /// Still sending (not cancelled meanwhile, page still open).
    fn sending(self) -> bool {
        self.flow.try_with_untracked(Flow::staging).unwrap_or(false)
    }

    /// Stage (again) from the rows read; a paused upload of this file goes on where it stopped.
    pub fn stage(self) {
        let Some((rows, upload)) = self.flow.with_untracked(|f| match f {
            Flow::Read { rows, upload, .. } => Some((rows.clone(), upload.clone())),
            _ => None,
        }) else {
            return;
        };
        if matches!(upload, Upload::Sending(_)) || rows.summary.valid_rows == 0 {
            return;
        }
        let (total_rows, chunk_count) = (rows.summary.valid_rows, rows.chunk_count);
        let mut progress = match upload {
            Upload::Paused { progress, .. } if progress.upload_id.is_some() => progress,
            _ => Progress { upload_id: None, next_seq: 1, chunk_count, sent_rows: 0, total_rows },
        };
        self.flow.update(|f| {
            if let Flow::Read { upload, staged, .. } = f {
                *upload = Upload::Sending(progress.clone());
                if let Some(s) = staged {
                    s.commit = Commit::Ready;
                }
            }
        });
        let file = self.file_name.get_untracked().unwrap_or_default();
        let api = self.api.get_value();
        spawn_local(async move {
            let fail = |error: ApiError, progress: &Progress| {
                if self.sending() {
                    self.set_upload(Upload::Paused { progress: progress.clone(), error });
                }
            };
            let id = match progress.upload_id.clone() {
                Some(id) => id,
                None => {
                    let body = OpenUploadRequest { file_name: file, total_rows, chunk_count };
                    match api.call(&body).await {
                        Ok(o) => o.upload_id,
                        Err(e) => return fail(e, &progress),
                    }
                }
            };
            progress.upload_id = Some(id.clone());
            if !self.sending() {
                return;
            }
            self.set_upload(Upload::Sending(progress.clone()));
            for seq in progress.next_seq..=chunk_count {
                if !self.sending() {
                    return;
                }
                // The worker cut the rows into chunks already; one chunk is small to decode.
                let text = self.chunks.try_with_value(|c| c.get(seq as usize - 1).and_then(|v| v.as_string()));
                let Some(text) = text.flatten() else {
                    self.set_upload(Upload::Idle);
                    return;
                };
                let rows: Vec<UploadRow> = serde_json::from_str(&text).unwrap_or_default();
                match api.call(&SendChunk { upload_id: id.clone(), chunk: ChunkRequest { seq, rows } }).await {
                    Ok(r) => {
                        progress.next_seq = seq + 1;
                        progress.sent_rows = r.received_rows;
                        if self.sending() {
                            self.set_upload(Upload::Sending(progress.clone()));
                        }
                    }
                    Err(e) => return fail(e, &progress),
                }
            }
            if !self.sending() {
                return;
            }
            match api.call(&FinishUpload { upload_id: id.clone() }).await {
                Ok(u) => self.staged(u),
                Err(e) => fail(e, &progress),
            }
        });
    }

    fn staged(self, u: UploadResponse) {
        if !self.sending() {
            return;
        }
        // Open the preview on the larger change: removals are what a wrong file costs.
        self.diff_tab.try_set(if u.removed_count > u.added_count { change::REMOVED } else { change::ADDED });
        let upload = Shared(Arc::new(u));
        self.flow.try_update(|f| {
            if let Flow::Read { upload: up, staged, .. } = f {
                *up = Upload::Idle;
                *staged = Some(Staged { upload, commit: Commit::Ready });
            }
        });
    }

    /// Cancel a running or paused upload: stop sending and discard the staging on the server.
    pub fn cancel_upload(self) {
        let id = self.flow.with_untracked(|f| f.progress().and_then(|(p, _)| p.upload_id));
        self.set_upload(Upload::Cancelled { error: None });
        let Some(id) = id else { return };
        let api = self.api.get_value();
        spawn_local(async move {
            // An upload left behind expires on its own; the whitelist is untouched either way.
            if let Err(e) = api.call(&CancelUpload { upload_id: id.clone() }).await {
                if e.code != codes::UPLOAD_GONE
                    && self.flow.try_with_untracked(|f| matches!(f.upload(), Some(Upload::Cancelled { .. })))
                        == Some(true)
                {
                    self.set_upload(Upload::Cancelled { error: Some(e) });
                }
            }
        });
    }

    /// Leave the import: whatever is staged or being sent is discarded on the server.
    pub fn cancel(self) {
        if let Some(id) = self.flow.with_untracked(|f| f.staged().map(|s| s.upload.upload_id.clone())) {
            let api = self.api.get_value();
            spawn_local(async move {
                let _ = api.call(&CancelUpload { upload_id: id.clone() }).await;
            });
        }
        if self.flow.with_untracked(|f| f.progress().is_some()) {
            self.cancel_upload();
        }
    }

    fn set_commit(self, commit: Commit) {
        self.flow.try_update(|f| {
            if let Some(s) = f.staged_mut() {
                s.commit = commit;
            }
        });
    }

    /// A commit that removes customers is confirmed first, with the count.
    pub fn ask_commit(self, navigate: Callback<String>) {
        let Some(u) = self.flow.with_untracked(|f| f.staged().map(|s| s.upload.clone())) else { return };
        if u.removed_count > 0 {
            self.set_commit(Commit::Confirming { removed: u.removed_count, base: u.removed_count + u.unchanged_count });
        } else {
            self.commit(navigate);
        }
    }

    pub fn dismiss_confirm(self) {
        self.set_commit(Commit::Ready);
    }

    /// Commits the staged upload; on success the whitelist page shows the new version.
    pub fn commit(self, navigate: Callback<String>) {
        let Some(s) = self.flow.with_untracked(|f| f.staged().cloned()) else { return };
        if s.commit == Commit::Committing || s.upload.valid_rows == 0 {
            return;
        }
        self.set_commit(Commit::Committing);
        let body = CommitRequest {
            base_version_no: s.upload.base_version_no,
            remark: Some(self.remark.get_untracked().trim().to_string()).filter(|r| !r.is_empty()),
        };
        let api = self.api.get_value();
        spawn_local(async move {
            match api.call(&CommitUpload { upload_id: s.upload.upload_id.clone(), commit: body }).await {
                Ok(c) => {
                    self.set_commit(Commit::Ready);
                    navigate.run(format!("{WHITELIST}?committed={}", c.version_no));
                }
                Err(e) => self.set_commit(Commit::Failed(e)),
            }
        });
    }
}
