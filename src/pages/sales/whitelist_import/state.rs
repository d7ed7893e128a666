//! Where an import stands, as one enum: which combinations are possible (a staged upload with
//! a second upload under way after "Stage again", a commit only of something staged…) is
//! visible here and nowhere else.

use super::reader::ReadProgress;
use partner_api::sheet::SheetError;
use partner_api::whitelist::{codes, UploadResponse};
use partner_api::whitelist_file::FileProblem;
use partner_api::whitelist_read::ReadSummary;
use partner_api::ApiError;
use std::sync::Arc;

/// Shared, immutable data compared by identity (a read summary or a staged upload can hold
/// 100,000 row problems: signals must not compare or copy them).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// Step 1: no file yet.
    Choosing,
    /// Step 1: the worker reads the chosen file.
    Reading { progress: Option<ReadProgress> },
    /// Step 1: the file cannot be imported as it is (unknown columns offer a column mapping).
    Refused(Refusal),
    /// Step 2, or 3 once staged: the rows read, an upload of them and what is staged.
    Read { rows: Shared<Rows>, upload: Upload, staged: Option<Staged> },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Problem(FileProblem),
    /// The file is not one we can read (worded per kind, with what to do).
    Sheet(SheetError),
    /// The import worker itself failed (its message, as the browser gave it).
    Unreadable(String),
}

/// The rows read (the upload chunks themselves are kept aside as JS strings).
#[derive(Debug)]
pub struct Rows {
    pub summary: ReadSummary,
    pub chunk_count: u32,
}

/// A chunked upload of the rows read.
#[derive(Debug, Clone, PartialEq)]
pub enum Upload {
    /// Nothing being sent (never, or the last one was staged).
    Idle,
    /// Chunks going out in order, then "finish" (the server validates and compares).
    Sending(Progress),
    /// A call failed: a retry goes on from the chunk that failed, under the same number.
    Paused { progress: Progress, error: ApiError },
    /// Stopped by the person and discarded on the server (`error`: discarding failed).
    Cancelled { error: Option<ApiError> },
}

/// How far an upload got, so a retry continues from the chunk that failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub upload_id: Option<String>,
    /// The next chunk to send (1-based); chunks before it were acknowledged.
    pub next_seq: u32,
    pub chunk_count: u32,
    pub sent_rows: u32,
    pub total_rows: u32,
}

/// Step 3: a staged upload (its preview) and its commit.
#[derive(Debug, Clone, PartialEq)]
pub struct Staged {
    pub upload: Shared<UploadResponse>,
    pub commit: Commit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Commit {
    Ready,
    /// "Remove N customers?" is asked first: (removed, the base version's count).
    Confirming {
        removed: u64,
        base: u64,
    },
    Committing,
    Failed(ApiError),
}

impl Commit {
    /// After these only a new upload helps: the whitelist changed, or the staging expired.
    pub fn stale(&self) -> bool {
        matches!(self, Commit::Failed(e) if e.code == codes::VERSION_CHANGED || e.code == codes::UPLOAD_GONE)
    }
}

impl Flow {
    /// The step shown as current (1 choose, 2 stage and preview, 3 commit).
    pub fn step(&self) -> u8 {
        match self {
            Flow::Read { staged: Some(_), .. } => 3,
            Flow::Read { .. } => 2,
            _ => 1,
        }
    }

    pub fn rows(&self) -> Option<Shared<Rows>> {
        match self {
            Flow::Read { rows, .. } => Some(rows.clone()),
            _ => None,
        }
    }

    pub fn upload(&self) -> Option<&Upload> {
        match self {
            Flow::Read { upload, .. } => Some(upload),
            _ => None,
        }
    }

    pub fn staged(&self) -> Option<&Staged> {
        match self {
            Flow::Read { staged, .. } => staged.as_ref(),
            _ => None,
        }
    }

    pub fn staged_mut(&mut self) -> Option<&mut Staged> {
        match self {
            Flow::Read { staged, .. } => staged.as_mut(),
            _ => None,
        }
    }

    /// Chunks are going out (or the finish call is waiting).
    pub fn staging(&self) -> bool {
        matches!(self.upload(), Some(Upload::Sending(_)))
    }

    /// The upload under way or paused, for the progress bar (`failed`: paused).
    pub fn progress(&self) -> Option<(Progress, bool)> {
        match self.upload()? {
            Upload::Sending(p) => Some((p.clone(), false)),
            Upload::Paused { progress, .. } => Some((progress.clone(), true)),
            _ => None,
        }
    }

    /// Why the last upload stopped.
    pub fn upload_error(&self) -> Option<ApiError> {
        match self.upload()? {
            Upload::Paused { error, .. } | Upload::Cancelled { error: Some(error) } => Some(error.clone()),
            _ => None,
        }
    }
}
