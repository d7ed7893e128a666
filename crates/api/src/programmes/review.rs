//! The review of an application (B1 FH and B2 capability applications share it): who moves it
//! and which moves are legal. The partner only submits; the provider's reviewers start the
//! review and approve or reject it (a reason is required to reject). Approved and rejected
//! are final; after a rejection the partner may submit a new application.

use crate::codes;

pub mod status {
    /// 待审核: submitted, not yet picked up.
    pub const SUBMITTED: &str = "SUBMITTED";
    /// 审核中.
    pub const IN_REVIEW: &str = "IN_REVIEW";
    /// 审核通过.
    pub const APPROVED: &str = "APPROVED";
    /// 审核驳回 (with a reason).
    pub const REJECTED: &str = "REJECTED";
    pub const ALL: &[&str] = &[SUBMITTED, IN_REVIEW, APPROVED, REJECTED];
}

/// A reviewer's move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Start,
    Approve,
    Reject,
}

impl ReviewAction {
    pub fn parse(s: &str) -> Option<ReviewAction> {
        match s {
            "start" => Some(ReviewAction::Start),
            "approve" => Some(ReviewAction::Approve),
            "reject" => Some(ReviewAction::Reject),
            _ => None,
        }
    }
}

/// Why a move is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRefusal {
    /// The move is not legal from the current state (`CBC.50030005`).
    IllegalTransition,
    /// Rejecting needs a reason (`CBC.0100` naming `reason`).
    ReasonRequired,
}

impl ReviewRefusal {
    pub fn code(self) -> &'static str {
        match self {
            ReviewRefusal::IllegalTransition => codes::ILLEGAL_REVIEW_TRANSITION,
            ReviewRefusal::ReasonRequired => codes::PARAM_ERROR,
        }
    }
}

/// The state after `action` from `from`, or why not.
pub fn next(from: &str, action: ReviewAction, reason: Option<&str>) -> Result<&'static str, ReviewRefusal> {
    use status::*;
    match (from, action) {
        (SUBMITTED, ReviewAction::Start) => Ok(IN_REVIEW),
        (IN_REVIEW, ReviewAction::Approve) => Ok(APPROVED),
        (SUBMITTED | IN_REVIEW, ReviewAction::Reject) => match reason.map(str::trim) {
            Some(r) if !r.is_empty() => Ok(REJECTED),
            _ => Err(ReviewRefusal::ReasonRequired),
        },
        _ => Err(ReviewRefusal::IllegalTransition),
    }
}

/// Still open: the reviewers have not decided.
pub fn is_open(s: &str) -> bool {
    s == status::SUBMITTED || s == status::IN_REVIEW
}

#[cfg(test)]
mod tests {
    use super::status::*;
    use super::*;

    #[test]
    fn every_legal_move() {
        assert_eq!(next(SUBMITTED, ReviewAction::Start, None), Ok(IN_REVIEW));
        assert_eq!(next(IN_REVIEW, ReviewAction::Approve, None), Ok(APPROVED));
        assert_eq!(next(SUBMITTED, ReviewAction::Reject, Some("材料不全")), Ok(REJECTED));
        assert_eq!(next(IN_REVIEW, ReviewAction::Reject, Some("x")), Ok(REJECTED));
    }

    #[test]
    fn every_illegal_move() {
        let illegal = [
            (SUBMITTED, ReviewAction::Approve),
            (IN_REVIEW, ReviewAction::Start),
            (APPROVED, ReviewAction::Start),
            (APPROVED, ReviewAction::Approve),
            (APPROVED, ReviewAction::Reject),
            (REJECTED, ReviewAction::Start),
            (REJECTED, ReviewAction::Approve),
            (REJECTED, ReviewAction::Reject),
        ];
        for (from, action) in illegal {
            assert_eq!(next(from, action, Some("r")), Err(ReviewRefusal::IllegalTransition), "{from} {action:?}");
        }
        assert_eq!(next(IN_REVIEW, ReviewAction::Reject, Some("  ")), Err(ReviewRefusal::ReasonRequired));
        assert_eq!(next(SUBMITTED, ReviewAction::Reject, None).unwrap_err().code(), codes::PARAM_ERROR);
    }

    #[test]
    fn open_states() {
        assert!(is_open(SUBMITTED) && is_open(IN_REVIEW));
        assert!(!is_open(APPROVED) && !is_open(REJECTED));
        assert_eq!(ReviewAction::parse("reject"), Some(ReviewAction::Reject));
        assert_eq!(ReviewAction::parse("x"), None);
    }
}
