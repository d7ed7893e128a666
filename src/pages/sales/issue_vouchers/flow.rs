//! Where an issuance stands: one value, so which combinations are legal is visible in one type.

use partner_api::issuance::Plan;
use partner_api::ApiError;

/// Where the issuance stands. Only `Issuing` sends anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// The form; no plan on screen.
    Editing,
    /// A plan made from the form, shown for review; nothing is saved or sent until confirmed.
    Reviewing(Plan),
    /// The driver sends batches, or reconciles an ambiguous one before sending more.
    Issuing(Plan),
    /// A read needed to go on failed: nothing more is sent until "Continue".
    Interrupted { plan: Plan, error: ApiError },
    /// Nothing left to send: every customer is issued or failed.
    Done(Plan),
}

impl Flow {
    /// The plan being issued or issued (not one under review).
    pub fn plan(&self) -> Option<&Plan> {
        match self {
            Flow::Editing | Flow::Reviewing(_) => None,
            Flow::Issuing(p) | Flow::Interrupted { plan: p, .. } | Flow::Done(p) => Some(p),
        }
    }

    pub fn plan_mut(&mut self) -> Option<&mut Plan> {
        match self {
            Flow::Editing | Flow::Reviewing(_) => None,
            Flow::Issuing(p) | Flow::Interrupted { plan: p, .. } | Flow::Done(p) => Some(p),
        }
    }

    pub fn reviewing(&self) -> Option<&Plan> {
        match self {
            Flow::Reviewing(p) => Some(p),
            _ => None,
        }
    }

    pub fn running(&self) -> bool {
        matches!(self, Flow::Issuing(_))
    }

    pub fn error(&self) -> Option<&ApiError> {
        match self {
            Flow::Interrupted { error, .. } => Some(error),
            _ => None,
        }
    }
}
