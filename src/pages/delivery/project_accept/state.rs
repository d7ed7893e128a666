//! Where the acceptance application stands: the submission (`Flow`) and each attachment's
//! upload (`Upload`). Data that only exists in a step lives in its variant (the error of a failed
//! upload or submission), so "failed without an error" cannot be written.

use partner_api::projects::attachments::{chunk_count, FileProblem};
use partner_api::ApiError;

/// The submission.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// The form; nothing sent yet or the last submission was answered.
    Editing,
    Submitting,
    /// Refused or failed: the draft and the uploads are kept; submit again.
    Failed(ApiError),
    /// The answer was lost: the project was read again before anything else is sent.
    Unsure(ApiError),
}

impl Flow {
    pub fn busy(&self) -> bool {
        matches!(self, Flow::Submitting)
    }
}

/// One attachment's upload. `id` is the server's upload once opened; `sent` the chunks it took.
#[derive(Debug, Clone, PartialEq)]
pub enum Upload {
    /// Waiting for its turn (new, or retried from where it stopped).
    Queued {
        id: Option<String>,
        sent: u32,
    },
    Sending {
        id: Option<String>,
        sent: u32,
    },
    /// Stopped on an error; "重试" goes on from the chunk that failed.
    Failed {
        id: Option<String>,
        sent: u32,
        error: ApiError,
    },
    Done {
        id: String,
    },
}

/// A file the person added.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub key: u32,
    pub name: String,
    pub size: u64,
    pub upload: Upload,
}

impl Item {
    pub fn chunks(&self) -> u32 {
        chunk_count(self.size)
    }

    /// 0–100.
    pub fn percent(&self) -> u32 {
        match &self.upload {
            Upload::Done { .. } => 100,
            Upload::Queued { sent, .. } | Upload::Sending { sent, .. } | Upload::Failed { sent, .. } => {
                sent * 100 / self.chunks().max(1)
            }
        }
    }

    pub fn done_id(&self) -> Option<&str> {
        match &self.upload {
            Upload::Done { id } => Some(id),
            _ => None,
        }
    }

    /// `waiting`, `sending`, `failed` or `done` (the row's `data-state`).
    pub fn state_key(&self) -> &'static str {
        match self.upload {
            Upload::Queued { .. } => "waiting",
            Upload::Sending { .. } => "sending",
            Upload::Failed { .. } => "failed",
            Upload::Done { .. } => "done",
        }
    }
}

/// A file that was not added, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    File(String, FileProblem),
    /// Over the limit of files per application.
    TooMany(String),
}
