//! What the batch page shows: one state, changed only by the controller (`controller.rs`).

use partner_api::accounts::batch::{LineProblem, Plan, Review};
use partner_api::{Amount, ApiError};
use std::sync::Arc;

/// A list read and reviewed, waiting for the person's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// Lines that are not rows at all (no id, a bad amount, a duplicate …).
    pub problems: Vec<LineProblem>,
    /// Rows checked against A4 and R2.
    pub review: Review,
    /// The partner's allocatable cash (R2) when it could be read.
    pub allocatable: Option<Amount>,
    pub currency: String,
    /// A tier-1 adjusting one of its resellers' customers.
    pub indirect_partner_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// The list box (its text lives in the controller, so going back keeps it).
    Editing,
    /// Reading A4 and R2 for the review.
    Checking,
    Reviewing(Arc<Checked>),
    /// Being sent, one row at a time.
    Running(Plan),
    /// Paused by the person (between two rows).
    Paused(Plan),
    /// A read needed to go on failed (A3 for a lost answer): nothing more is sent until it works.
    Interrupted {
        plan: Plan,
        error: ApiError,
    },
    /// Every row settled (done or failed).
    Done(Plan),
}

impl Flow {
    pub fn plan(&self) -> Option<&Plan> {
        match self {
            Flow::Running(p) | Flow::Paused(p) | Flow::Done(p) | Flow::Interrupted { plan: p, .. } => Some(p),
            _ => None,
        }
    }

    pub fn running(&self) -> bool {
        matches!(self, Flow::Running(_))
    }

    /// The state's name, for `data-state` (tests and styles).
    pub fn name(&self) -> &'static str {
        match self {
            Flow::Editing => "editing",
            Flow::Checking => "checking",
            Flow::Reviewing(_) => "reviewing",
            Flow::Running(_) => "running",
            Flow::Paused(_) => "paused",
            Flow::Interrupted { .. } => "interrupted",
            Flow::Done(_) => "done",
        }
    }
}
